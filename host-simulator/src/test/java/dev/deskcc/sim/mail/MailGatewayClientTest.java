package dev.deskcc.sim.mail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.deskcc.api.model.EmailAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailGatewayClientTest {

  private static final Instant NOW = Instant.parse("2026-11-24T09:30:00Z");
  private static WireMockServer gateway;
  private MailGatewayClient client;

  @BeforeAll
  static void startGateway() {
    gateway = new WireMockServer(options().dynamicPort());
    gateway.start();
    // The first request to a fresh WireMock (and a cold JVM) can take longer than the short
    // timeouts used here; pay that once, outside the tests.
    warmUp(gateway);
  }

  static void warmUp(WireMockServer server) {
    server.stubFor(post("/warm-up").willReturn(aResponse().withStatus(204)));
    okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
    try (okhttp3.Response r = http.newCall(new okhttp3.Request.Builder()
        .url(server.baseUrl() + "/warm-up").post(okhttp3.RequestBody.create(new byte[0])).build()).execute()) {
      assertThat(r.code()).isEqualTo(204);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @AfterAll
  static void stopGateway() {
    gateway.stop();
  }

  @BeforeEach
  void newClient() {
    gateway.resetAll();
    client = clientFor(URI.create(gateway.baseUrl() + "/v1"));
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  private static MailGatewayClient clientFor(URI base) {
    return MailGatewayClient.builder()
        .baseUrl(base)
        .apiKey("test-key")
        .connectTimeout(Duration.ofMillis(300))
        .readTimeout(Duration.ofMillis(400))
        .callTimeout(Duration.ofSeconds(2))
        .initialBackoff(Duration.ofMillis(100))
        .maxBackoff(Duration.ofMillis(1000))
        .maxRetryAfter(Duration.ofSeconds(60))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .jitter(ceiling -> ceiling) // the ceiling itself, so delays are checkable
        .build();
  }

  static OutgoingMail mail(long seq) {
    return new OutgoingMail(
        seq,
        "T-" + seq,
        "agent_reply",
        EmailAddress.parse("Acme Help <help@acme.test>"),
        EmailAddress.parse("help+t" + seq + "@acme.test"),
        List.of(EmailAddress.parse("\"Lee, Ann\" <ann@example.com>")),
        List.of(EmailAddress.parse("vera@verify-agency.test")),
        "Re: ticket " + seq,
        "Hello " + seq,
        "<out-" + seq + "@acme.test>",
        "<in-" + seq + "@example.com>",
        List.of("<first-" + seq + "@acme.test>", "<in-" + seq + "@example.com>"),
        false);
  }

  @Test
  void a_2xx_answer_is_delivered_and_the_request_has_the_provider_shape() {
    gateway.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(202).withBody("{\"id\":\"p-1\"}")));

    DeliveryResult result = client.send(mail(1));

    assertThat(result).isEqualTo(new DeliveryResult.Delivered(202));
    gateway.verify(1, postRequestedFor(urlEqualTo("/v1/messages"))
        .withHeader("Authorization", equalTo("Bearer test-key"))
        .withHeader("Idempotency-Key", equalTo("<out-1@acme.test>"))
        .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
        .withRequestBody(equalToJson("""
            {"from": "Acme Help <help@acme.test>",
             "replyTo": "help+t1@acme.test",
             "to": ["\\"Lee, Ann\\" <ann@example.com>"],
             "cc": ["vera@verify-agency.test"],
             "subject": "Re: ticket 1",
             "text": "Hello 1",
             "headers": {"Message-ID": "<out-1@acme.test>",
                         "In-Reply-To": "<in-1@example.com>",
                         "References": "<first-1@acme.test> <in-1@example.com>",
                         "Auto-Submitted": "auto-generated",
                         "X-Auto-Response-Suppress": "All"}}
            """, false, true)));
  }

  @Test
  void a_5xx_answer_is_retried_with_exponential_backoff_capped() {
    gateway.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(503).withBody("maintenance")));

    assertThat(client.send(mail(1), 0)).isEqualTo(new DeliveryResult.RetryLater(Duration.ofMillis(100), "HTTP 503: maintenance"));
    assertThat(((DeliveryResult.RetryLater) client.send(mail(1), 2)).delay()).isEqualTo(Duration.ofMillis(400));
    assertThat(((DeliveryResult.RetryLater) client.send(mail(1), 9)).delay()).isEqualTo(Duration.ofMillis(1000));
    assertThat(((DeliveryResult.RetryLater) client.send(mail(1), 1000)).delay()).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void full_jitter_stays_between_zero_and_the_ceiling() {
    try (MailGatewayClient random = MailGatewayClient.builder()
        .baseUrl(URI.create(gateway.baseUrl()))
        .apiKey("k")
        .initialBackoff(Duration.ofMillis(100))
        .maxBackoff(Duration.ofMillis(800))
        .build()) {
      var delays = java.util.stream.IntStream.range(0, 500).mapToObj(i -> random.backoff(5).toMillis()).toList();

      assertThat(delays).allMatch(d -> d >= 0 && d <= 800);
      assertThat(delays.stream().distinct().count()).as("jittered, not constant").isGreaterThan(50);
    }
  }

  @Test
  void a_429_honours_retry_after_seconds() {
    gateway.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

    DeliveryResult result = client.send(mail(1));

    assertThat(result).isInstanceOfSatisfying(DeliveryResult.RetryLater.class, r -> {
      assertThat(r.delay()).isEqualTo(Duration.ofSeconds(7));
      assertThat(r.reason()).startsWith("HTTP 429");
    });
  }

  @Test
  void a_429_honours_retry_after_as_an_http_date() {
    String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(30).atZone(ZoneOffset.UTC));
    gateway.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(429).withHeader("Retry-After", at)));

    assertThat(client.send(mail(1))).isEqualTo(new DeliveryResult.RetryLater(Duration.ofSeconds(30), "HTTP 429"));
  }

  @Test
  void an_excessive_retry_after_is_capped_and_a_missing_one_falls_back_to_backoff() {
    gateway.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "86400")));
    assertThat(client.send(mail(1))).isEqualTo(new DeliveryResult.RetryLater(Duration.ofSeconds(60), "HTTP 429"));

    gateway.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(429)));
    assertThat(client.send(mail(1), 1)).isEqualTo(new DeliveryResult.RetryLater(Duration.ofMillis(200), "HTTP 429"));
  }

  @Test
  void a_400_fails_for_good_with_status_and_body_excerpt() {
    String longBody = "{\"error\":\"invalid recipient\",\"pad\":\"" + "x".repeat(5000) + "\"}";
    gateway.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(400).withBody(longBody)));

    DeliveryResult result = client.send(mail(1));

    assertThat(result).isInstanceOfSatisfying(DeliveryResult.Failed.class, f -> {
      assertThat(f.status()).isEqualTo(400);
      assertThat(f.reason()).startsWith("HTTP 400: {\"error\":\"invalid recipient\"").hasSizeLessThan(220);
    });
  }

  @Test
  void a_read_timeout_is_retried() {
    gateway.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200).withFixedDelay(1200)));

    long start = System.nanoTime();
    DeliveryResult result = client.send(mail(1));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1100));
    assertThat(result).isInstanceOfSatisfying(DeliveryResult.RetryLater.class,
        r -> assertThat(r.reason()).startsWith("timeout"));
  }

  @Test
  void a_connection_reset_is_retried() {
    gateway.stubFor(post("/v1/messages").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThat(client.send(mail(1))).isInstanceOfSatisfying(DeliveryResult.RetryLater.class,
        r -> assertThat(r.reason()).startsWith("I/O error"));
  }

  @Test
  void a_refused_connection_is_retried() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (MailGatewayClient down = clientFor(URI.create("http://127.0.0.1:" + closedPort))) {
      assertThat(down.send(mail(1))).isInstanceOf(DeliveryResult.RetryLater.class);
    }
  }

  @Test
  void a_slow_gateway_within_the_timeout_delivers() {
    gateway.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200).withFixedDelay(80)));

    assertThat(client.send(mail(1))).isEqualTo(new DeliveryResult.Delivered(200));
  }

  @Test
  void the_builder_refuses_incomplete_or_unsafe_settings() {
    assertThatThrownBy(() -> MailGatewayClient.builder().apiKey("k").build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> MailGatewayClient.builder().baseUrl(URI.create("http://x.test")).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> MailGatewayClient.builder().baseUrl(URI.create("http://x.test")).apiKey("k\r\nX: y").build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> MailGatewayClient.builder().baseUrl(URI.create("ftp://x.test")).apiKey("k").build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> MailGatewayClient.builder().readTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_private_recipient_gets_a_request_of_their_own_and_the_shared_copy_leaves_them_out() {
    gateway.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(202)));
    OutgoingMail base = mail(3);
    EmailAddress vera = EmailAddress.parse("vera@verify-agency.test");
    OutgoingMail out = new OutgoingMail(base.seq(), base.ticketId(), base.event(), base.from(), base.replyTo(),
        base.to(), base.cc(), base.subject(), base.textBody(), base.messageId(), base.inReplyTo(), base.references(),
        false, "<p>Hello 3</p>", List.of(vera));

    assertThat(client.send(out)).isEqualTo(new DeliveryResult.Delivered(202));

    gateway.verify(2, postRequestedFor(urlEqualTo("/v1/messages")));
    gateway.verify(postRequestedFor(urlEqualTo("/v1/messages"))
        .withHeader("Idempotency-Key", equalTo("<out-3@acme.test>"))
        .withRequestBody(equalToJson("{\"to\": [\"\\\"Lee, Ann\\\" <ann@example.com>\"], \"cc\": [],"
            + " \"html\": \"<p>Hello 3</p>\"}", true, true)));
    gateway.verify(postRequestedFor(urlEqualTo("/v1/messages"))
        .withHeader("Idempotency-Key", equalTo("<out-3@acme.test>#private-0"))
        .withRequestBody(equalToJson("{\"to\": [\"vera@verify-agency.test\"], \"cc\": [],"
            + " \"copies\": [{\"recipient\": \"vera@verify-agency.test\"}]}", true, true)));
  }
}
