package dev.deskcc.sim.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds a real PF4J plugin jar inside a test: compiles the given sources against the SPI, writes
 * the MANIFEST descriptor and {@code META-INF/extensions.idx} by hand.
 */
public final class PluginJar {
  private final String id;
  private String version = "1.0.0";
  private String requires = "*";
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final List<String> extensions = new ArrayList<>();

  private PluginJar(String id) {
    this.id = id;
  }

  public static PluginJar plugin(String id) {
    return new PluginJar(id);
  }

  public PluginJar requires(String range) {
    this.requires = range;
    return this;
  }

  /** Adds an extension class: its source, listed in extensions.idx. */
  public PluginJar extension(String className, String source) {
    sources.put(className, source);
    extensions.add(className);
    return this;
  }

  public Path writeTo(Path pluginsDir) {
    try {
      Path classes = Files.createTempDirectory("plugin-" + id);
      compile(classes);
      Manifest mf = new Manifest();
      Attributes a = mf.getMainAttributes();
      a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
      a.putValue("Plugin-Id", id);
      a.putValue("Plugin-Version", version);
      a.putValue("Plugin-Requires", requires);
      a.putValue("Plugin-Provider", "tests");
      Path jar = pluginsDir.resolve(id + "-" + version + ".jar");
      try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
        j.putNextEntry(new JarEntry("META-INF/extensions.idx"));
        j.write((String.join("\n", extensions) + "\n").getBytes(StandardCharsets.UTF_8));
        j.closeEntry();
        try (Stream<Path> files = Files.walk(classes)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
            j.write(Files.readAllBytes(f));
            j.closeEntry();
          }
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the plugin as a PF4J zip: {@code plugin.properties} and the jar under {@code lib/}.
   */
  public Path writeZipTo(Path pluginsDir) {
    try {
      Path staging = Files.createTempDirectory("zip-" + id);
      Path jar = writeTo(staging);
      Path zip = pluginsDir.resolve(id + "-" + version + ".zip");
      try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
        z.putNextEntry(new java.util.zip.ZipEntry("plugin.properties"));
        z.write(("plugin.id=" + id + "\nplugin.version=" + version + "\nplugin.requires=" + requires
            + "\nplugin.provider=tests\n").getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
        z.putNextEntry(new java.util.zip.ZipEntry("lib/" + jar.getFileName()));
        z.write(Files.readAllBytes(jar));
        z.closeEntry();
      }
      return zip;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void compile(Path out) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((name, code) -> units.add(new SimpleJavaFileObject(
        java.net.URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return code;
      }
    }));
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-d", out.toString(), "-classpath", classpath(), "-proc:none", "--release", "17");
      boolean ok = javac.getTask(diagnostics, fm, null, options, null, units).call();
      if (!ok) {
        throw new IllegalStateException("plugin " + id + " does not compile:\n" + diagnostics);
      }
    }
  }

  /** Where the SPI and its types live (surefire may hide the real class path in a manifest jar). */
  private static String classpath() {
    List<String> parts = new ArrayList<>();
    for (Class<?> c : List.of(dev.deskcc.api.PlatformVersion.class, org.pf4j.ExtensionPoint.class,
        com.fasterxml.jackson.databind.JsonNode.class, com.fasterxml.jackson.core.JsonParser.class,
        com.fasterxml.jackson.annotation.JsonProperty.class, jakarta.mail.internet.InternetAddress.class)) {
      try {
        parts.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.join(java.io.File.pathSeparator, parts);
  }
}
