package dev.deskcc.sim.mail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxDispatcherTest {

  private static WireMockServer gateway;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final MemoryQueue queue = new MemoryQueue();

  @BeforeAll
  static void startGateway() {
    gateway = new WireMockServer(options().dynamicPort());
    gateway.start();
    MailGatewayClientTest.warmUp(gateway);
  }

  @AfterAll
  static void stopGateway() {
    gateway.stop();
  }

  @BeforeEach
  void reset() {
    gateway.resetAll();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
  }

  /** The host store as the dispatcher sees it, in memory and thread-safe. */
  static final class MemoryQueue implements OutboxQueue {
    final Map<Long, OutgoingMail> pending = new ConcurrentSkipListMap<>();
    final List<Long> delivered = new CopyOnWriteArrayList<>();
    final List<String> retries = new CopyOnWriteArrayList<>();
    final Map<Long, String> permanent = new ConcurrentSkipListMap<>();

    void add(OutgoingMail mail) {
      pending.put(mail.seq(), mail);
    }

    @Override
    public List<OutgoingMail> pending(int max) {
      return pending.values().stream().limit(max).toList();
    }

    @Override
    public void delivered(long seq) {
      assertThat(pending.remove(seq)).as("delivered twice: %s", seq).isNotNull();
      delivered.add(seq);
    }

    @Override
    public void failed(long seq, String reason, boolean isPermanent) {
      if (isPermanent) {
        pending.remove(seq);
        permanent.put(seq, reason);
      } else {
        retries.add(seq + ": " + reason);
      }
    }
  }

  private MailGatewayClient client(URI base) {
    MailGatewayClient client = MailGatewayClient.builder()
        .baseUrl(base)
        .apiKey("k")
        .connectTimeout(Duration.ofMillis(200))
        .readTimeout(Duration.ofMillis(300))
        .callTimeout(Duration.ofSeconds(1))
        .initialBackoff(Duration.ofMillis(10))
        .maxBackoff(Duration.ofMillis(60))
        .maxRetryAfter(Duration.ofMillis(100))
        .build();
    closeables.add(client);
    return client;
  }

  private OutboxDispatcher dispatcher(MailGatewayClient client, Duration poll, int batch) {
    OutboxDispatcher d = OutboxDispatcher.builder(queue, client)
        .pollInterval(poll)
        .batchSize(batch)
        .closeTimeout(Duration.ofSeconds(2))
        .build()
        .start();
    closeables.add(d);
    return d;
  }

  private OutboxDispatcher dispatcher() {
    return dispatcher(client(URI.create(gateway.baseUrl())), Duration.ofMillis(20), 4);
  }

  private void queue(int count) {
    for (long seq = 1; seq <= count; seq++) {
      queue.add(MailGatewayClientTest.mail(seq));
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("timed out waiting for: " + what).isNegative();
      Thread.sleep(10);
    }
  }

  /** Per Idempotency-Key, how many requests the gateway answered with 2xx. */
  private static Map<String, Long> acceptedPerKey(WireMockServer server) {
    return server.getAllServeEvents().stream()
        .filter(e -> e.getResponse().getStatus() / 100 == 2 && e.getResponse().getFault() == null)
        .collect(Collectors.groupingBy(e -> e.getRequest().getHeader("Idempotency-Key"), Collectors.counting()));
  }

  private static Map<String, Long> requestsPerKey(WireMockServer server) {
    return server.getAllServeEvents().stream()
        .map(ServeEvent::getRequest)
        .collect(Collectors.groupingBy(r -> r.getHeader("Idempotency-Key"), Collectors.counting()));
  }

  private static List<String> keys(int count) {
    return java.util.stream.LongStream.rangeClosed(1, count).mapToObj(s -> "<out-" + s + "@acme.test>").toList();
  }

  @Test
  void queued_mail_is_delivered_once_in_order() throws Exception {
    gateway.stubFor(post("/messages").willReturn(aResponse().withStatus(200)));
    queue(10);

    dispatcher();
    await("all delivered", () -> queue.delivered.size() == 10);

    assertThat(queue.delivered).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(requestsPerKey(gateway)).containsOnlyKeys(keys(10)).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
  }

  @Test
  void server_errors_then_success_deliver_every_message_exactly_once() throws Exception {
    gateway.stubFor(post("/messages").inScenario("flaky").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(500)).willSetStateTo("second"));
    gateway.stubFor(post("/messages").inScenario("flaky").whenScenarioStateIs("second")
        .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
    gateway.stubFor(post("/messages").inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(aResponse().withStatus(201)));
    queue(6);

    dispatcher();
    await("all delivered", () -> queue.delivered.size() == 6);

    assertThat(queue.delivered).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(acceptedPerKey(gateway)).containsOnlyKeys(keys(6)).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
    assertThat(queue.retries.stream().filter(r -> r.contains("HTTP 50"))).hasSize(2);
    assertThat(queue.permanent).isEmpty();
  }

  @Test
  void a_gateway_down_for_a_while_loses_nothing_and_duplicates_nothing() throws Exception {
    // Down: resets, 503s, timeouts and 429s, in a chain of scenario states; then up for good.
    List<com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder> outage = List.of(
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        aResponse().withStatus(503),
        aResponse().withStatus(200).withFixedDelay(700),
        aResponse().withStatus(429).withHeader("Retry-After", "1"),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        aResponse().withStatus(503));
    String state = STARTED;
    for (int i = 0; i < outage.size(); i++) {
      String next = "down-" + (i + 1);
      gateway.stubFor(post("/messages").inScenario("outage").whenScenarioStateIs(state)
          .willReturn(outage.get(i)).willSetStateTo(next));
      state = next;
    }
    gateway.stubFor(post("/messages").inScenario("outage").whenScenarioStateIs(state)
        .willReturn(aResponse().withStatus(200)));
    queue(8);

    dispatcher();
    await("all delivered", () -> queue.delivered.size() == 8);

    assertThat(queue.delivered).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(queue.pending).isEmpty();
    // Each outage answer costs one retry, and nothing else failed.
    assertThat(queue.retries).hasSizeGreaterThanOrEqualTo(6);
    // A request that timed out may still have been accepted by the gateway: then, and only then,
    // the same key is accepted twice (the provider dedups by it). Otherwise exactly once.
    long timeouts = queue.retries.stream().filter(r -> r.contains("timeout")).count();
    Map<String, Long> accepted = acceptedPerKey(gateway);
    assertThat(accepted).containsOnlyKeys(keys(8));
    assertThat(timeouts).isGreaterThanOrEqualTo(1);
    assertThat(accepted.values().stream().filter(n -> n > 1).count()).isLessThanOrEqualTo(timeouts);
    assertThat(accepted.values()).allMatch(n -> n <= 2);
  }

  @Test
  void an_unreachable_gateway_that_comes_back_gets_every_message_once() throws Exception {
    WireMockServer late = new WireMockServer(options().dynamicPort());
    late.start();
    int port = late.port();
    late.stop();
    queue(5);

    dispatcher(client(URI.create("http://localhost:" + port)), Duration.ofMillis(20), 2);
    await("some refused attempts", () -> queue.retries.size() >= 3);
    assertThat(queue.delivered).isEmpty();

    WireMockServer back = new WireMockServer(options().port(port));
    // Stubbed before it listens: no request may meet a stub-less (404) gateway.
    back.stubFor(post("/messages").willReturn(aResponse().withStatus(200)));
    back.start();
    closeables.add(back::stop);
    await("all delivered", () -> queue.delivered.size() == 5);

    assertThat(requestsPerKey(back)).containsOnlyKeys(keys(5)).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
  }

  @Test
  void a_read_timeout_is_retried_with_the_same_idempotency_key() throws Exception {
    gateway.stubFor(post("/messages").inScenario("slow").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(200).withFixedDelay(700)).willSetStateTo("fast"));
    gateway.stubFor(post("/messages").inScenario("slow").whenScenarioStateIs("fast")
        .willReturn(aResponse().withStatus(200)));
    queue(1);

    dispatcher();
    await("delivered", () -> queue.delivered.size() == 1);

    assertThat(requestsPerKey(gateway)).containsExactly(Map.entry("<out-1@acme.test>", 2L));
    assertThat(queue.retries).singleElement().asString().contains("timeout");
  }

  @Test
  void a_slow_gateway_still_gets_everything_in_order() throws Exception {
    gateway.stubFor(post("/messages").willReturn(aResponse().withStatus(200).withFixedDelay(60)));
    queue(5);

    dispatcher();
    await("all delivered", () -> queue.delivered.size() == 5);

    assertThat(queue.delivered).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(queue.retries).isEmpty();
  }

  @Test
  void a_refused_message_fails_for_good_and_is_not_retried() throws Exception {
    gateway.stubFor(post("/messages").willReturn(aResponse().withStatus(200)));
    gateway.stubFor(post("/messages").withHeader("Idempotency-Key", equalTo("<out-2@acme.test>"))
        .willReturn(aResponse().withStatus(422).withBody("{\"error\":\"bad recipient\"}")));
    queue(3);

    dispatcher();
    await("others delivered", () -> queue.delivered.size() == 2);
    Thread.sleep(100); // several poll intervals: a retry would show up now

    assertThat(queue.permanent).containsOnlyKeys(2L);
    assertThat(queue.permanent.get(2L)).contains("422").contains("bad recipient");
    gateway.verify(1, postRequestedFor(urlEqualTo("/messages")).withHeader("Idempotency-Key", equalTo("<out-2@acme.test>")));
  }

  @Test
  void wake_delivers_new_mail_without_waiting_for_the_poll_interval() throws Exception {
    gateway.stubFor(post("/messages").willReturn(aResponse().withStatus(200)));
    OutboxDispatcher d = dispatcher(client(URI.create(gateway.baseUrl())), Duration.ofSeconds(30), 10);
    Thread.sleep(50); // the worker has looked at the empty queue and sleeps

    queue(1);
    long start = System.nanoTime();
    d.wake();
    await("delivered", () -> queue.delivered.size() == 1);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void close_stops_the_worker_and_is_idempotent() throws Exception {
    gateway.stubFor(post("/messages").willReturn(aResponse().withStatus(200)));
    OutboxDispatcher d = dispatcher(client(URI.create(gateway.baseUrl())), Duration.ofMillis(20), 10);
    assertThat(d.isRunning()).isTrue();

    d.close();
    d.close();

    assertThat(d.isRunning()).isFalse();
    queue(1);
    d.wake();
    Thread.sleep(60);
    assertThat(queue.delivered).isEmpty();
  }

  @Test
  void a_failing_store_does_not_kill_the_worker() throws Exception {
    gateway.stubFor(post("/messages").willReturn(aResponse().withStatus(200)));
    queue(2);
    int[] calls = {0};
    OutboxQueue flaky = new OutboxQueue() {
      @Override
      public List<OutgoingMail> pending(int max) {
        if (calls[0]++ == 0) {
          throw new IllegalStateException("database locked");
        }
        return queue.pending(max);
      }

      @Override
      public void delivered(long seq) {
        queue.delivered(seq);
      }

      @Override
      public void failed(long seq, String reason, boolean permanent) {
        queue.failed(seq, reason, permanent);
      }
    };
    OutboxDispatcher d = OutboxDispatcher.builder(flaky, client(URI.create(gateway.baseUrl())))
        .pollInterval(Duration.ofMillis(20)).build().start();
    closeables.add(d);

    await("delivered after the store recovered", () -> queue.delivered.size() == 2);
  }
}
