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

  /**
   * Where the world lives and how the simulator runs, as the operator chose it.
   *
   * @param world {@code in memory}, {@code in the data folder <path>} or {@code in the database <URL>}
   *     (never a password)
   * @param mail {@code outbox only} or {@code delivered to the mail gateway <URL>}
   */
  record Setup(String world, String pluginCalls, String mail) {}

  void print(Optional<Path> pluginsDir, List<PluginStatus> plugins, Optional<Path> fixture, boolean fixtureLoaded,
      Setup setup, String baseUrl) {
    line("platform API " + PlatformVersion.CURRENT);
    line("plugins folder " + pluginsDir.map(Path::toString).orElse("(none)"));
    if (plugins.isEmpty()) {
      line("no plugins loaded: a plain help desk");
    }
    for (PluginStatus plugin : plugins) {
      line(describe(plugin));
    }
    line("world " + setup.world());
    String fixtureName = fixture.map(Path::toString).orElse("the built-in demo fixture");
    // a kept world is served as it is: saying "fixture …" then would suggest it was replaced
    line(fixtureLoaded ? "fixture " + fixtureName + " loaded"
        : "fixture not loaded: serving the world kept there (" + fixtureName + " loads only into an empty one)");
    line("plugin calls " + setup.pluginCalls());
    line("mail " + setup.mail());
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

  /** A JDBC URL with any password parameter left out (the password itself comes from the environment). */
  static String withoutPassword(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)([?&;])password=[^&;]*&?", "$1").replaceAll("[?&;]$", "");
  }

  private void line(String text) {
    out.println(Main.NAME + ": " + text);
  }
}
