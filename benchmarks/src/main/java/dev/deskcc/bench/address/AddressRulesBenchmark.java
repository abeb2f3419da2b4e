package dev.deskcc.bench.address;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.error.Verdict;
import dev.deskcc.api.lifecycle.FieldsUpdated;
import dev.deskcc.api.lifecycle.TicketChangeCheck;
import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.ActorType;
import dev.deskcc.api.model.Agent;
import dev.deskcc.api.model.Channel;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.ContactStatus;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.Edition;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Org;
import dev.deskcc.api.model.RatingMode;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.model.TicketStatus;
import dev.deskcc.api.settings.PluginSettings;
import dev.deskcc.api.settings.SettingDefinition;
import dev.deskcc.bench.support.Plugins;
import dev.deskcc.sim.plugins.HostPluginContext;
import dev.deskcc.sim.plugins.PluginExtension;
import dev.deskcc.sim.plugins.PluginHost;
import dev.deskcc.sim.plugins.SettingsSource;
import dev.deskcc.sim.store.InMemoryStore;
import dev.deskcc.sim.store.StoreTx;
import dev.deskcc.sim.store.TokenOwner;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Figure 2, address rules: the plugin's check of a ticket-details change that sets 20 CC addresses
 * (every rule applied to each: requester, desk addresses, agents, contact status, blocked domains;
 * contacts materialised; CC data written), against the host's real directory: an in-memory store
 * with {@link #contacts} contacts, 10,000 agents and 1,000 support addresses (100 departments of
 * 10), built through the store API. The plugin is the real one, loaded by PF4J from its folder; its
 * check extension is called directly with the host's context (no worker-thread hand-off), and the
 * transaction is rolled back after each call so every call sees the same world.
 *
 * <p>{@code twentyAddresses - noAddress} is the cost of the 20 addresses; divided by 20, the
 * per-address cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class AddressRulesBenchmark {

  private static final int AGENTS = 10_000;
  private static final int DEPARTMENTS = 100;
  private static final int SUPPORT_PER_DEPARTMENT = 10;
  private static final int REQUESTS = 1024;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Param({"1000", "1000000"})
  public int contacts;

  private InMemoryStore store;
  private PluginHost plugins;
  private TicketChangeCheck check;
  private SettingsSource settings;
  private Ticket ticket;
  private final Actor agent = new Actor(ActorType.AGENT, "a0");
  private final Clock clock = Clock.systemUTC();
  private ArrayNode[] requests;
  private final ArrayNode empty = JSON.arrayNode();
  private int next;

  @Setup(Level.Trial)
  public void buildWorld() {
    store = new InMemoryStore();
    try (StoreTx tx = store.begin()) {
      tx.putOrg(new Org("Acme", Edition.ENTERPRISE));
      for (int d = 0; d < DEPARTMENTS; d++) {
        List<EmailAddress> support = new ArrayList<>();
        for (int s = 0; s < SUPPORT_PER_DEPARTMENT; s++) {
          support.add(new EmailAddress("queue-" + s + "@dept-" + d + ".acme.test", null));
        }
        tx.putDepartment(new Department("d" + d, "Department " + d, true, support,
            List.of(new EmailAddress("noreply@dept-" + d + ".acme.test", null)), RatingMode.OFF));
      }
      for (int a = 0; a < AGENTS; a++) {
        tx.putAgent(new Agent("a" + a, "Agent " + a, new EmailAddress("agent-" + a + "@acme.test", null), a == 0,
            Set.of("d" + (a % DEPARTMENTS))));
      }
      tx.putToken("admin-token", new TokenOwner(ActorType.AGENT, "a0"));
      for (int c = 0; c < contacts; c++) {
        tx.putContact(new Contact("c" + c, new EmailAddress(address(c), null), "Customer " + c,
            ContactStatus.ACTIVE, false));
      }
      ObjectNode on = JSON.objectNode();
      on.put("enabled", true);
      tx.putPluginSettings("d0", Plugins.CC, on);
      ticket = new Ticket("t1", 101, "d0", "VPN drops every hour", TicketStatus.OPEN, Channel.AGENT, "c0",
          List.of(), 1, null, Set.of(), Instant.now());
      tx.putTicket(ticket, "");
      tx.commit();
    }
    plugins = Plugins.host(true);
    check = only(plugins, TicketChangeCheck.class);
    PluginSettings described = only(plugins, PluginSettings.class);
    ObjectNode defaults = JSON.objectNode();
    for (SettingDefinition s : described.describe().settings()) {
      defaults.set(s.name(), s.defaultValue());
    }
    // the desk's rule: declared defaults with the stored values over them, a fresh copy per call
    settings = (reader, departmentId, pluginId) -> {
      ObjectNode out = defaults.deepCopy();
      reader.pluginSettings(departmentId, pluginId).ifPresent(out::setAll);
      return out;
    };
    SplittableRandom random = new SplittableRandom(42);
    requests = new ArrayNode[REQUESTS];
    for (int r = 0; r < REQUESTS; r++) {
      ArrayNode items = JSON.arrayNode();
      for (int k = 0; k < 20; k++) {
        // existing contacts spread over the whole directory (contact 0 is the requester)
        items.add(address(1 + random.nextInt(contacts - 1)));
      }
      requests[r] = items;
    }
  }

  private static String address(int n) {
    return "customer-" + n + "@customers-" + (n % 997) + ".test";
  }

  private static <T> T only(PluginHost host, Class<T> point) {
    return host.extensions(point).stream().filter(e -> e.pluginId().equals(Plugins.CC))
        .map(PluginExtension::extension).findFirst().orElseThrow();
  }

  @TearDown(Level.Trial)
  public void stopPlugins() {
    plugins.close();
  }

  private Verdict checkCcField(JsonNode cc) {
    StoreTx tx = store.begin();
    HostPluginContext context = HostPluginContext.writable(Plugins.CC, tx, agent, clock, settings);
    try {
      Verdict verdict = check.check(new FieldsUpdated(ticket, agent, Map.of("cc", cc)), context);
      if (!(verdict instanceof Verdict.Accepted)) {
        throw new IllegalStateException("the benchmark's request was refused: " + verdict);
      }
      return verdict;
    } finally {
      context.invalidate();
      tx.rollback();
    }
  }

  /** 20 addresses of existing contacts. */
  @Benchmark
  public Verdict twentyAddresses() {
    return checkCcField(requests[next++ & (REQUESTS - 1)]);
  }

  /** The same change with an empty CC list: the per-check cost without addresses. */
  @Benchmark
  public Verdict noAddress() {
    return checkCcField(empty);
  }
}
