package dev.deskcc.bench.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.bench.support.Plugins;
import dev.deskcc.bench.support.Stats;
import dev.deskcc.bench.support.Worlds;
import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.desk.FixtureResult;
import dev.deskcc.sim.fixture.FixtureLoader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Figure 7, several nodes over one PostgreSQL: the throughput of a workload on one simulator and
 * on two or more simulators sharing one database, in the same run, as ratios to one node.
 *
 * <p>Two mixes. {@code --mix cpu} (the default) is below. {@code --mix latency} is latency-bound:
 * every operation is an agent reply to a random ticket, and a test plugin ({@link SleepCheck})
 * adds a check that sleeps {@code --check-ms} (default 20) per change, as a plugin waiting on a
 * slow service would; there the cluster can only go faster if changes to different tickets wait
 * side by side.
 *
 * <p>Starts an embedded PostgreSQL (zonky), then per run and per cluster size: a fresh database,
 * node 1 with the plugin ({@code --database}), the world loaded through its desk, the other node
 * started on the same database (it serves the kept world), and {@code clients} client threads,
 * split round-robin across the nodes, each sending back to back over loopback for a warm-up and
 * then a bounded measured window. The mix per operation: 60 % {@code GET} a ticket, 20 % agent
 * reply, 10 % CC list {@code PATCH} with {@code If-Match} (re-read and retried on 412), 10 % new
 * ticket with 2 CCs. The nodes run in this JVM (separate simulators: own plugin host, own store
 * and connection pool) so one process measures both sizes back to back on the same machine state.
 * While measuring it samples {@code pg_stat_activity} every 100 ms to show what the database's
 * sessions wait on. A first round of each size is discarded (JIT warm-up). Prints each run and
 * the median ratio.
 *
 * <p>Besides {@code pg_stat_activity} it counts the lock requests waiting in {@code pg_locks}
 * (not granted) by lock type, per sample.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.deskcc.bench.cluster.ClusterThroughput
 * [--clients 16] [--seconds 10] [--warmup 3] [--max 200000] [--runs 3] [--tickets 200]
 * [--nodes 1,2] [--mix cpu|latency] [--check-ms 20]}
 */
public final class ClusterThroughput {

  private static final MediaType JSON = MediaType.get("application/json");
  private static final int CONTACTS = 500;
  private static final int CCS = 2;
  private static final int MAX_RETRIES = 50;

  private final int clients;
  private final int seconds;
  private final int warmupSeconds;
  private final int maxOps;
  private final int tickets;
  private final List<Integer> sizes;
  private final boolean latencyMix;
  private final java.nio.file.Path pluginsDir;
  private final ObjectMapper mapper = new ObjectMapper();
  private final OkHttpClient http;

