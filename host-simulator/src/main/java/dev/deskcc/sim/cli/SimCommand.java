package dev.deskcc.sim.cli;

import dev.deskcc.api.PlatformVersion;
import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.fixture.FixtureException;
import dev.deskcc.sim.plugins.PluginCallMode;
import dev.deskcc.sim.store.Stores;
import dev.deskcc.sim.store.jdbc.StoreFailure;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code deskcc-sim} command: options, checks, start, and waiting for SIGTERM. */
@Command(
    name = Main.NAME,
    mixinStandardHelpOptions = true,
    versionProvider = SimCommand.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    headerHeading = "%n",
    header = "Runs the deskcc help-desk simulator with the plugins of a folder loaded.",
    description = {
      "%nServes the platform's HTTP API (docs/http-api.md) on 127.0.0.1 only. Once it serves it prints one line 'listening on http://127.0.0.1:<port>' on standard output. SIGTERM (or Ctrl-C) stops it cleanly: plugins are stopped and the port is released.",
      "%nWithout --fixture it loads the distribution's fixtures/demo.json when --plugins is left at its default (that demo world is made for the plugins the distribution ships), and the simulator's built-in demo fixture (no plugin settings) with any other plugins folder.%n"
    },
    optionListHeading = "Options:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:help or version printed, or stopped after serving",
      "1:could not start for an unexpected reason (see the message)",
      "2:bad option, missing plugins folder or fixture, invalid fixture, unusable data folder or database, port in use",
      "143:stopped by SIGTERM (the JVM's code for it; shutdown was clean)"
    })
final class SimCommand implements Callable<Integer> {

  private static final int DEFAULT_PORT = 8080;

  @Spec private CommandSpec spec;

  private int port = DEFAULT_PORT;

  @Option(
      names = "--plugins",
      order = 2,
      paramLabel = "DIR",
      description = "Folder of plugin jars and zips to load (default: the distribution's plugins/).")
  private Path plugins;

  @Option(
      names = "--fixture",
      order = 3,
      paramLabel = "FILE",
      description = "World to load: a fixture JSON file, as POST /sim/fixtures takes (default: see above).")
  private Path fixture;

  @Option(
      names = "--data-dir",
      order = 4,
      paramLabel = "DIR",
      description = "Keep the world in DIR (made when missing): it survives restarts and crashes, and the fixture is loaded only while DIR holds no world yet.")
  private Path dataDir;

  @Option(
      names = "--database",
      order = 5,
      paramLabel = "URL",
      description = "Keep the world in PostgreSQL (jdbc:postgresql://HOST:PORT/DB?user=U; password in the environment variable " + Stores.DATABASE_PASSWORD_ENV + "), shared by every simulator on that database.")
  private String database;

  /** The environment variable that holds the mail gateway's API key (never an option: argv is visible). */
  static final String GATEWAY_KEY_ENV = "DESKCC_MAIL_GATEWAY_KEY";

  @Option(
      names = "--mail-gateway",
      order = 6,
      paramLabel = "URL",
      description = "Deliver the outbox to this HTTP mail gateway (one JSON POST to URL/messages per message, "
          + "Idempotency-Key = Message-ID, retried until accepted). The API key comes from the environment "
          + "variable " + GATEWAY_KEY_ENV + ". Without it the outbox is where mail ends (GET /sim/outbox).")
  private java.net.URI mailGateway;

  private PluginCallMode pluginCalls = PluginCallMode.INLINE;

  private final Distribution distribution;
  private final PrintStream out;

  SimCommand(Distribution distribution, PrintStream out) {
    this.distribution = distribution;
    this.out = out;
  }

  @Option(
      names = "--port",
      order = 1,
      paramLabel = "N",
      description = "TCP port on 127.0.0.1; 0 takes a free port (default: " + DEFAULT_PORT + ").")
  void port(int value) {
    if (value < 0 || value > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not " + value);
    }
    this.port = value;
  }

  @Option(
      names = "--plugin-calls",
      order = 7,
      paramLabel = "MODE",
      description = "How plugin calls run: 'inline' (default) on the request's own thread, under a watchdog that "
          + "interrupts a call past the 2 s time-out (the request then fails with PLUGIN_FAILED; a plugin that "
          + "ignores the interruption and never returns keeps its request thread and the write lock); "
          + "'thread' on a worker thread per call (slower; a plugin that never returns costs a worker, never a "
          + "request thread): use it for plugins you do not trust.")
  void pluginCalls(String value) {
    this.pluginCalls = switch (value) {
      case "inline" -> PluginCallMode.INLINE;
      case "thread" -> PluginCallMode.THREAD;
      default -> throw new ParameterException(spec.commandLine(),
          "--plugin-calls must be inline or thread, not " + value);
    };
  }

