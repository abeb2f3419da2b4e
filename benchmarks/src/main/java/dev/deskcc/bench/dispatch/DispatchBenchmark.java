package dev.deskcc.bench.dispatch;

import dev.deskcc.bench.support.Plugins;
import dev.deskcc.bench.support.Worlds;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.CallerRole;
import dev.deskcc.sim.desk.Desk;
import dev.deskcc.sim.desk.EntryView;
import dev.deskcc.sim.desk.FixtureResult;
import dev.deskcc.sim.desk.ReplyRequest;
import dev.deskcc.sim.fixture.FixtureLoader;
import dev.deskcc.sim.plugins.PluginHost;
import dev.deskcc.sim.store.InMemoryStore;
import java.time.Clock;
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
 * Figure 1, plugin dispatch overhead: one agent reply through the whole host (transaction, every
 * plugin's check, recipients, outbox, commit, reactions) with the plugin loaded vs a host with no
 * plugin, in a department where CC is on (ticket with 20 CCs) or off.
 *
 * <p>The in-memory store copies a table on every commit, so a change costs more as the world
 * grows. To compare like with like, every iteration starts from a fresh world of {@link #TICKETS}
 * tickets and makes exactly one reply to each (single-shot batches): the score is the time of
 * {@link #TICKETS} replies.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 15, batchSize = DispatchBenchmark.TICKETS)
@Measurement(iterations = 20, batchSize = DispatchBenchmark.TICKETS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class DispatchBenchmark {

  /** Replies per batch (one per ticket). */
  public static final int TICKETS = 500;
  private static final int CONTACTS = 1_000;
  private static final int CCS = 20;

  /** {@code cc}: the plugin loaded from its folder; {@code none}: a plain help desk. */
  @Param({"cc", "none"})
  public String host;

  /** Whether CC is on in the ticket's department (only meaningful with the plugin). */
  @Param({"on", "off"})
  public String department;

  private PluginHost plugins;
  private Desk desk;
  private Caller agent;
  private String[] ticketIds;
  private int next;

  @Setup(Level.Trial)
  public void loadPlugins() {
    plugins = Plugins.host(host.equals("cc"));
  }

  @Setup(Level.Iteration)
  public void freshWorld() {
    boolean withPlugin = host.equals("cc");
    boolean on = withPlugin && department.equals("on");
    desk = new Desk(new InMemoryStore(), plugins, Clock.systemUTC());
    FixtureResult ids = FixtureLoader.load(desk, Worlds.world(CONTACTS, TICKETS, on ? CCS : 0,
        withPlugin ? Worlds.ccSettings(on, false) : null));
    agent = new Caller(CallerRole.ADMIN, ids.ids().get(Worlds.AGENT));
    ticketIds = new String[TICKETS];
    for (int i = 0; i < TICKETS; i++) {
      ticketIds[i] = ids.ids().get("t" + i);
    }
    next = 0;
    // the previous world is garbage now: collect it here, not inside the measured batch
    System.gc();
  }

  @TearDown(Level.Trial)
  public void stopPlugins() {
    plugins.close();
  }

  /** An agent reply with the editor's defaults: to the requester, copied to the ticket's CCs. */
  @Benchmark
  public EntryView agentReply() {
    String ticket = ticketIds[next++ % TICKETS];
    return desk.reply(agent, ticket, new ReplyRequest("Thanks, a technician is on the way.", null, null));
  }
}
