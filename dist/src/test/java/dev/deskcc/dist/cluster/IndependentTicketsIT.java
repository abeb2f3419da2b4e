package dev.deskcc.dist.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.dist.support.Api;
import dev.deskcc.dist.support.Build;
import dev.deskcc.dist.support.Demo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Nodes on one PostgreSQL lock per ticket, not the world: while a change to ticket A sits in a
 * slow plugin check (the {@link SlowCheckPlugin}) on node 1, changes to ticket B are answered on
 * node 2 and on node 1 itself; a second change to A waits for the first and sees its result; and
 * a node killed (SIGKILL) inside a change to A loses nothing acknowledged and does not leave A
 * locked.
 *
 * <p>"Not delayed" is asserted without a clock: B's answer must arrive while A's check is provably
 * still inside its sleep (its "entered" file exists, its "left" file not yet), which holds on a
 * loaded machine as long as B takes less than the whole {@link SlowCheckPlugin#SLEEP_MS}. The
 * latencies themselves are printed, not asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndependentTicketsIT {
  private static final Duration GENEROUS = Duration.ofSeconds(60);
  private Cluster cluster;
  private Path markers;
  private Path plugins;

  @BeforeAll
  void startCluster() throws Exception {
    cluster = new Cluster();
    Path work = Files.createDirectories(Build.work().resolve("independent-" + UUID.randomUUID()));
    markers = Files.createDirectories(work.resolve("markers"));
    plugins = SlowCheckPlugin.pluginsFolder(work);
  }

  @AfterAll
  void stopCluster() throws Exception {
    cluster.close();
  }

  private Cluster.Node node(String db) {
    return cluster.start(db, Map.of("DESKCC_SLOW_DIR", markers.toString()), "--plugins", plugins.toString(),
        "--fixture", Build.home().resolve("fixtures").resolve("demo.json").toString());
  }

  private Path marker(String ticketId, int threadSize, String phase) {
    return markers.resolve(ticketId + "-" + threadSize + "." + phase);
  }

  private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + GENEROUS.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() < deadline).as("timed out waiting for: %s", what).isTrue();
      Thread.sleep(5);
    }
  }

  private static String create(Cluster.Node node, String hr, String subject) {
    Api.Reply r = node.api.post("/api/v1/tickets", Demo.ADMIN, Map.of("departmentId", hr, "subject", subject,
        "description", "d", "requester", Map.of("email", "req@example.com")));
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    return r.json().path("id").asText();
  }

  private static Api.Reply comment(Cluster.Node node, String ticketId, String content) {
    return node.api.post("/api/v1/tickets/" + ticketId + "/comments", Demo.ADMIN,
        Map.of("content", content, "public", false));
  }

  private static List<String> thread(Cluster.Node node, String ticketId) {
    JsonNode t = node.api.get("/api/v1/tickets/" + ticketId, Demo.ADMIN).json();
    List<String> contents = new ArrayList<>();
    t.path("thread").forEach(e -> contents.add(e.path("content").asText()));
    return contents;
  }

  /** A comment on B; whether A's change {@code inside} was still in its check when B was answered. */
  private boolean answeredWhileInside(Cluster.Node node, String b, Path left, String label) {
    long start = System.nanoTime();
    Api.Reply r = comment(node, b, label);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    boolean stillInside = !Files.exists(left);
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    System.out.printf("IndependentTicketsIT: %s answered in %d ms (A still in its %d ms check: %s)%n",
        label, millis, SlowCheckPlugin.SLEEP_MS, stillInside);
    return stillInside;
  }

  @Test
  void a_slow_change_holds_up_only_its_own_ticket_and_a_node_killed_inside_it_loses_nothing_acknowledged()
      throws Exception {
    String db = cluster.newDatabase();
    Cluster.Node one = node(db);
    Cluster.Node two = node(db);
    String hr = one.ids().path("hr").asText();
    String a = create(one, hr, SlowCheckPlugin.MARKER + " ticket A");
    String b = create(one, hr, "ticket B");
    // the first requests of a fresh JVM load classes: not part of what is measured
    assertThat(comment(one, b, "warm-up 1").status()).isEqualTo(201);
    assertThat(comment(two, b, "warm-up 2").status()).isEqualTo(201);

    int size = thread(one, a).size() + 1;
    CompletableFuture<Api.Reply> first = CompletableFuture.supplyAsync(() -> comment(one, a, "first"));
    await("A's first change inside its check", () -> Files.exists(marker(a, size, "entered")));
    // the second change to A, on the other node, must wait for the first
    CompletableFuture<Api.Reply> second = CompletableFuture.supplyAsync(() -> comment(two, a, "second"));
    Path firstLeft = marker(a, size, "left");
    boolean otherNode = answeredWhileInside(two, b, firstLeft, "B on node 2");
    boolean sameNode = answeredWhileInside(one, b, firstLeft, "B on node 1");
    assertThat(otherNode).as("a change to B on node 2 was answered while A's change sat in its check").isTrue();
    assertThat(sameNode).as("a change to B on node 1 was answered while A's change sat in its check").isTrue();

    assertThat(first.get(GENEROUS.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(201);
    assertThat(second.get(GENEROUS.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(201);
    // the second change's check saw the first one's comment: it ran on the ticket the first committed
    assertThat(marker(a, size + 1, "left")).as("the second change to A checked the ticket with both comments")
        .exists();
    assertThat(thread(two, a)).containsSubsequence("first", "second");

    // SIGKILL a node while its change to A is inside the check: not acknowledged, not committed,
    // and A is free again for the other node (the database ended the dead session's transaction)
    int doomedSize = size + 2;
    CompletableFuture<Integer> doomed = CompletableFuture.supplyAsync(() -> {
      try {
        return comment(one, a, "doomed").status();
      } catch (java.io.UncheckedIOException killed) {
        return -1;
      }
    });
    await("the doomed change inside its check", () -> Files.exists(marker(a, doomedSize, "entered")));
    one.process.close();
    assertThat(doomed.get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as("the killed node answered nothing").isEqualTo(-1);
    assertThat(marker(a, doomedSize, "left")).doesNotExist();
    assertThat(comment(two, a, "after the kill").status()).isEqualTo(201);
    assertThat(thread(two, a)).containsSubsequence("first", "second", "after the kill").doesNotContain("doomed");
    two.close();
  }
}
