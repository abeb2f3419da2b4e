package dev.deskcc.dist.durability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Plugin jars as an operator handles them: copied, and rebuilt as a newer release. */
final class PluginJars {
  private PluginJars() {}

  /**
   * A copy of {@code jar} whose MANIFEST says {@code Plugin-Version: version}: what the next
   * release of the same plugin looks like to the host.
   */
  static Path withVersion(Path jar, String version, Path target) {
    return rebuilt(jar, version, Map.of(), target);
  }

  /** As {@link #withVersion}, with some entries (class files, say) replaced or added. */
  static Path rebuilt(Path jar, String version, Map<String, byte[]> replaced, Path target) {
    try (JarFile in = new JarFile(jar.toFile())) {
      Manifest manifest = new Manifest(in.getManifest());
      manifest.getMainAttributes().put(new Attributes.Name("Plugin-Version"), version);
      try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, manifest)) {
        Enumeration<JarEntry> entries = in.entries();
        while (entries.hasMoreElements()) {
          JarEntry entry = entries.nextElement();
          if (entry.getName().equalsIgnoreCase("META-INF/MANIFEST.MF") || replaced.containsKey(entry.getName())) {
            continue;
          }
          out.putNextEntry(new JarEntry(entry.getName()));
          try (InputStream content = in.getInputStream(entry)) {
            content.transferTo(out);
          }
          out.closeEntry();
        }
        for (Map.Entry<String, byte[]> entry : replaced.entrySet()) {
          out.putNextEntry(new JarEntry(entry.getKey()));
          out.write(entry.getValue());
          out.closeEntry();
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
