package dev.deskcc.dist.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.dist.support.Build;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * A second release of the CC plugin with a second data format, made for the upgrade test: the
 * released sources of {@code CcDataCodec} with schema version 2, in which {@code everCc} is
 * called {@code formerCc}, and a real migration step from version 1. Compiled against the
 * released jar and put into a copy of it (with {@code CcStore}, which inlines the version).
 */
final class CcPluginV2 {
  static final String VERSION = "0.2.0";
  private static final String STORE_PACKAGE = "cc-plugin/src/main/java/dev/deskcc/cc/store/";

  private CcPluginV2() {}

  static Path build(Path work) {
    try {
      Path src = Files.createDirectories(work.resolve("v2-src/dev/deskcc/cc/store"));
      Path classes = Files.createDirectories(work.resolve("v2-classes"));
      String codec = Files.readString(Build.repoRoot().resolve(STORE_PACKAGE + "CcDataCodec.java"));
      String v2 = replaceOnce(codec, "public static final int SCHEMA_VERSION = 1;",
          "public static final int SCHEMA_VERSION = 2;");
      v2 = replaceOnce(v2, "value.path(\"everCc\")", "value.path(\"formerCc\")");
      v2 = replaceOnce(v2, "root.putArray(\"everCc\")", "root.putArray(\"formerCc\")");
      v2 = replaceOnce(v2, "    return value;\n  }\n}", """
              if (schemaVersion < 2) {
                ObjectNode copy = ((ObjectNode) value).deepCopy();
                JsonNode ever = copy.remove("everCc");
                copy.set("formerCc", ever == null ? JSON.arrayNode() : ever);
                value = copy;
              }
              return value;
            }
          }
          """);
      Files.writeString(src.resolve("CcDataCodec.java"), v2);
      Files.copy(Build.repoRoot().resolve(STORE_PACKAGE + "CcStore.java"), src.resolve("CcStore.java"));

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
      assertThat(ok).as("compiling the v2 codec:%n%s", diagnostics).isTrue();

      Map<String, byte[]> replaced = new TreeMap<>();
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          replaced.put(classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
        }
      }
      return PluginJars.rebuilt(Build.pluginJar(), VERSION, replaced, work.resolve("secondary-contacts-" + VERSION + ".jar"));
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