  private ClusterThroughput(Map<String, String> args) {
    clients = Integer.parseInt(args.getOrDefault("clients", "16"));
    seconds = Integer.parseInt(args.getOrDefault("seconds", "10"));
    warmupSeconds = Integer.parseInt(args.getOrDefault("warmup", "3"));
    maxOps = Integer.parseInt(args.getOrDefault("max", "200000"));
    tickets = Integer.parseInt(args.getOrDefault("tickets", "200"));
    sizes = java.util.Arrays.stream(args.getOrDefault("nodes", "1,2").split(",")).map(Integer::parseInt).toList();
    latencyMix = args.getOrDefault("mix", "cpu").equals("latency");
    if (latencyMix) {
      System.setProperty(SleepCheck.PROPERTY, args.getOrDefault("check-ms", "20"));
      pluginsDir = SleepCheck.pluginsWithSleepCheck();
    } else {
      pluginsDir = Plugins.dir();
    }
    Dispatcher d = new Dispatcher();
    d.setMaxRequests(clients);
    d.setMaxRequestsPerHost(clients);
    http = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(clients, 5, TimeUnit.MINUTES))
        .dispatcher(d)
        .readTimeout(60, TimeUnit.SECONDS)
        .build();
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
    }
    int runs = Integer.parseInt(args.getOrDefault("runs", "3"));
    ClusterThroughput bench = new ClusterThroughput(args);
    try {
      bench.run(runs);
    } finally {
      bench.http.dispatcher().executorService().shutdown();
      bench.http.connectionPool().evictAll();
    }
  }

  /** One measured window on a cluster of {@code nodes}. */
  record Result(int nodes, long ops, long[] byKind, long conflicts, long errors, double seconds,
      Map<String, Integer> waits, Map<String, Integer> lockWaits, int samples) {
    double throughput() {
      return ops / seconds;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "%d node(s): %7d ops in %5.2f s = %7.1f ops/s, changes %.1f/s (get %d, reply %d, patch %d, create %d;"
              + " 412 retries %d; errors %d)",
          nodes, ops, seconds, throughput(), (byKind[1] + byKind[2] + byKind[3]) / seconds, byKind[0], byKind[1],
          byKind[2], byKind[3], conflicts, errors);
    }
  }

  private void run(int runs) throws Exception {
    System.out.println("machine: " + Stats.machine());
    System.out.printf(Locale.ROOT,
        "clients %d, %d s measured after %d s warm-up, at most %d ops; world %d contacts, %d tickets with %d CCs;"
            + " mix %s; nodes %s%n",
        clients, seconds, warmupSeconds, maxOps, CONTACTS, tickets, CCS,
        latencyMix ? "latency (replies, check sleeps " + System.getProperty(SleepCheck.PROPERTY) + " ms)" : "cpu",
        sizes);
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      // a discarded round first: in a cold JVM the JIT, not the cluster size, decides the first round
      StringBuilder discarded = new StringBuilder("warm-up round (discarded):");
      for (int size : sizes) {
        discarded.append(String.format(Locale.ROOT, " %d node(s) %.1f ops/s;", size, measure(pg, size).throughput()));
      }
      System.out.println(discarded);
      Map<Integer, List<Double>> bySize = new LinkedHashMap<>();
      Map<Integer, List<Double>> ratios = new LinkedHashMap<>();
      for (int r = 1; r <= runs; r++) {
        // alternate the order so no size always gets the warmer JIT or the later load
        List<Integer> order = new ArrayList<>(sizes);
        if (r % 2 == 0) {
          java.util.Collections.reverse(order);
        }
        Map<Integer, Result> results = new LinkedHashMap<>();
        for (int size : order) {
          results.put(size, measure(pg, size));
        }
        System.out.println("run " + r);
        double base = results.get(sizes.get(0)).throughput();
        for (int size : sizes) {
          Result res = results.get(size);
          System.out.println("  " + res);
          System.out.println("    pg sessions (state/wait, mean per sample): " + waits(res.waits(), res.samples()));
          System.out.println("    pg_locks not granted (mean per sample): " + waits(res.lockWaits(), res.samples()));
          bySize.computeIfAbsent(size, k -> new ArrayList<>()).add(res.throughput());
          ratios.computeIfAbsent(size, k -> new ArrayList<>()).add(res.throughput() / base);
        }
      }
      StringBuilder medians = new StringBuilder("medians over " + runs + " runs:");
      for (int size : sizes) {
        medians.append(String.format(Locale.ROOT, " %d node(s) %.1f ops/s (÷ %d node(s): %.2f);", size,
            Stats.median(bySize.get(size)), sizes.get(0), Stats.median(ratios.get(size))));
      }
      System.out.println(medians);
    }
  }

  private static String waits(Map<String, Integer> counts, int samples) {
    StringBuilder out = new StringBuilder();
    counts.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(6)
        .forEach(e -> out.append(String.format(Locale.ROOT, "%s %.2f; ", e.getKey(),
            e.getValue() / (double) Math.max(1, samples))));
    return out.length() == 0 ? "none" : out.toString();
  }

  private Result measure(EmbeddedPostgres pg, int nodeCount) throws Exception {
    String db = "bench_" + Long.toHexString(System.nanoTime());
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    }
    String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + db + "?user=postgres";
    List<Simulator> nodes = new ArrayList<>();
    try {
      Simulator first = Simulator.builder().pluginsDir(pluginsDir).database(url, null)
          .fixtureJson("{\"org\": {\"name\": \"Acme\", \"edition\": \"PROFESSIONAL\"}}").build().start();
      nodes.add(first);
      FixtureResult ids = FixtureLoader.load(first.desk(),
          Worlds.world(CONTACTS, tickets, CCS, Worlds.ccSettings(true, false)));
      for (int n = 1; n < nodeCount; n++) {
        nodes.add(Simulator.builder().pluginsDir(pluginsDir).database(url, null).build().start());
      }
      String dept = ids.ids().get(Worlds.DEPARTMENT);
      String[] ticketIds = new String[tickets];
      for (int i = 0; i < tickets; i++) {
        ticketIds[i] = ids.ids().get("t" + i);
      }
      String[] bases = nodes.stream().map(Simulator::baseUrl).toArray(String[]::new);
      drive(bases, ticketIds, dept, warmupSeconds, Integer.MAX_VALUE, 1);
      Map<String, Integer> waits = new LinkedHashMap<>();
      Map<String, Integer> lockWaits = new LinkedHashMap<>();
      int[] samples = {0};
      Thread sampler = new Thread(() -> sample(pg, db, waits, lockWaits, samples), "pg-sampler");
      sampler.setDaemon(true);
      sampler.start();
      long start = System.nanoTime();
      Counts counts = drive(bases, ticketIds, dept, seconds, maxOps, 1_000_000);
      double elapsed = (System.nanoTime() - start) / 1e9;
      sampler.interrupt();
      sampler.join();
      return new Result(nodeCount, counts.ops, counts.byKind, counts.conflicts, counts.errors, elapsed, waits,
          lockWaits, samples[0]);
    } finally {
      for (Simulator node : nodes) {
        node.close();
      }
    }
  }

  /** What the database's sessions of this run are doing, 10 times a second, until interrupted. */
  private static void sample(EmbeddedPostgres pg, String db, Map<String, Integer> waits,
      Map<String, Integer> lockWaits, int[] samples) {
    // connected to the benchmark's database, so that a locked row's table has its name
    try (Connection c = pg.getDatabase("postgres", db).getConnection();
        java.sql.PreparedStatement s = c.prepareStatement(
            "SELECT state, coalesce(wait_event_type, '-') || ':' || coalesce(wait_event, 'cpu') "
                + "FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()");
        java.sql.PreparedStatement locks = c.prepareStatement(
            "SELECT l.locktype || coalesce(' ' || l.relation::regclass::text, ''), count(*) FROM pg_locks l"
                + " JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = ? GROUP BY 1")) {
      s.setString(1, db);
      locks.setString(1, db);
      while (!Thread.currentThread().isInterrupted()) {
        try (java.sql.ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            String state = rs.getString(1);
            String key = "idle".equals(state) ? "idle" : state + " " + rs.getString(2);
            waits.merge(key, 1, Integer::sum);
          }
        }
        try (java.sql.ResultSet rs = locks.executeQuery()) {
          while (rs.next()) {
            lockWaits.merge(rs.getString(1), rs.getInt(2), Integer::sum);
          }
        }
        samples[0]++;
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      System.err.println("pg_stat_activity sampling failed: " + e.getMessage());
    }
  }

  /** Totals of one window, summed over the client threads. */
  private static final class Counts {
    long ops;
    final long[] byKind = new long[4];
    long conflicts;
    long errors;
    String firstError;
  }

  private Counts drive(String[] bases, String[] ticketIds, String dept, int secs, int max, int seed)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(secs);
    java.util.concurrent.atomic.AtomicInteger budget = new java.util.concurrent.atomic.AtomicInteger(max);
    Counts[] perClient = new Counts[clients];
    Thread[] threads = new Thread[clients];
    for (int c = 0; c < clients; c++) {
      int client = c;
      String base = bases[c % bases.length];
      perClient[c] = new Counts();
      threads[c] = new Thread(() -> {
        Counts mine = perClient[client];
        SplittableRandom random = new SplittableRandom(seed * 1_000L + client);
        while (System.nanoTime() < deadline && budget.decrementAndGet() >= 0) {
          int kind = latencyMix ? 1 : kind(random.nextInt(100));
          int t = random.nextInt(ticketIds.length);
          try {
            int status = switch (kind) {
              case 0 -> call(get(base + "/api/v1/tickets/" + ticketIds[t])).status;
              case 1 -> call(post(base + "/api/v1/tickets/" + ticketIds[t] + "/replies",
                  "{\"content\": \"We are on it (" + random.nextInt() + ").\"}")).status;
              case 2 -> patchCc(base, ticketIds[t], t, random, mine);
              default -> call(post(base + "/api/v1/tickets", createBody(dept, random.nextInt(CONTACTS)))).status;
            };
            if (status >= 300) {
              mine.errors++;
              if (mine.firstError == null) {
                mine.firstError = kind + " -> " + status;
              }
            } else {
              mine.ops++;
              mine.byKind[kind]++;
            }
          } catch (IOException e) {
            mine.errors++;
            if (mine.firstError == null) {
              mine.firstError = kind + " -> " + e;
            }
          }
        }
      }, "client-" + c);
      threads[c].setDaemon(true);
      threads[c].start();
    }
    Counts total = new Counts();
    for (int c = 0; c < clients; c++) {
      threads[c].join();
      Counts x = perClient[c];
      total.ops += x.ops;
      total.conflicts += x.conflicts;
      total.errors += x.errors;
      for (int k = 0; k < 4; k++) {
        total.byKind[k] += x.byKind[k];
      }
      if (total.firstError == null && x.firstError != null) {
        total.firstError = x.firstError;
        System.err.println("first error (kind 0 get, 1 reply, 2 patch, 3 create): " + x.firstError);
      }
    }
    return total;
  }

  private static int kind(int percent) {
    if (percent < 60) {
      return 0;
    }
    if (percent < 80) {
      return 1;
    }
    return percent < 90 ? 2 : 3;
  }

  /** Read-modify-write of the CC list: two other customers, with If-Match, re-read on 412. */
  private int patchCc(String base, String ticketId, int t, SplittableRandom random, Counts mine) throws IOException {
    String url = base + "/api/v1/tickets/" + ticketId;
    for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
      Reply current = call(get(url));
      if (current.status != 200) {
        return current.status;
      }
      long version = mapper.readTree(current.body).path("version").asLong();
      int requester = t % CONTACTS;
      ArrayNode cc = Worlds.ccs(CONTACTS, requester + 1 + random.nextInt(CONTACTS - CCS - 1), CCS);
      ObjectNode body = mapper.createObjectNode();
      body.putObject("fields").set("cc", cc);
      Request patch = new Request.Builder().url(url).header("Authorization", "Bearer " + Worlds.AGENT_TOKEN)
          .header("If-Match", "\"" + version + "\"")
          .patch(RequestBody.create(mapper.writeValueAsBytes(body), JSON)).build();
      Reply r = call(patch);
      if (r.status != 412) {
        return r.status;
      }
      mine.conflicts++;
    }
    return 412;
  }

  private record Reply(int status, String body) {}

  private Reply call(Request request) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      return new Reply(response.code(), response.body().string());
    }
  }

  private static Request get(String url) {
    return new Request.Builder().url(url).header("Authorization", "Bearer " + Worlds.AGENT_TOKEN).get().build();
  }

  private static Request post(String url, String body) {
    return new Request.Builder().url(url).header("Authorization", "Bearer " + Worlds.AGENT_TOKEN)
        .post(RequestBody.create(body, JSON)).build();
  }

  private String createBody(String dept, int requester) {
    ObjectNode body = mapper.createObjectNode();
    body.put("departmentId", dept);
    body.put("subject", "VPN drops every hour");
    body.put("description", "Since Monday, on the office network only.");
    body.putObject("requester").put("email", Worlds.customer(requester)).put("name", "Customer " + requester);
    body.putObject("fields").set("cc", Worlds.ccs(CONTACTS, requester + 1, CCS));
    try {
      return mapper.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
