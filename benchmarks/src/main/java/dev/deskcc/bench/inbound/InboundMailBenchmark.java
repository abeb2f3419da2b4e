package dev.deskcc.bench.inbound;

import dev.deskcc.bench.support.Plugins;
import dev.deskcc.bench.support.Worlds;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.CallerRole;
import dev.deskcc.sim.desk.Desk;
import dev.deskcc.sim.desk.FixtureResult;
import dev.deskcc.sim.desk.InboundResult;
import dev.deskcc.sim.fixture.FixtureLoader;
import dev.deskcc.sim.mail.MailParseException;
import dev.deskcc.sim.mail.MailParser;
import dev.deskcc.sim.plugins.PluginHost;
import dev.deskcc.sim.store.InMemoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
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
 * Figure 3, inbound mail in-process: parse a raw 20-recipient message with a 100 KB attachment
 * (Jakarta Mail), route it to its department, and apply it (new ticket, attachment stored, the
 * plugin auto-adding the 19 other recipients as CCs, outbox). Every iteration starts from a fresh
 * world and takes {@link #MESSAGES} distinct messages (single-shot batch): messages/s is
 * {@code MESSAGES / score}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 15, batchSize = InboundMailBenchmark.MESSAGES)
@Measurement(iterations = 20, batchSize = InboundMailBenchmark.MESSAGES)
// The stream provider property is what the launcher's Main sets (cli.MailStreamProviderPin): the
// simulator as operators run it. Without it, every MIME part costs a ServiceLoader scan.
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
    "-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider"})
public class InboundMailBenchmark {

  /** Messages per batch. */
  public static final int MESSAGES = 200;
  private static final int CONTACTS = 1_000;
  private static final int ATTACHMENT_BYTES = 100 * 1024;

  /** {@code cc}: the plugin loaded and auto-adding recipients; {@code none}: a plain help desk. */
  @Param({"cc", "none"})
  public String host;

  private PluginHost plugins;
  private final MailParser parser = new MailParser();
  private Desk desk;
  private Caller admin;
  private byte[][] messages;
  private int next;
  private int round;

  @Setup(Level.Trial)
  public void loadPlugins() {
    plugins = Plugins.host(host.equals("cc"));
  }

  @Setup(Level.Iteration)
  public void freshWorld() {
    boolean withPlugin = host.equals("cc");
    desk = new Desk(new InMemoryStore(), plugins, Clock.systemUTC());
    FixtureResult ids = FixtureLoader.load(desk, Worlds.world(CONTACTS, 0, 0,
        withPlugin ? Worlds.ccSettings(true, true) : null));
    admin = new Caller(CallerRole.ADMIN, ids.ids().get(Worlds.AGENT));
    round++;
    messages = new byte[MESSAGES][];
    SplittableRandom random = new SplittableRandom(round);
    for (int i = 0; i < MESSAGES; i++) {
      messages[i] = message(round, i, random);
    }
    next = 0;
    // the previous world is garbage now: collect it here, not inside the measured batch
    System.gc();
  }

  @TearDown(Level.Trial)
  public void stopPlugins() {
    plugins.close();
  }

  /** From a customer, To the desk and 4 customers, Cc 15 more: 20 recipients, one attachment. */
  static byte[] message(int round, int i, SplittableRandom random) {
    byte[] attachment = new byte[ATTACHMENT_BYTES];
    random.nextBytes(attachment);
    int from = (i * 23) % CONTACTS;
    StringBuilder to = new StringBuilder(Worlds.SUPPORT_ADDRESS);
    for (int k = 1; k <= 4; k++) {
      to.append(", Customer <").append(Worlds.customer((from + k) % CONTACTS)).append('>');
    }
    StringBuilder cc = new StringBuilder();
    for (int k = 5; k < 20; k++) {
      cc.append(k == 5 ? "" : ", ").append(Worlds.customer((from + k) % CONTACTS));
    }
    String boundary = "b-" + round + "-" + i;
    String mail = "From: Customer " + from + " <" + Worlds.customer(from) + ">\r\n"
        + "To: " + to + "\r\n"
        + "Cc: " + cc + "\r\n"
        + "Subject: Invoice " + round + "-" + i + " does not match the order\r\n"
        + "Message-ID: <" + round + "." + i + ".bench@customers.test>\r\n"
        + "Date: Tue, 24 Nov 2026 10:00:00 +0000\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n"
        + "\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n"
        + "\r\n"
        + "Hello, the attached invoice does not match our order. Colleagues copied.\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Type: application/pdf; name=\"invoice.pdf\"\r\n"
        + "Content-Disposition: attachment; filename=\"invoice.pdf\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n"
        + "\r\n"
        + Base64.getMimeEncoder().encodeToString(attachment) + "\r\n"
        + "--" + boundary + "--\r\n";
    return mail.getBytes(StandardCharsets.US_ASCII);
  }

  @Benchmark
  public InboundResult parseRouteApply() throws MailParseException {
    InboundResult result = desk.inboundMail(admin, parser.parse(messages[next++ % MESSAGES]));
    if (result.ticketId() == null) {
      throw new IllegalStateException("message not taken in: " + result.dropped());
    }
    return result;
  }
}
