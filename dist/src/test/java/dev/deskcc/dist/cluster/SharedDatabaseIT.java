package dev.deskcc.dist.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.dist.support.Api;
import dev.deskcc.dist.support.Demo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Several {@code bin/deskcc-sim} processes on one PostgreSQL ({@code --database}) behave as one
 * help desk: concurrent CC edits on different nodes and mail arriving at a third lose nothing
 * acknowledged, never exceed 20 CCs, never make one address two contacts; merges of the same
 * tickets in opposite orders on three nodes end with one winner and no deadlock reaching a
 * client; one message posted to three nodes at once is taken once; each outbox message reaches the gateway once; a setting changed on one node rules the next request on another; and
 * a node killed mid-traffic loses nothing acknowledged and leaves no message undelivered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedDatabaseIT {
  private static final String HR_SUPPORT = "onboarding@acme.test";
  private Cluster cluster;

  @BeforeAll
  void startCluster() {
    cluster = new Cluster();
  }

  @AfterAll
  void stopCluster() throws Exception {
    cluster.close();
  }

  private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() < deadline).as("timed out waiting for: %s", what).isTrue();
      Thread.sleep(100);
    }
  }

  /**
   * Nodes started all at once on an empty database: exactly one of them loads the fixture, and
   * every node serves that one world.
   */
  private List<Cluster.Node> nodes(String db, int count) throws Exception {
    ExecutorService starter = Executors.newFixedThreadPool(count);
    List<Future<Cluster.Node>> started = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      started.add(starter.submit(() -> cluster.start(db)));
    }
    List<Cluster.Node> nodes = new ArrayList<>();
    for (Future<Cluster.Node> f : started) {
      nodes.add(f.get());
    }
    starter.shutdown();
    JsonNode ids = nodes.get(0).ids();
    // ids grow for the store's lifetime: a second load would have given the department another id
    assertThat(ids.path("hr").asText()).as("the fixture was loaded once").isEqualTo("d1");
    for (Cluster.Node node : nodes) {
      assertThat(node.ids()).as("the fixture ids every node serves").isEqualTo(ids);
      assertThat(node.api.get("/api/v1/tickets", Demo.ADMIN).json().path("tickets").size())
          .as("tickets of the one world").isEqualTo(3);
    }
    return nodes;
  }

  private static JsonNode ticket(Cluster.Node node, String id) {
    Api.Reply r = node.api.get("/api/v1/tickets/" + id, Demo.ADMIN);
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r.json();
  }

  private static List<String> cc(JsonNode ticket) {
    List<String> out = new ArrayList<>();
    ticket.path("fields").path("cc").forEach(c -> out.add(c.path("email").asText().toLowerCase()));
    return out;
  }

  /** Read-modify-write of the CC list with If-Match, retried while another node got there first. */
  private static int patchAdding(Cluster.Node node, String ticketId, String address) {
    for (int attempt = 0; attempt < 100; attempt++) {
      JsonNode t = ticket(node, ticketId);
      List<String> list = new ArrayList<>(cc(t));
      list.add(address);
      Api.Reply r = patch(node, ticketId, list, t.path("version").asLong());
      if (r.status() != 412) {
        return r.status();
      }
    }
    throw new AssertionError("100 stale versions in a row");
  }

  private static Api.Reply patch(Cluster.Node node, String ticketId, List<String> list, long version) {
    // the support Api has no header parameter: PATCH through OkHttp with If-Match
    okhttp3.Request request = new okhttp3.Request.Builder()
        .url(node.baseUrl() + "/api/v1/tickets/" + ticketId)
        .header("Authorization", "Bearer " + Demo.ADMIN)
        .header("If-Match", "\"" + version + "\"")
        .patch(okhttp3.RequestBody.create(json(Map.of("fields", Map.of("cc", list))),
            okhttp3.MediaType.get("application/json")))
        .build();
    try (okhttp3.Response response = CLIENT.newCall(request).execute()) {
      String body = response.body().string();
      return new Api.Reply(response.code(), body, Api.parse(body));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final okhttp3.OkHttpClient CLIENT = new okhttp3.OkHttpClient.Builder()
      .callTimeout(Duration.ofSeconds(30)).build();

  private static String json(Object value) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String mail(String from, long number, List<String> cc) {
    return "From: " + from + "\r\n"
        + "To: " + HR_SUPPORT + "\r\n"
        + "Cc: " + String.join(", ", cc) + "\r\n"
        + "Subject: Re: [#" + number + "] Background verification\r\n"
        + "Message-ID: <" + java.util.UUID.randomUUID() + "@mail.example.com>\r\n"
        + "Date: Thu, 26 Nov 2026 10:00:00 +0000\r\n"
        + "\r\n"
        + "Adding a colleague.\r\n";
  }

  @Test
  void nodes_on_one_database_act_as_one_desk_under_concurrent_cc_edits_and_mail() throws Exception {
    String db = cluster.newDatabase();
    List<Cluster.Node> nodes = nodes(db, 3);
    Cluster.Node a = nodes.get(0);
    Cluster.Node b = nodes.get(1);
    Cluster.Node c = nodes.get(2);
    JsonNode ids = c.ids();
    assertThat(ids.path("onboarding").asText()).as("every node serves the world the first one loaded").isNotEmpty();
    String ticketId = ids.path("onboarding").asText();
    String hr = ids.path("hr").asText();
    long number = ticket(a, ticketId).path("number").asLong();
    int before = cc(ticket(a, ticketId)).size();

    Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    Queue<String> mailed = new ConcurrentLinkedQueue<>();
    Queue<String> violations = new ConcurrentLinkedQueue<>();
    CyclicBarrier together = new CyclicBarrier(3);
    String shared = "shared@cluster.example.org";
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<?>> work = new ArrayList<>();
    for (Cluster.Node agentNode : List.of(a, b)) {
      String who = agentNode == a ? "a" : "b";
      work.add(pool.submit(() -> {
        together.await();
        if (patchAdding(agentNode, ticketId, shared) == 200) {
          acknowledged.add(shared);
        }
        for (int i = 0; i < 9; i++) {
          String address = who + i + "@cluster.example.org";
          int status = patchAdding(agentNode, ticketId, address);
          if (status == 200) {
            acknowledged.add(address);
          } else if (status != 422) {
            violations.add("PATCH " + address + " answered " + status);
          }
          int size = cc(ticket(agentNode, ticketId)).size();
          if (size > 20) {
            violations.add(size + " CCs on " + who);
          }
        }
        return null;
      }));
    }
    work.add(pool.submit(() -> {
      together.await();
      if (c.inbound(mail("emma@example.com", number, List.of(shared)), Demo.ADMIN) == 202) {
        mailed.add(shared);
      }
      for (int i = 0; i < 6; i++) {
        String address = "m" + i + "@cluster.example.org";
        int status = c.inbound(mail("emma@example.com", number, List.of(address)), Demo.ADMIN);
        if (status == 202) {
          mailed.add(address);
        } else {
          violations.add("mail " + address + " answered " + status);
        }
      }
      return null;
    }));
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    assertThat(violations).isEmpty();

    List<String> finalList = cc(ticket(b, ticketId));
    assertThat(finalList).hasSizeLessThanOrEqualTo(20).doesNotHaveDuplicates();
    assertThat(finalList).as("every acknowledged PATCH addition").containsAll(new HashSet<>(acknowledged));
    JsonNode history = a.api.get("/api/v1/tickets/" + ticketId + "/history", Demo.ADMIN).json();
    Set<String> skipped = new HashSet<>(history.findValuesAsText("email"));
    for (String address : mailed) {
      assertThat(finalList.contains(address) || skipped.contains(address))
          .as("mailed CC %s is on the ticket or recorded as skipped", address).isTrue();
    }
    assertThat(finalList.size()).isGreaterThan(before);
    for (Cluster.Node node : nodes) {
      JsonNode found = node.api.get("/api/v1/contacts?email=" + shared, Demo.ADMIN).json().path("contacts");
      assertThat(found.size()).as("contacts for %s seen on a node", shared).isEqualTo(1);
      assertThat(cc(ticket(node, ticketId))).as("every node serves the same list").isEqualTo(finalList);
    }

    // a setting changed on one node rules the very next request on another
    Api.Reply put = a.api.put("/api/v1/departments/" + hr + "/plugins/" + Demo.PLUGIN_ID + "/settings", Demo.ADMIN,
        Map.of("blockedDomains", List.of("blocked.example.org")));
    assertThat(put.status()).as("%s", put).isEqualTo(200);
    Api.Reply refused = b.api.post("/api/v1/tickets", Demo.ADMIN, Map.of("departmentId", hr, "subject", "s",
        "description", "d", "requester", Map.of("email", "r@example.com"),
        "fields", Map.of("cc", List.of("x@blocked.example.org"))));
    assertThat(refused.status()).as("%s", refused).isEqualTo(422);
    assertThat(refused.body()).contains("BLOCKED_DOMAIN");
    assertThat(c.api.get("/api/v1/departments/" + hr + "/plugins/" + Demo.PLUGIN_ID + "/settings", Demo.ADMIN)
        .json().path("blockedDomains").toString()).contains("blocked.example.org");

    mergesInOppositeOrders(nodes, hr);
    sameMessageOnThreeNodes(nodes, ticketId, number);

    // each message of the shared outbox reaches the gateway exactly once
    JsonNode outbox = a.outbox();
    Set<String> messageIds = new HashSet<>(outbox.findValuesAsText("messageId"));
    assertThat(messageIds).hasSize(outbox.size());
    await("every outbox message at the gateway", Duration.ofSeconds(60),
        () -> cluster.deliveries().keySet().containsAll(messageIds));
    Thread.sleep(1500);
    Map<String, Integer> deliveries = cluster.deliveries();
    for (String id : messageIds) {
      assertThat(deliveries.get(id)).as("deliveries of %s", id).isEqualTo(1);
    }
    nodes.forEach(Cluster.Node::close);
  }

  /**
   * Three tickets, three nodes, at once: each node merges the other two into a different one, so
   * the merges lock the same tickets named in opposite orders. One merge wins; the others see its
   * result (the ticket is merged: 409); no client sees a deadlock or a retry's give-up.
   */
  private static void mergesInOppositeOrders(List<Cluster.Node> nodes, String hr) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    for (int round = 0; round < 3; round++) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Api.Reply r = nodes.get(0).api.post("/api/v1/tickets", Demo.ADMIN, Map.of("departmentId", hr,
            "subject", "merge " + round + "." + i, "description", "d", "requester", Map.of("email", "m@example.com")));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        ids.add(r.json().path("id").asText());
      }
      CyclicBarrier together = new CyclicBarrier(3);
      List<Future<Api.Reply>> merges = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String target = ids.get(i);
        // sources listed in opposite orders on alternate nodes
        List<String> sources = new ArrayList<>(List.of(ids.get((i + 1) % 3), ids.get((i + 2) % 3)));
        if (i % 2 == 1) {
          java.util.Collections.reverse(sources);
        }
        Cluster.Node node = nodes.get(i);
        merges.add(pool.submit(() -> {
          together.await();
          return node.api.post("/api/v1/tickets/" + target + "/merge", Demo.ADMIN, Map.of("sourceIds", sources));
        }));
      }
      int won = 0;
      for (Future<Api.Reply> f : merges) {
        Api.Reply r = f.get();
        assertThat(r.status()).as("a merge answered %s", r).isIn(200, 409);
        if (r.status() == 409) {
          assertThat(r.json().path("code").asText()).isEqualTo("TICKET_MERGED");
        } else {
          won++;
        }
      }
      assertThat(won).as("merges of round %d that won", round).isEqualTo(1);
    }
    pool.shutdown();
  }

  /**
   * One message (one Message-ID) posted to three nodes at once, as a webhook retrying on several
   * nodes would: it is taken once; the others find it taken and drop it as a duplicate.
   */
  private static void sameMessageOnThreeNodes(List<Cluster.Node> nodes, String ticketId, long number)
      throws Exception {
    String raw = mail("emma@example.com", number, List.of()).replace("Adding a colleague.", "Sent once, posted thrice.");
    ExecutorService pool = Executors.newFixedThreadPool(3);
    CyclicBarrier together = new CyclicBarrier(3);
    List<Future<Integer>> posts = new ArrayList<>();
    for (Cluster.Node node : nodes) {
      posts.add(pool.submit(() -> {
        together.await();
        return node.inbound(raw, Demo.ADMIN);
      }));
    }
    for (Future<Integer> f : posts) {
      assertThat(f.get()).as("every node accepts the post (taken or dropped as a duplicate)").isEqualTo(202);
    }
    pool.shutdown();
    JsonNode thread = ticket(nodes.get(0), ticketId).path("thread");
    long copies = 0;
    for (JsonNode entry : thread) {
      if (entry.path("content").asText().contains("Sent once, posted thrice.")) {
        copies++;
      }
    }
    assertThat(copies).as("entries of the message posted to three nodes").isEqualTo(1);
  }

  @Test
  void a_node_killed_mid_traffic_loses_nothing_acknowledged_and_its_mail_is_delivered_by_another()
      throws Exception {
    String db = cluster.newDatabase();
    List<Cluster.Node> nodes = nodes(db, 2);
    Cluster.Node survivor = nodes.get(0);
    Cluster.Node victim = nodes.get(1);
    String hr = survivor.ids().path("hr").asText();
    Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> work = new ArrayList<>();
    for (Cluster.Node node : nodes) {
      work.add(pool.submit(() -> {
        for (int i = 0; i < 200; i++) {
          String subject = (node == victim ? "victim " : "survivor ") + i;
          Api.Reply r;
          try {
            r = node.api.post("/api/v1/tickets", Demo.ADMIN, Map.of("departmentId", hr, "subject", subject,
                "description", "d", "requester", Map.of("email", "req" + i + "@example.com"),
                "fields", Map.of("cc", List.of("cc" + i + "@kill.example.org"))));
          } catch (java.io.UncheckedIOException killed) {
            return null;
          }
          assertThat(r.status()).as("%s", r).isEqualTo(201);
          acknowledged.add(r.json().path("id").asText());
          if (node == survivor && i >= 30) {
            return null;
          }
        }
        return null;
      }));
    }
    Thread.sleep(1200);
    victim.process.close();
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    assertThat(acknowledged).hasSizeGreaterThan(10);

    Set<String> served = new HashSet<>();
    survivor.api.get("/api/v1/tickets", Demo.ADMIN).json().path("tickets")
        .forEach(t -> served.add(t.path("id").asText()));
    assertThat(served).containsAll(acknowledged);
    for (String id : acknowledged) {
      assertThat(cc(ticket(survivor, id))).hasSize(1);
    }

    JsonNode outbox = survivor.outbox();
    Set<String> messageIds = new HashSet<>(outbox.findValuesAsText("messageId"));
    // a claim of the killed node runs out after its lease; then the survivor delivers the message
    await("every outbox message at the gateway", Duration.ofSeconds(60),
        () -> cluster.deliveries().keySet().containsAll(messageIds));
    Map<String, Integer> deliveries = cluster.deliveries();
    long twice = messageIds.stream().filter(id -> deliveries.get(id) > 1).count();
    // only a message whose POST was under way at the kill may reach the gateway again, with the
    // same Idempotency-Key (the gateway keeps it once)
    assertThat(twice).as("messages posted twice").isLessThanOrEqualTo(1);
    survivor.close();
  }
}
