package dev.deskcc.sim.cli;

import dev.deskcc.api.PlatformVersion;
import dev.deskcc.sim.PluginStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the launcher tells the operator once the simulator runs: the platform version, every
 * plugin with its version and state (and why it is not started), and which fixture was loaded.
 * The last line is always {@code listening on <base URL>}, which scripts wait for.
 */
final class StartupReport {

  private final PrintStream out;

  StartupReport(PrintStream out) {
    this.out = out;
  }

  void print(Optional<Path> pluginsDir, List<PluginStatus> plugins, Optional<Path> fixture, String baseUrl) {
    line("platform API " + PlatformVersion.CURRENT);
    line("plugins folder " + pluginsDir.map(Path::toString).orElse("(none)"));
    if (plugins.isEmpty()) {
      line("no plugins loaded: a plain help desk");
    }
    for (PluginStatus plugin : plugins) {
      line(describe(plugin));
    }
    line("fixture " + fixture.map(Path::toString).orElse("(the built-in demo fixture)"));
    out.println("listening on " + baseUrl);
    out.flush();
  }

  static String describe(PluginStatus plugin) {
    String version = plugin.version() == null ? "(unknown version)" : plugin.version();
    String text = "plugin " + plugin.id() + " " + version + " " + plugin.state();
    if (!"STARTED".equals(plugin.state())) {
      text += " - not started" + (plugin.reason() == null ? "" : ": " + plugin.reason());
    }
    return text;
  }

  private void line(String text) {
    out.println(Main.NAME + ": " + text);
  }
}
