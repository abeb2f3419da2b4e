package dev.deskcc.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deskcc.sim.desk.Desk;
import dev.deskcc.sim.desk.FixtureResult;
import dev.deskcc.sim.fixture.Fixture;
import dev.deskcc.sim.fixture.FixtureException;
import dev.deskcc.sim.fixture.FixtureLoader;
import dev.deskcc.sim.fixture.FixtureParser;
import dev.deskcc.sim.http.HttpApi;
import dev.deskcc.sim.http.Json;
import dev.deskcc.sim.mail.MailGatewayClient;
import dev.deskcc.sim.mail.OutboxDispatcher;
import dev.deskcc.sim.plugins.PluginCallMode;
import dev.deskcc.sim.plugins.PluginHost;
import dev.deskcc.sim.store.Store;
import dev.deskcc.sim.store.Stores;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host simulator: a plain help desk that loads plugins from a folder, serves the HTTP contract
 * and, when given a mail gateway, delivers its outbox. Built with {@link #builder()}, started with
 * {@link #start()}, stopped with {@link #close()}.
 */
public final class Simulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
  private static final String DEMO_FIXTURE = "/fixtures/demo.json";

  private final Builder config;
  private final ObjectMapper mapper = Json.mapper();
  private PluginHost pluginHost;
  private Desk desk;
  private HttpApi http;
  private MailGatewayClient gatewayClient;
  private volatile OutboxDispatcher dispatcher;
  private Store store;
  private FixtureIds fixtureIds;
  private volatile boolean fixtureLoaded;
  private boolean closed;

  private Simulator(Builder config) {
    this.config = config;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads plugins from the folder (never from the classpath), then the fixture, then serves HTTP.
   *
   * @throws FixtureException when the fixture is not valid (nothing keeps running then)
   */
  public synchronized Simulator start() {
    if (http != null) {
      return this;
    }
    try {
      store = Stores.open(config.dataDir, config.databaseUrl, config.databasePassword);
      fixtureIds = new FixtureIds(store, mapper);
      pluginHost = new PluginHost(config.pluginsDir, config.pluginCallTimeout, config.clock, config.pluginCalls);
      pluginHost.loadAndStart();
      desk = new Desk(store, pluginHost, config.clock, () -> {
        OutboxDispatcher d = dispatcher;
        if (d != null) {
          d.wake();
        }
      });
      store.exclusively(() -> {
        if (store.holdsWorld()) {
          // a kept world (data folder, database): serve what is there, as it is
          LOG.info("serving the world kept in the store; the fixture is not loaded");
          desk.ensureWorldSecret();
        } else {
          fixtureIds.write(loadInitialFixture());
          fixtureLoaded = true;
        }
        return null;
      });
      http = new HttpApi(desk, mapper, fixtureIds::read, fixtureIds::write).start(config.bindAddress, config.port);
      if (config.gatewayUrl != null) {
        String links = baseUrl();
        gatewayClient = MailGatewayClient.builder().baseUrl(config.gatewayUrl).apiKey(config.gatewayKey)
            .copyHeaders((mail, recipient) -> desk.recipientHeaders(mail, recipient, links))
            .clock(config.clock).build();
        dispatcher = OutboxDispatcher.builder(store, gatewayClient).pollInterval(Duration.ofMillis(500)).build().start();
      }
      LOG.info("listening on {}", baseUrl());
      return this;
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private FixtureResult loadInitialFixture() {
    boolean bundled = config.fixtureJson == null && config.fixturePath == null;
    try {
      return FixtureLoader.load(desk, fixture());
    } catch (FixtureException e) {
      if (!bundled) {
        throw e;
      }
      // the demo fixture is written for the distribution's plugins; without them, start empty
      LOG.warn("the bundled demo fixture does not load with these plugins ({}); starting with an empty world",
          e.getMessage());
      return FixtureLoader.load(desk, Fixture.empty());
    }
  }

  private Fixture fixture() {
    FixtureParser parser = new FixtureParser(mapper);
    if (config.fixtureJson != null) {
      return parser.parse(config.fixtureJson);
    }
    if (config.fixturePath != null) {
      try {
        return parser.parse(Files.readString(config.fixturePath, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new FixtureException("", "cannot read " + config.fixturePath + ": " + e.getMessage());
      }
    }
    try (InputStream in = Simulator.class.getResourceAsStream(DEMO_FIXTURE)) {
      if (in == null) {
        LOG.info("no bundled demo fixture; starting with an empty world");
        return Fixture.empty();
      }
      return parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new FixtureException("", "cannot read the bundled demo fixture: " + e.getMessage());
    }
  }

  /** The port HTTP is served on. */
  public int port() {
    requireStarted();
    return http.port();
  }

  /** {@code http://<bind address>:<port>}. */
  public String baseUrl() {
    String host = config.bindAddress.equals("0.0.0.0") || config.bindAddress.equals("::")
        ? "127.0.0.1" : config.bindAddress;
    return "http://" + host + ":" + port();
  }

  /** The in-process facade (act as an agent or contact, read the outbox). */
  public Desk desk() {
    requireStarted();
    return desk;
  }

  /** Every plugin found in the folder and its state. */
  public List<PluginStatus> plugins() {
    return pluginHost == null ? List.of() : pluginHost.statuses();
  }

  /**
   * Whether {@link #start()} loaded the fixture: {@code false} when it served a world kept in a data
   * folder or database instead (the fixture is loaded only into an empty store).
   *
   * @since 1.2
   */
  public boolean fixtureLoaded() {
    requireStarted();
    return fixtureLoaded;
  }

  /** The ids of the last fixture load, by key. */
  public FixtureResult fixtureIds() {
    requireStarted();
    return fixtureIds.read();
  }

  private void requireStarted() {
    if (http == null) {
      throw new IllegalStateException("the simulator is not started");
    }
  }

  /** Stops HTTP, mail delivery and the plugins (one by one). Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (http != null) {
      http.close();
    }
    if (dispatcher != null) {
      dispatcher.close();
    }
    if (gatewayClient != null) {
      gatewayClient.close();
    }
    if (pluginHost != null) {
      pluginHost.close();
    }
    if (store != null) {
      store.close();
    }
  }

  /** Options of a simulator; every one has a default. */
  public static final class Builder {
    private int port;
    private String bindAddress = "127.0.0.1";
    private Path pluginsDir;
    private Path fixturePath;
    private String fixtureJson;
    private Clock clock = Clock.systemUTC();
    private URI gatewayUrl;
    private String gatewayKey;
    private Duration pluginCallTimeout = Duration.ofSeconds(2);
    private PluginCallMode pluginCalls = PluginCallMode.INLINE;
    private Path dataDir;
    private String databaseUrl;
    private String databasePassword;

    private Builder() {}

    /** 0 (the default) takes a free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    public Builder bindAddress(String bindAddress) {
      this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
      return this;
    }

    /** The folder of plugin jars and zips; without it the simulator is a plain help desk. */
    public Builder pluginsDir(Path pluginsDir) {
      this.pluginsDir = pluginsDir;
      return this;
    }

    public Builder fixture(Path fixture) {
      this.fixturePath = fixture;
      this.fixtureJson = null;
      return this;
    }

    public Builder fixtureJson(String json) {
      this.fixtureJson = json;
      this.fixturePath = null;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Delivers the outbox to this gateway (JSON POST per message). */
    public Builder mailGateway(URI url, String apiKey) {
      this.gatewayUrl = url;
      this.gatewayKey = apiKey;
      return this;
    }

    /** How long one plugin call may take (default 2 s). */
    public Builder pluginCallTimeout(Duration timeout) {
      this.pluginCallTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * On which thread plugin calls run (default {@link PluginCallMode#INLINE}: the caller's, under a
     * watchdog that interrupts a call past the time-out). {@link PluginCallMode#THREAD} hands every
     * call to a worker thread, so a plugin that never returns cannot hold a request thread; use it
     * for plugins you do not trust.
     */
    public Builder pluginCalls(PluginCallMode mode) {
      this.pluginCalls = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Keeps the world in an H2 database in this folder (made when missing): it survives restarts
     * and crashes, and the fixture is loaded only while the folder holds no world yet.
     */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /**
     * Keeps the world in PostgreSQL ({@code jdbc:postgresql://HOST:PORT/DB?user=U}), shared with
     * every other simulator on the same database; the password comes from the environment
     * variable {@code DESKCC_DATABASE_PASSWORD}.
     */
    public Builder database(String jdbcUrl) {
      return database(jdbcUrl, System.getenv(Stores.DATABASE_PASSWORD_ENV));
    }

    /** As {@link #database(String)}, with the password given ({@code null}: none). */
    public Builder database(String jdbcUrl, String password) {
      this.databaseUrl = jdbcUrl;
      this.databasePassword = password;
      return this;
    }

    public Simulator build() {
      if (dataDir != null && databaseUrl != null) {
        throw new IllegalStateException("choose a data folder or a database, not both");
      }
      return new Simulator(this);
    }
  }
}
