package dev.deskcc.bench.dispatch;

import dev.deskcc.bench.support.Plugins;
import dev.deskcc.bench.support.Worlds;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.CallerRole;
import dev.deskcc.sim.desk.Desk;
import dev.deskcc.sim.desk.FixtureResult;
import dev.deskcc.sim.desk.ReplyRequest;
import dev.deskcc.sim.fixture.FixtureLoader;
import dev.deskcc.sim.plugins.PluginHost;
import dev.deskcc.sim.store.InMemoryStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Figure 1 measured in pairs, for a shared machine: the same agent reply as {@link
 * DispatchBenchmark}, but the three configurations (plain desk, plugin with CC on and 20 CCs,
 * plugin with CC off) run in one JVM, interleaved in small slices (50 replies each, in rotating
 * order), so a change of machine load hits all three alike. Each round builds three fresh worlds of
 * 500 tickets (untimed), then replies once to every ticket of each. A round's ratio is
 * configuration time over the plain desk's time in that round; the figure is the median of the
 * rounds' ratios (JMH cannot interleave configurations, and runs minutes apart differed by 3×
 * under load average 15–25).
 *
 * <p>It also reports the benchmark thread's CPU time per reply, which other processes on the
 * machine do not inflate. With plugin calls inline (the default) all of a reply's work is on that
 * thread, so the CPU ratio is the work ratio; with {@code THREAD} calls (the old host) the plugin's
 * work and the hand-offs are on other threads and only the wall-clock figures count.
 *
 * <p>All three share one JVM, so the JIT compiles the host's code for the mix: with {@code
 * off} as the third argument only the plain desk and CC off run (no plugin code on the reply path
 * at all, as in the JMH forks of those two), which is the fair CC-off figure; with {@code on} only
 * the plain desk and CC on. {@code profile} runs CC on alone and {@code profile-none} the plain desk
 * alone, so that a JFR recording of the run holds that configuration's replies only (ratios are
 * then meaningless; compare two such recordings' sample counts per frame instead).
 *
 * <pre>java -Xms1g -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp benchmarks.jar \
 *     dev.deskcc.bench.dispatch.DispatchPairs [rounds=30] [warm-up rounds=10] [all|off|on|profile|profile-none]</pre>
 */
public final class DispatchPairs {
  private static final int TICKETS = 500;
  private static final int SLICE = 50;
  private static final String[] NAMES = {"none", "cc/on", "cc/off"};