  @Option(
      names = "--verbose",
      order = 8,
      description = "Also print the libraries' INFO lines (PF4J, Jetty, Javalin, HikariCP, Flyway); by default only "
          + "their warnings and errors show.")
  private boolean verbose;

  private StartupReport.Setup setup() {
    String world = dataDir != null ? "in the data folder " + absolute(dataDir)
        : database != null ? "in the database " + StartupReport.withoutPassword(database)
        : "in memory (gone when the simulator stops)";
    String mail = mailGateway == null ? "outbox only (GET /sim/outbox)" : "delivered to the mail gateway " + mailGateway;
    return new StartupReport.Setup(world, pluginCalls.name().toLowerCase(java.util.Locale.ROOT), mail);
  }

  @Override
  public Integer call() throws InterruptedException {
    if (verbose) {
      LibraryLogging.verbose();
    }
    refuseUnsupported();
    Optional<Path> pluginsDir = pluginsDir();
    Optional<Path> fixtureFile = fixtureFile();
    Simulator simulator = start(pluginsDir, fixtureFile);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(simulator, stopped), Main.NAME + "-shutdown"));
    new StartupReport(out).print(pluginsDir, simulator.plugins(), fixtureFile, simulator.fixtureLoaded(), setup(),
        simulator.baseUrl());
    stopped.await();
    return 0;
  }

  private void refuseUnsupported() {
    if (dataDir != null && database != null) {
      throw new LaunchException(LaunchProblem.BAD_OPTION,
          "--data-dir and --database exclude each other: keep the world in a folder or in PostgreSQL");
    }
  }

  private String gatewayKey() {
    String scheme = mailGateway.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || mailGateway.getHost() == null) {
      throw new LaunchException(LaunchProblem.BAD_OPTION, "--mail-gateway must be an http(s) URL, not " + mailGateway);
    }
    String key = System.getenv(GATEWAY_KEY_ENV);
    if (key == null || key.isBlank()) {
      throw new LaunchException(LaunchProblem.BAD_OPTION,
          "--mail-gateway needs the gateway's API key in the environment variable " + GATEWAY_KEY_ENV);
    }
    return key.strip();
  }

  private Optional<Path> pluginsDir() {
    Optional<Path> dir = Optional.ofNullable(plugins).or(distribution::pluginsDir).map(SimCommand::absolute);
    dir.filter(d -> !Files.isDirectory(d)).ifPresent(d -> {
      throw new LaunchException(LaunchProblem.PLUGINS_FOLDER_MISSING,
          "plugins folder " + d + " does not exist or is not a folder");
    });
    return dir;
  }

  private Optional<Path> fixtureFile() {
    if (fixture == null) {
      return plugins == null ? distribution.demoFixture() : Optional.empty();
    }
    Path file = absolute(fixture);
    if (!Files.isRegularFile(file)) {
      throw new LaunchException(LaunchProblem.FIXTURE_MISSING, "fixture " + file + " does not exist or is not a file");
    }
    return Optional.of(file);
  }

  private Simulator start(Optional<Path> pluginsDir, Optional<Path> fixtureFile) {
    String fixtureName = fixtureFile.map(Path::toString).orElse("(built-in demo)");
    try {
      Simulator.Builder builder = Simulator.builder().port(port).pluginCalls(pluginCalls);
      pluginsDir.ifPresent(builder::pluginsDir);
      fixtureFile.ifPresent(builder::fixture);
      if (dataDir != null) {
        builder.dataDir(absolute(dataDir));
      }
      if (database != null) {
        builder.database(database);
      }
      if (mailGateway != null) {
        builder.mailGateway(mailGateway, gatewayKey());
      }
      return builder.build().start();
    } catch (FixtureException e) {
      throw new LaunchException(LaunchProblem.FIXTURE_INVALID, "fixture " + fixtureName + ": " + e.getMessage());
    } catch (StoreFailure e) {
      throw new LaunchException(e.code() == StoreFailure.Code.DATA_DIR_UNUSABLE ? LaunchProblem.DATA_DIR_UNUSABLE
          : LaunchProblem.DATABASE_UNUSABLE, e.getMessage());
    } catch (RuntimeException e) {
      if (isBindFailure(e)) {
        throw new LaunchException(LaunchProblem.PORT_IN_USE, "port " + port
            + " on 127.0.0.1 is already in use; choose another with --port, or --port 0 for a free one");
      }
      throw e;
    }
  }

  private void stop(Simulator simulator, CountDownLatch stopped) {
    try {
      simulator.close();
      out.println(Main.NAME + ": stopped");
      out.flush();
    } finally {
      stopped.countDown();
    }
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  private static Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }

  /** {@code --version}: the platform API version plugins are checked against. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {Main.NAME + " (deskcc platform API " + PlatformVersion.CURRENT + ")"};
    }
  }
}
