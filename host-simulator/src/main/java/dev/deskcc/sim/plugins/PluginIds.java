package dev.deskcc.sim.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** The {@code Plugin-Id} a jar's manifest declares, read without loading it. */
final class PluginIds {
  private PluginIds() {}

  /** Empty for a file that is no readable jar or names no id (a zip plugin, say). */
  static Optional<String> declaredId(Path file) {
    if (!file.getFileName().toString().endsWith(".jar")) {
      return Optional.empty();
    }
    try (JarFile jar = new JarFile(file.toFile())) {
      Manifest manifest = jar.getManifest();
      return Optional.ofNullable(manifest == null ? null : manifest.getMainAttributes().getValue("Plugin-Id"))
          .map(String::strip).filter(id -> !id.isEmpty());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
