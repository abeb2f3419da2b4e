package dev.deskcc.bench.support;

import dev.deskcc.sim.PluginStatus;
import dev.deskcc.sim.plugins.PluginHost;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Where the benchmarks find the plugin jar, and PF4J hosts with and without it. */
public final class Plugins {

  /** The plugin id of secondary contacts. */
  public static final String CC = "secondary-contacts";

  private Plugins() {}

  /**
   * The folder holding the plugin jar: {@code -Ddeskcc.bench.plugins=DIR}, else {@code plugins/}
   * beside the jar (or classes folder) these benchmarks run from, where the build copies it.
   */
  public static Path dir() {
    String configured = System.getProperty("deskcc.bench.plugins");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    try {
      Path code = Path.of(Plugins.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = code.getParent().resolve("plugins");
      if (!Files.isDirectory(dir)) {
        throw new IllegalStateException("no plugin folder at " + dir + "; build with `mvn package` or pass "
            + "-Ddeskcc.bench.plugins=DIR");
      }
      return dir;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A started host: with the plugin folder, or a plain help desk. */
  public static PluginHost host(boolean withPlugin) {
    // a generous call time-out: a GC pause on a loaded machine must not fail a benchmark
    PluginHost host = new PluginHost(withPlugin ? dir() : null, Duration.ofSeconds(30), Clock.systemUTC());
    host.loadAndStart();
    if (withPlugin) {
      PluginStatus status = host.status(CC)
          .orElseThrow(() -> new IllegalStateException("plugin " + CC + " not found in " + dir()));
      if (!status.state().equals("STARTED")) {
        throw new IllegalStateException("plugin " + CC + " is " + status.state());
      }
    }
    return host;
  }
}
