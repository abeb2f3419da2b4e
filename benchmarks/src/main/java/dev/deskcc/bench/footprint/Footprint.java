package dev.deskcc.bench.footprint;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deskcc.api.host.PluginData;
import dev.deskcc.bench.support.Plugins;
import dev.deskcc.bench.support.Stats;
import dev.deskcc.bench.support.Worlds;
import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.desk.Desk;
import dev.deskcc.sim.desk.FixtureResult;
import dev.deskcc.sim.fixture.FixtureLoader;
import dev.deskcc.sim.plugins.PluginHost;
import dev.deskcc.sim.store.DataScope;
import dev.deskcc.sim.store.InMemoryStore;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figure 6, start-up and memory. Modes:
 *
 * <ul>
 *   <li>{@code startup [runs]}: launches {@code dev.deskcc.sim.cli.Main --port 0 --plugins DIR} as
 *       a new JVM (the launcher's main, same class path) and times launch to the first answer of
 *       {@code GET /sim/plugins} that lists the plugin as {@code STARTED}.
 *   <li>{@code launcher [runs] [variant ...]}: the same, for the distribution's launcher script as
 *       the operator runs it; see {@link StartupTimer}.
 *   <li>{@code plugin-heap [copies]}: the heap the plugin's data of one ticket with 20 CCs takes
 *       in the store (a {@link PluginData} with its JSON tree, as the store keeps it), measured as
 *       heap after GC before and after holding that many copies (each parsed from the JSON text,
 *       so that no two copies share a node or a string).
 *   <li>{@code world [tickets] [ccs]}: run with {@code -Xmx512m}; a simulator with the plugin loads
 *       that many tickets (each with {@code ccs} CCs) through the desk, then serves a ticket over
 *       HTTP; prints the heap after GC, or the failure. {@code -Ddeskcc.bench.hold=SECONDS} keeps
 *       the loaded world that long before exiting, for a heap histogram.
 * </ul>
 */
public final class Footprint {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  private Footprint() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "startup";
    System.out.println("machine: " + Stats.machine());
    switch (mode) {
      case "startup" -> startup(args.length > 1 ? Integer.parseInt(args[1]) : 5);
      case "launcher" -> StartupTimer.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      case "plugin-heap" -> pluginHeap(args.length > 1 ? Integer.parseInt(args[1]) : 20_000);
      case "world" -> world(args.length > 1 ? Integer.parseInt(args[1]) : 100_000,
          args.length > 2 ? Integer.parseInt(args[2]) : 0);
      default -> throw new IllegalArgumentException("mode: startup | launcher | plugin-heap | world");
    }
  }

  // ---------------------------------------------------------------- start-up

  private static void startup(int runs) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    List<Double> answered = new ArrayList<>();
    List<Double> listening = new ArrayList<>();
    for (int r = 1; r <= runs; r++) {
      ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
          "dev.deskcc.sim.cli.Main", "--port", "0", "--plugins", Plugins.dir().toString())
          .redirectError(new File(System.getProperty("java.io.tmpdir"), "deskcc-startup.err"));
      long start = System.nanoTime();
      Process p = pb.start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String base = null;
        String line;
        while (base == null && (line = out.readLine()) != null) {
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            base = m.group(1);
          }
        }
        if (base == null) {
          throw new IllegalStateException("the simulator did not print its address");
        }
        double listened = (System.nanoTime() - start) / 1e6;
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/sim/plugins")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        double took = (System.nanoTime() - start) / 1e6;
        if (!body.contains(Plugins.CC) || !body.contains("STARTED")) {
          throw new IllegalStateException("the plugin is not started: " + body);
        }
        listening.add(listened);
        answered.add(took);
        System.out.printf(Locale.ROOT, "run %d: listening after %.0f ms, answered with the plugin started after %.0f ms%n",
            r, listened, took);
      } finally {
        p.destroy();
        p.waitFor();
      }
    }
    System.out.printf(Locale.ROOT, "median over %d launches: listening %.0f ms, answering %.0f ms%n", runs,
        Stats.median(listening), Stats.median(answered));
  }

  // ---------------------------------------------------------------- heap

  static long usedAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static void pluginHeap(int copies) throws Exception {
    PluginHost plugins = Plugins.host(true);
    try {
      InMemoryStore store = new InMemoryStore();
      Desk desk = new Desk(store, plugins, Clock.systemUTC());
      FixtureResult ids = FixtureLoader.load(desk, Worlds.world(1_000, 1, 20, Worlds.ccSettings(true, false)));
      PluginData data = store.read().pluginData(Plugins.CC, DataScope.TICKET, ids.ids().get("t0")).orElseThrow();
      int entries = 20;
      String text = data.value().toString();
      long before = usedAfterGc();
      PluginData[] held = new PluginData[copies];
      for (int i = 0; i < copies; i++) {
        // parsed from the text, as a store reading it back would: a deep copy would share every
        // immutable text node (and its string) among the copies and undercount the heap
        held[i] = new PluginData(data.schemaVersion(), JSON.readTree(text), data.revision());
      }
      long after = usedAfterGc();
      System.out.printf(Locale.ROOT, "plugin data of a ticket with %d CCs: %d bytes of JSON text, %.0f bytes of heap "
          + "(%d copies held: %d -> %d bytes after GC)%n", entries, text.length(),
          (after - before) / (double) copies, held.length, before, after);
    } finally {
      plugins.close();
    }
  }

  // ---------------------------------------------------------------- world

  private static void world(int tickets, int ccs) throws Exception {
    long t0 = System.nanoTime();
    try (Simulator sim = Simulator.builder().pluginsDir(Plugins.dir())
        .fixtureJson("{\"org\": {\"name\": \"Acme\", \"edition\": \"PROFESSIONAL\"}}").build().start()) {
      FixtureResult ids = FixtureLoader.load(sim.desk(),
          Worlds.world(1_000, tickets, ccs, Worlds.ccSettings(true, false)));
      double loadSeconds = (System.nanoTime() - t0) / 1e9;
      long used = usedAfterGc();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v1/tickets/"
          + ids.ids().get("t" + (tickets - 1)))).header("Authorization", "Bearer " + Worlds.AGENT_TOKEN).build(),
          HttpResponse.BodyHandlers.ofString());
      System.out.printf(Locale.ROOT, "world of %d tickets with %d CCs each loaded in %.1f s; heap after GC %.0f MB "
          + "of max %d MB; GET of the last ticket: %d%n", tickets, ccs, loadSeconds, used / 1048576.0,
          Runtime.getRuntime().maxMemory() / 1048576, answer.statusCode());
      long hold = Long.getLong("deskcc.bench.hold", 0);
      if (hold > 0) {
        // time for `jcmd <pid> GC.class_histogram` on the loaded world
        System.out.println("holding the world for " + hold + " s (pid " + ProcessHandle.current().pid() + ")");
        Thread.sleep(hold * 1000);
      }
    } catch (OutOfMemoryError e) {
      System.out.printf(Locale.ROOT, "world of %d tickets with %d CCs each: OUT OF MEMORY after %.1f s (max heap %d MB)%n",
          tickets, ccs, (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().maxMemory() / 1048576);
      System.exit(3);
    }
  }

}