  private DispatchPairs() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    String mode = args.length > 2 ? args[2] : "all";
    if (!List.of("all", "off", "on", "profile", "profile-none").contains(mode)) {
      throw new IllegalArgumentException("mode: all, off, on, profile or profile-none, not " + mode);
    }
    boolean plainToo = !mode.equals("profile");
    boolean ccOn = !mode.equals("off") && !mode.equals("profile-none");
    boolean ccOff = mode.equals("all") || mode.equals("off");
    PluginHost plain = Plugins.host(false);
    PluginHost withPlugin = Plugins.host(true);
    List<double[]> measured = new ArrayList<>();
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    try {
      for (int r = 0; r < warmup + rounds; r++) {
        World[] worlds = {
          plainToo ? new World(plain, false, false) : null,
          ccOn ? new World(withPlugin, true, true) : null,
          ccOff ? new World(withPlugin, true, false) : null
        };
        System.gc();
        long[] nanos = new long[3];
        long[] cpu = new long[3];
        for (int slice = 0; slice < TICKETS / SLICE; slice++) {
          for (int k = 0; k < 3; k++) {
            int c = (slice + k) % 3;
            if (worlds[c] == null) {
              continue;
            }
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            worlds[c].replies(slice * SLICE, SLICE);
            nanos[c] += System.nanoTime() - t0;
            cpu[c] += threads.getCurrentThreadCpuTime() - c0;
          }
        }
        double[] us = new double[6];
        for (int c = 0; c < 3; c++) {
          us[c] = nanos[c] / 1000.0 / TICKETS;
          us[3 + c] = cpu[c] / 1000.0 / TICKETS;
        }
        if (r >= warmup) {
          measured.add(us);
        }
        System.out.printf(Locale.ROOT, "%s round %d: none %.1f, cc/on %.1f, cc/off %.1f us/reply; on %.2fx, off %.2fx;"
            + " cpu none %.1f, cc/on %.1f, cc/off %.1f%n", r < warmup ? "warm-up" : "measured", r, us[0], us[1], us[2],
            us[1] / us[0], us[2] / us[0], us[3], us[4], us[5]);
      }
    } finally {
      plain.close();
      withPlugin.close();
    }
    boolean[] ran = {plainToo, ccOn, ccOff};
    for (int c = 0; c < 3; c++) {
      int cc = c;
      if (ran[c]) {
        System.out.printf(Locale.ROOT, "%-7s median %.1f us/reply (q1 %.1f, q3 %.1f)%n", NAMES[c],
            median(measured, m -> m[cc]), quantile(measured, m -> m[cc], 0.25), quantile(measured, m -> m[cc], 0.75));
      }
    }
    for (int c = 1; c < 3; c++) {
      int cc = c;
      if (ran[c] && plainToo) {
        System.out.printf(Locale.ROOT, "%-7s / none: median of round ratios %.2fx (q1 %.2f, q3 %.2f, n=%d)%n",
            NAMES[c], median(measured, m -> m[cc] / m[0]), quantile(measured, m -> m[cc] / m[0], 0.25),
            quantile(measured, m -> m[cc] / m[0], 0.75), measured.size());
      }
    }
    for (int c = 0; c < 3; c++) {
      int cc = 3 + c;
      if (ran[c]) {
        System.out.printf(Locale.ROOT, "%-7s cpu median %.1f us/reply (q1 %.1f, q3 %.1f)%n", NAMES[c],
            median(measured, m -> m[cc]), quantile(measured, m -> m[cc], 0.25), quantile(measured, m -> m[cc], 0.75));
      }
    }
    for (int c = 1; c < 3; c++) {
      int cc = 3 + c;
      if (ran[c] && plainToo) {
        System.out.printf(Locale.ROOT, "%-7s / none, cpu: median of round ratios %.2fx (q1 %.2f, q3 %.2f)%n",
            NAMES[c], median(measured, m -> m[cc] / m[3]), quantile(measured, m -> m[cc] / m[3], 0.25),
            quantile(measured, m -> m[cc] / m[3], 0.75));
      }
    }
  }

  private static double median(List<double[]> rows, java.util.function.ToDoubleFunction<double[]> f) {
    return quantile(rows, f, 0.5);
  }

  private static double quantile(List<double[]> rows, java.util.function.ToDoubleFunction<double[]> f, double q) {
    double[] v = rows.stream().mapToDouble(f).toArray();
    Arrays.sort(v);
    double pos = q * (v.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return v[lo] + (v[hi] - v[lo]) * (pos - lo);
  }

  /** A fresh world of one configuration. */
  private static final class World {
    private final Desk desk;
    private final Caller agent;
    private final String[] tickets = new String[TICKETS];

    World(PluginHost host, boolean withPlugin, boolean on) {
      desk = new Desk(new InMemoryStore(), host, Clock.systemUTC());
      FixtureResult ids = FixtureLoader.load(desk, Worlds.world(1_000, TICKETS, on ? 20 : 0,
          withPlugin ? Worlds.ccSettings(on, false) : null));
      agent = new Caller(CallerRole.ADMIN, ids.ids().get(Worlds.AGENT));
      for (int i = 0; i < TICKETS; i++) {
        tickets[i] = ids.ids().get("t" + i);
      }
    }

    void replies(int from, int count) {
      for (int i = from; i < from + count; i++) {
        desk.reply(agent, tickets[i], new ReplyRequest("Thanks, a technician is on the way.", null, null));
      }
    }
  }
}
