package dev.deskcc.dist.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.dist.support.Build;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Other releases of the CC plugin with other data formats, made for the upgrade tests: the built
 * plugin jar with its {@code CcDataCodec} and {@code CcStore} (which inlines the schema version)
 * replaced by other sources, compiled against the built jar.
 *
 * <ul>
 *   <li>{@link #first}: the first release, 0.0.9, whose codec wrote schema version 1 (an object per
 *       CC repeating the contact's address and name, and {@code everCc}). Its sources are kept
 *       verbatim as test resources.
 *   <li>{@link #next}: a release after this one, with schema version 3, in which {@code formerCc}
 *       is called {@code pastCc}, and a real migration step from version 2, made from this
 *       release's sources.
 * </ul>
 */
final class CcPluginRelease {
  static final String FIRST_VERSION = "0.0.9";
  static final String NEXT_VERSION = "0.2.0";
  private static final String STORE_PACKAGE = "cc-plugin/src/main/java/dev/deskcc/cc/store/";

  private CcPluginRelease() {}

  /** The first release (schema version 1). */
  static Path first(Path work) {
    return build(work.resolve("v1"), FIRST_VERSION, resource("CcDataCodec.java.txt"), resource("CcStore.java.txt"));
  }

  /** A release after this one (schema version 3, migrating version 2). */
  static Path next(Path work) {
    try {
      String codec = Files.readString(Build.repoRoot().resolve(STORE_PACKAGE + "CcDataCodec.java"));
      String v3 = replaceOnce(codec, "public static final int SCHEMA_VERSION = 2;",
          "public static final int SCHEMA_VERSION = 3;");
      v3 = replaceOnce(v3, "FORMER_CC = \"formerCc\";", "FORMER_CC = \"pastCc\";");
      v3 = replaceOnce(v3, "    return value;\n  }\n}", """
              if (schemaVersion < 3) {
                ObjectNode copy = ((ObjectNode) value).deepCopy();
                JsonNode former = copy.remove("formerCc");
                if (former != null) {
                  copy.set("pastCc", former);
                }
                value = copy;
              }
              return value;
            }
          }
          """);
      String store = Files.readString(Build.repoRoot().resolve(STORE_PACKAGE + "CcStore.java"));
      return build(work.resolve("v3"), NEXT_VERSION, v3, store);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = CcPluginRelease.class.getResourceAsStream("v1/" + name)) {
      assertThat(in).as("test resource v1/%s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path build(Path work, String version, String codecSource, String storeSource) {
    try {
      Path src = Files.createDirectories(work.resolve("src/dev/deskcc/cc/store"));
      Path classes = Files.createDirectories(work.resolve("classes"));
      Files.writeString(src.resolve("CcDataCodec.java"), codecSource);
      Files.writeString(src.resolve("CcStore.java"), storeSource);

      List<String> classpath = new ArrayList<>();
      classpath.add(Build.pluginJar().toString());
      try (Stream<Path> lib = Files.list(Build.home().resolve("lib"))) {
        lib.forEach(p -> classpath.add(p.toString()));
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
      List<String> args = new ArrayList<>(List.of("-proc:none", "--release", "17", "-d", classes.toString(),
          "-classpath", String.join(java.io.File.pathSeparator, classpath),
          src.resolve("CcDataCodec.java").toString(), src.resolve("CcStore.java").toString()));
      boolean ok = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new)) == 0;
      assertThat(ok).as("compiling the %s codec:%n%s", version, diagnostics).isTrue();

      Map<String, byte[]> replaced = new TreeMap<>();
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          replaced.put(classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
        }
      }
      return PluginJars.rebuilt(Build.pluginJar(), version, replaced, work.resolve("secondary-contacts-" + version + ".jar"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String replaceOnce(String text, String from, String to) {
    int at = text.indexOf(from);
    assertThat(at).as("the released CcDataCodec no longer contains %s: update this test", from)
        .isNotNegative();
    assertThat(text.indexOf(from, at + 1)).as("%s occurs twice in CcDataCodec", from).isNegative();
    return text.substring(0, at) + to + text.substring(at + from.length());
  }
}
