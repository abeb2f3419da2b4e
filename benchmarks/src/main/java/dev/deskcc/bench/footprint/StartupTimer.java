package dev.deskcc.bench.footprint;

import dev.deskcc.bench.support.Plugins;
import dev.deskcc.bench.support.Stats;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figure 6, start-up of what the operator runs: the distribution's launcher script
 * ({@code dist/target/deskcc/bin/deskcc-sim --port 0}, its own plugins folder and demo fixture).
 * Times launch to the {@code listening on} line, and to the first answer of {@code GET
 * /sim/plugins} that lists the plugin {@code STARTED}.
 *
 * <p>Arguments: {@code runs [variant ...]}. A variant is {@code LAUNCHER} or {@code
 * LAUNCHER::JAVA_OPTS} (default: {@code dist/target/deskcc/bin/deskcc-sim} with no options).
 * Variants are launched in turn, round after round, so that they share the machine's load; the
 * report gives each variant's median and each variant's median same-round ratio to the first.
 * The HTTP request is written on a plain socket so that the client's own start-up is not timed.
 */
public final class StartupTimer {

  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
  private static final String DEFAULT_LAUNCHER = "dist/target/deskcc/bin/deskcc-sim";

  private StartupTimer() {}

  /** A launcher and the JVM options it is given through {@code JAVA_OPTS}. */
  record Variant(String launcher, String javaOpts) {
    static Variant parse(String spec) {
      int cut = spec.indexOf("::");
      return cut < 0 ? new Variant(spec, "") : new Variant(spec.substring(0, cut), spec.substring(cut + 2));
    }

    @Override
    public String toString() {
      return launcher + (javaOpts.isEmpty() ? "" : " [JAVA_OPTS=" + javaOpts + "]");
    }
  }

  /**
   * One launch: milliseconds to the listening line and to the answer, and the CPU time (user +
   * system, all threads) the simulator's JVM had used when it answered: on a shared machine that
   * last number is the steadier one.
   */
  record Launch(double listening, double answered, double cpu) {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<Variant> variants = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      variants.add(Variant.parse(args[i]));
    }
    if (variants.isEmpty()) {
      variants.add(new Variant(DEFAULT_LAUNCHER, ""));
    }
    Map<Variant, List<Launch>> results = new LinkedHashMap<>();
    variants.forEach(v -> results.put(v, new ArrayList<>()));
    for (int r = 1; r <= runs; r++) {
      for (Variant v : variants) {
        Launch launch = launch(v);
        results.get(v).add(launch);
        System.out.printf(Locale.ROOT, "round %d %s: listening %.0f ms, answered %.0f ms, cpu %.0f ms, load %s%n",
            r, v, launch.listening(), launch.answered(), launch.cpu(), loadAverage());
      }
    }
    List<Launch> first = results.get(variants.get(0));
    for (Variant v : variants) {
      List<Launch> own = results.get(v);
      List<Double> ratios = new ArrayList<>();
      List<Double> cpuRatios = new ArrayList<>();
      for (int i = 0; i < own.size(); i++) {
        ratios.add(own.get(i).answered() / first.get(i).answered());
        cpuRatios.add(own.get(i).cpu() / first.get(i).cpu());
      }
      System.out.printf(Locale.ROOT, "median of %d, %s: listening %.0f ms, answering %.0f ms, cpu %.0f ms;"
              + " same-round ratios: answering %.3f, cpu %.3f%n",
          own.size(), v, Stats.median(own.stream().map(Launch::listening).toList()),
          Stats.median(own.stream().map(Launch::answered).toList()), Stats.median(own.stream().map(Launch::cpu).toList()),
          Stats.median(ratios), Stats.median(cpuRatios));
    }
  }

  private static Launch launch(Variant v) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(v.launcher(), "--port", "0")
        .redirectError(new File(System.getProperty("java.io.tmpdir"), "deskcc-startup.err"));
    pb.environment().put("JAVA_OPTS", v.javaOpts());
    long start = System.nanoTime();
    Process p = pb.start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      URI base = null;
      String line;
      while (base == null && (line = out.readLine()) != null) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          base = URI.create(m.group(1));
        }
      }
      if (base == null) {
        throw new IllegalStateException("the simulator did not print its address (see deskcc-startup.err)");
      }
      double listened = (System.nanoTime() - start) / 1e6;
      String body = get(base, "/sim/plugins");
      double answered = (System.nanoTime() - start) / 1e6;
      double cpu = cpuMillis(p.pid());
      if (!body.startsWith("HTTP/1.1 200") || !body.contains(Plugins.CC) || !body.contains("STARTED")) {
        throw new IllegalStateException("the plugin is not started: " + body);
      }
      return new Launch(listened, answered, cpu);
    } finally {
      p.destroy();
      p.waitFor();
    }
  }

  /** The whole response, status line included. */
  private static String get(URI base, String path) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
      OutputStream os = socket.getOutputStream();
      os.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      os.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** User + system CPU of a process so far (Linux {@code /proc}, 10 ms ticks); NaN elsewhere. */
  private static double cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // fields after the command name, which is in parentheses and may hold spaces
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return ticks * 10.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
