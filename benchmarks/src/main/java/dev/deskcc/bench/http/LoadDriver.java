package dev.deskcc.bench.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.bench.support.Plugins;
import dev.deskcc.bench.support.Stats;
import dev.deskcc.bench.support.Worlds;
import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.desk.FixtureResult;
import dev.deskcc.sim.fixture.FixtureLoader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Figure 4, HTTP on loopback: a simulator with the plugin (in this process, on 127.0.0.1) and a
 * fixed number of keep-alive connections, each driven by one thread sending requests back to back.
 * Per run, three phases in the same server: the no-op endpoint ({@code GET /sim/fixtures}: no auth,
 * no store read, a small constant answer), {@code GET /api/v1/tickets/{id}} (a ticket with 5 CCs)
 * and {@code POST /api/v1/tickets} with 5 CCs. Each phase warms up, then measures for a bounded
 * time and request count; the world is reloaded before every run. Prints each run and the medians.
 *
 * <p>Percentiles come from every request of the measured window. The load is closed-loop: a
 * connection sends its next request only when the last one answered, so while the server stalls
 * (a GC pause, say) fewer requests are sent and the stall weighs less in the percentiles than it
 * would under a fixed arrival rate (coordinated omission). By Little's law the mean latency is
 * {@code connections / throughput}, so a phase's p50 also follows from its throughput.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.deskcc.bench.http.LoadDriver
 * [--connections 64] [--seconds 10] [--warmup 3] [--max 100000] [--runs 3] [--tickets 1000]
 * [--phases noop,get,post]} (fewer phases: for profiling one of them; ratios need all three)
 */
public final class LoadDriver {

  private static final MediaType JSON = MediaType.get("application/json");
  private static final int CONTACTS = 1_000;
  private static final int CCS = 5;

  private final int connections;
  private final int seconds;
  private final int warmupSeconds;
  private final int maxRequests;
  private final int tickets;
  private final List<String> phases;
  private final ObjectMapper mapper = new ObjectMapper();

  private LoadDriver(Map<String, String> args) {
    connections = Integer.parseInt(args.getOrDefault("connections", "64"));
    seconds = Integer.parseInt(args.getOrDefault("seconds", "10"));
    warmupSeconds = Integer.parseInt(args.getOrDefault("warmup", "3"));
    maxRequests = Integer.parseInt(args.getOrDefault("max", "100000"));
    tickets = Integer.parseInt(args.getOrDefault("tickets", "1000"));
    phases = List.of(args.getOrDefault("phases", "noop,get,post").split(","));
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
    }
    int runs = Integer.parseInt(args.getOrDefault("runs", "3"));
    new LoadDriver(args).run(runs);
  }

  /** One phase's result. */
  record Result(String phase, long requests, long errors, double seconds, long p50, long p99, long max) {
    double throughput() {
      return requests / seconds;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-12s %8d req %5d err %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms",
          phase, requests, errors, throughput(), p50 / 1e6, p99 / 1e6, max / 1e6);
    }
  }

  private void run(int runs) throws Exception {
    System.out.println("machine: " + Stats.machine());
    // the simulator runs in this JVM: its collector and options are the server's (compare them
    // with what the launcher, bin/deskcc-sim, starts the simulator with)
    System.out.println("jvm: " + java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(java.lang.management.GarbageCollectorMXBean::getName).toList() + " "
        + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    System.out.printf(Locale.ROOT, "connections %d, %d s per phase (after %d s warm-up), at most %d requests%n",
        connections, seconds, warmupSeconds, maxRequests);
    try (Simulator sim = Simulator.builder().pluginsDir(Plugins.dir())
        .fixtureJson("{\"org\": {\"name\": \"Acme\", \"edition\": \"PROFESSIONAL\"}}").build().start()) {
      OkHttpClient client = new OkHttpClient.Builder()
          .connectionPool(new ConnectionPool(connections, 5, TimeUnit.MINUTES))
          .dispatcher(dispatcher())
          .readTimeout(30, TimeUnit.SECONDS)
          .build();
      String base = sim.baseUrl();
      Map<String, List<Result>> byPhase = new LinkedHashMap<>();
      List<Double> getRatio = new ArrayList<>();
      List<Double> postRatio = new ArrayList<>();
      for (int r = 1; r <= runs; r++) {
        FixtureResult ids = FixtureLoader.load(sim.desk(),
            Worlds.world(CONTACTS, tickets, CCS, Worlds.ccSettings(true, false)));
        String dept = ids.ids().get(Worlds.DEPARTMENT);
        String[] ticketIds = new String[tickets];
        for (int i = 0; i < tickets; i++) {
          ticketIds[i] = ids.ids().get("t" + i);
        }
        Result noop = phases.contains("noop") ? phase(client, "noop", i -> get(base + "/sim/fixtures")) : null;
        Result get = phases.contains("get")
            ? phase(client, "get-ticket", i -> get(base + "/api/v1/tickets/" + ticketIds[i % tickets])) : null;
        Result post = phases.contains("post")
            ? phase(client, "post-ticket", i -> post(base + "/api/v1/tickets", createBody(dept, i))) : null;
        System.out.println("run " + r);
        for (Result res : java.util.stream.Stream.of(noop, get, post).filter(x -> x != null).toList()) {
          System.out.println("  " + res);
          byPhase.computeIfAbsent(res.phase(), k -> new ArrayList<>()).add(res);
        }
        if (noop != null && get != null && post != null) {
          getRatio.add(get.throughput() / noop.throughput());
          postRatio.add(post.throughput() / noop.throughput());
          System.out.printf(Locale.ROOT, "  ratio get/noop %.2f  post/noop %.2f%n",
              get.throughput() / noop.throughput(), post.throughput() / noop.throughput());
        }
      }
      System.out.println("medians over " + runs + " runs");
      byPhase.forEach((phase, results) -> System.out.printf(Locale.ROOT,
          "  %-12s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d%n", phase,
          Stats.median(results.stream().map(Result::throughput).toList()),
          Stats.median(results.stream().map(x -> x.p50() / 1e6).toList()),
          Stats.median(results.stream().map(x -> x.p99() / 1e6).toList()),
          results.stream().mapToLong(Result::errors).sum()));
      if (!getRatio.isEmpty()) {
        System.out.printf(Locale.ROOT, "  ratio get/noop %.2f  post/noop %.2f (median of same-run ratios)%n",
            Stats.median(getRatio), Stats.median(postRatio));
      }
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private Dispatcher dispatcher() {
    Dispatcher d = new Dispatcher();
    d.setMaxRequests(connections);
    d.setMaxRequestsPerHost(connections);
    return d;
  }

  private static Request get(String url) {
    return new Request.Builder().url(url).header("Authorization", "Bearer " + Worlds.AGENT_TOKEN).get().build();
  }

  private static Request post(String url, byte[] body) {
    return new Request.Builder().url(url).header("Authorization", "Bearer " + Worlds.AGENT_TOKEN)
        .post(RequestBody.create(body, JSON)).build();
  }

  private byte[] createBody(String dept, int i) {
    ObjectNode body = mapper.createObjectNode();
    body.put("departmentId", dept);
    body.put("subject", "Laptop " + i + " will not boot");
    body.put("description", "Black screen after the update.");
    int requester = (i * 7) % CONTACTS;
    body.putObject("requester").put("email", Worlds.customer(requester)).put("name", "Customer " + requester);
    ArrayNode cc = Worlds.ccs(CONTACTS, requester + 1, CCS);
    body.putObject("fields").set("cc", cc);
    try {
      return mapper.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Warm-up, then a measured window; each connection's thread records its own latencies. */
  private Result phase(OkHttpClient client, String name, IntFunction<Request> requests) throws InterruptedException {
    drive(client, requests, warmupSeconds, Integer.MAX_VALUE, new AtomicInteger(), null);
    long[][] latencies = new long[connections][];
    AtomicInteger counter = new AtomicInteger(1_000_000);
    long start = System.nanoTime();
    long errors = drive(client, requests, seconds, maxRequests, counter, latencies);
    double elapsed = (System.nanoTime() - start) / 1e9;
    int total = 0;
    for (long[] l : latencies) {
      total += l.length;
    }
    long[] all = new long[total];
    int at = 0;
    for (long[] l : latencies) {
      System.arraycopy(l, 0, all, at, l.length);
      at += l.length;
    }
    long[] sorted = Stats.sorted(all);
    return new Result(name, total, errors, elapsed, Stats.percentile(sorted, 50), Stats.percentile(sorted, 99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
  }

  private long drive(OkHttpClient client, IntFunction<Request> requests, int secs, int max, AtomicInteger counter,
      long[][] latencies) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(secs);
    AtomicInteger budget = new AtomicInteger(max);
    AtomicLong errors = new AtomicLong();
    CountDownLatch done = new CountDownLatch(connections);
    for (int c = 0; c < connections; c++) {
      int conn = c;
      Thread t = new Thread(() -> {
        long[] mine = new long[1024];
        int n = 0;
        try {
          while (System.nanoTime() < deadline && budget.decrementAndGet() >= 0) {
            Request request = requests.apply(counter.getAndIncrement());
            long t0 = System.nanoTime();
            try (Response response = client.newCall(request).execute()) {
              response.body().bytes();
              if (response.code() >= 300) {
                errors.incrementAndGet();
              }
            } catch (IOException e) {
              errors.incrementAndGet();
            }
            long took = System.nanoTime() - t0;
            if (n == mine.length) {
              mine = java.util.Arrays.copyOf(mine, n * 2);
            }
            mine[n++] = took;
          }
        } finally {
          if (latencies != null) {
            latencies[conn] = java.util.Arrays.copyOf(mine, n);
          }
          done.countDown();
        }
      }, "load-" + c);
      t.setDaemon(true);
      t.start();
    }
    done.await();
    return errors.get();
  }
}
