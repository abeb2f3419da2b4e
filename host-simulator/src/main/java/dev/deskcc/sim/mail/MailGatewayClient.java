package dev.deskcc.sim.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.model.EmailAddress;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Sends outbox messages to an HTTP mail gateway shaped like the common provider APIs: one JSON
 * {@code POST {baseUrl}/messages} per message, {@code Authorization: Bearer <apiKey>}, and the
 * message id as {@code Idempotency-Key} so a retried request after a lost response is not sent
 * twice by the provider.
 *
 * <p>One call is one attempt; the caller owns scheduling. {@link #send(OutgoingMail, int)}
 * classifies the answer: 2xx is {@link DeliveryResult.Delivered}; 5xx, 408, 429 and I/O errors
 * (refused connections, resets, timeouts) are {@link DeliveryResult.RetryLater} with a delay from
 * {@code Retry-After} (seconds or HTTP date) or else exponential backoff with full jitter, capped;
 * every other status is {@link DeliveryResult.Failed}.
 *
 * <p>Immutable and thread-safe; holds one {@link OkHttpClient} (its connection pool and
 * threads are released by {@link #close()}).
 */
public final class MailGatewayClient implements AutoCloseable {

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final int EXCERPT_CHARS = 200;

  private final HttpUrl messagesUrl;
  private final String apiKey;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final Clock clock;
  private final LongUnaryOperator jitter;
  private final OkHttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final boolean sharedHttp;
  private final CopyHeaders copyHeaders;

  private MailGatewayClient(Builder b) {
    this.copyHeaders = b.copyHeaders;
    HttpUrl base = HttpUrl.get(b.baseUrl.toString());
    this.messagesUrl = base.newBuilder().addPathSegment("messages").build();
    this.apiKey = b.apiKey;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.clock = b.clock;
    this.jitter = b.jitter;
    OkHttpClient.Builder http = b.httpClient != null ? b.httpClient.newBuilder() : new OkHttpClient.Builder();
    if (b.httpClient == null) {
      http.connectionPool(new ConnectionPool(5, 5, TimeUnit.MINUTES));
    }
    this.http = http
        .connectTimeout(b.connectTimeout)
        .readTimeout(b.readTimeout)
        .writeTimeout(b.readTimeout)
        .callTimeout(b.callTimeout)
        // Retrying is ours to decide (with the idempotency key); OkHttp must not silently resend.
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .build();
    this.sharedHttp = b.httpClient != null;
  }

  /** A builder; {@link Builder#baseUrl(URI)} and {@link Builder#apiKey(String)} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The URL messages are posted to. */
  public URI messagesUrl() {
    return messagesUrl.uri();
  }

  /** Delivers with attempt number 0 (a first attempt). */
  public DeliveryResult send(OutgoingMail mail) {
    return send(mail, 0);
  }

  /**
   * Makes one delivery attempt.
   *
   * @param previousFailures how many attempts for this message failed before; drives the backoff
   */
  public DeliveryResult send(OutgoingMail mail, int previousFailures) {
    Objects.requireNonNull(mail, "mail");
    if (mail.privateRecipients().isEmpty()) {
      return sendCopy(mail, mail.to(), mail.cc(), mail.messageId(), previousFailures);
    }
    // Private recipients (contract §6) each get a copy of their own, and the shared copy leaves
    // them out: one request per copy, each with its own idempotency key so a retry of the
    // message resends none twice. The first copy that does not go through decides the result.
    List<EmailAddress> sharedTo = mail.visibleTo(null);
    List<EmailAddress> sharedCc = mail.visibleCc(null);
    if (!sharedTo.isEmpty() || !sharedCc.isEmpty()) {
      DeliveryResult shared = sendCopy(mail, sharedTo, sharedCc, mail.messageId(), previousFailures);
      if (!(shared instanceof DeliveryResult.Delivered)) {
        return shared;
      }
    }
    DeliveryResult last = null;
    for (int i = 0; i < mail.privateRecipients().size(); i++) {
      EmailAddress alone = mail.privateRecipients().get(i);
      last = sendCopy(mail, List.of(alone), List.of(), mail.messageId() + "#private-" + i, previousFailures);
      if (!(last instanceof DeliveryResult.Delivered)) {
        return last;
      }
    }
    return last;
  }

  private DeliveryResult sendCopy(OutgoingMail mail, List<EmailAddress> to, List<EmailAddress> cc,
      String idempotencyKey, int previousFailures) {
    byte[] body;
    try {
      body = json.writeValueAsBytes(payload(mail, to, cc));
    } catch (JsonProcessingException e) {
      return new DeliveryResult.Failed(0, "cannot encode message: " + e.getOriginalMessage());
    }
    Request request;
    try {
      request = new Request.Builder()
          .url(messagesUrl)
          .header("Authorization", "Bearer " + apiKey)
          .header("Idempotency-Key", idempotencyKey)
          .header("Accept", "application/json")
          .post(RequestBody.create(body, JSON))
          .build();
    } catch (IllegalArgumentException e) {
      // OkHttp refuses header values with control or non-ASCII characters.
      return new DeliveryResult.Failed(0, "message id cannot be sent as a header: " + e.getMessage());
    }
    try (Response response = http.newCall(request).execute()) {
      return classify(response, previousFailures);
    } catch (InterruptedIOException e) {
      return new DeliveryResult.RetryLater(backoff(previousFailures), "timeout: " + describe(e));
    } catch (IOException e) {
      return new DeliveryResult.RetryLater(backoff(previousFailures), "I/O error: " + describe(e));
    }
  }

  private DeliveryResult classify(Response response, int previousFailures) throws IOException {
    int status = response.code();
    if (status >= 200 && status < 300) {
      return new DeliveryResult.Delivered(status);
    }
    String excerpt = excerpt(response.body());
    if (status >= 500 || status == 429 || status == 408) {
      Duration delay = retryAfter(String.join(", ", response.headers("Retry-After"))).orElseGet(() -> backoff(previousFailures));
      return new DeliveryResult.RetryLater(delay, "HTTP " + status + excerpt);
    }
    return new DeliveryResult.Failed(status, "HTTP " + status + excerpt);
  }

  /**
   * The backoff before the attempt after {@code previousFailures} failures: a uniformly random
   * duration between zero and {@code min(maxBackoff, initialBackoff * 2^previousFailures)} ("full
   * jitter", which spreads the retries of many messages after an outage).
   */
  public Duration backoff(int previousFailures) {
    long capMillis = maxBackoff.toMillis();
    long baseMillis = Math.max(1, initialBackoff.toMillis());
    int shift = Math.min(Math.max(previousFailures, 0), 30);
    long ceiling = baseMillis > (capMillis >> shift) ? capMillis : Math.min(capMillis, baseMillis << shift);
    return Duration.ofMillis(Math.max(0, Math.min(ceiling, jitter.applyAsLong(ceiling))));
  }

  /**
   * Retry-After as delta-seconds or HTTP date, capped at {@code maxRetryAfter}. (An HTTP date has
   * a comma, so some servers split it into two field values; the caller joins them again.)
   */
  Optional<Duration> retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    Duration delay;
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        delay = Duration.ofSeconds(Long.parseLong(value));
      } catch (NumberFormatException e) {
        delay = maxRetryAfter;
      }
    } else {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        delay = Duration.between(clock.instant(), at);
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    if (delay.isNegative()) {
      delay = Duration.ZERO;
    }
    return Optional.of(delay.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : delay);
  }

  private ObjectNode payload(OutgoingMail mail, List<EmailAddress> to, List<EmailAddress> cc) {
    ObjectNode root = json.createObjectNode();
    root.put("from", mail.from().toHeaderForm());
    if (mail.replyTo() != null) {
      root.put("replyTo", mail.replyTo().toHeaderForm());
    }
    addresses(root.putArray("to"), to);
    addresses(root.putArray("cc"), cc);
    root.put("subject", mail.subject().replaceAll("[\\r\\n]+", " "));
    root.put("text", mail.textBody());
    if (mail.htmlBody() != null) {
      root.put("html", mail.htmlBody());
    }
    ObjectNode headers = root.putObject("headers");
    headers.put("Message-ID", mail.messageId());
    if (mail.inReplyTo() != null) {
      headers.put("In-Reply-To", mail.inReplyTo());
    }
    if (!mail.references().isEmpty()) {
      headers.put("References", String.join(" ", mail.references()));
    }
    headers.put("Auto-Submitted", "auto-generated");
    headers.put("X-Auto-Response-Suppress", "All");
    // one copy per recipient of this request, each with the headers of its own (contract §6: its
    // unsubscribe link), in the shape of the providers' per-recipient "personalizations": the
    // gateway sends each recipient their copy, with the same visible To and Cc, in this one
    // request (a private recipient's request lists their copy alone)
    ArrayNode copies = root.putArray("copies");
    for (List<EmailAddress> line : List.of(to, cc)) {
      for (EmailAddress recipient : line) {
        ObjectNode copy = copies.addObject();
        copy.put("recipient", recipient.address());
        ObjectNode own = copy.putObject("headers");
        copyHeaders.of(mail, recipient).forEach((k, v) -> own.put(k, v.replaceAll("[\\r\\n]+", " ")));
      }
    }
    ObjectNode metadata = root.putObject("metadata");
    metadata.put("ticketId", mail.ticketId());
    metadata.put("event", mail.event());
    metadata.put("outboxSeq", mail.seq());
    return root;
  }

  private static void addresses(ArrayNode array, List<EmailAddress> addresses) {
    addresses.forEach(a -> array.add(a.toHeaderForm()));
  }

  private static String excerpt(ResponseBody body) {
    if (body == null) {
      return "";
    }
    String text;
    try {
      // Bounded read: a misbehaving gateway must not make us buffer megabytes of error page.
      BufferedSource source = body.source();
      source.request(EXCERPT_CHARS * 4L);
      text = source.readUtf8(Math.min(EXCERPT_CHARS * 4L, source.getBuffer().size()));
    } catch (IOException e) {
      return "";
    }
    text = text.replaceAll("\\p{Cntrl}+", " ").strip();
    if (text.isEmpty()) {
      return "";
    }
    return ": " + (text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) + "…" : text);
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
  }

  /** Releases the connection pool and dispatcher threads (unless the OkHttpClient was shared). */
  @Override
  public void close() {
    if (!sharedHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** Immutable-result builder, in the OkHttp style. */
  public static final class Builder {
    private URI baseUrl;
    private String apiKey;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(15);
    private Duration callTimeout = Duration.ofSeconds(30);
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofMinutes(5);
    private Duration maxRetryAfter = Duration.ofMinutes(10);
    private Clock clock = Clock.systemUTC();
    private LongUnaryOperator jitter = bound -> bound <= 0 ? 0 : ThreadLocalRandom.current().nextLong(bound + 1);
    private OkHttpClient httpClient;

    private CopyHeaders copyHeaders = CopyHeaders.NONE;

    private Builder() {}

    /** The gateway's base URL; messages go to {@code baseUrl/messages}. Required. */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** The headers each recipient's copy adds (its unsubscribe headers); default none. */
    public Builder copyHeaders(CopyHeaders copyHeaders) {
      this.copyHeaders = Objects.requireNonNull(copyHeaders, "copyHeaders");
      return this;
    }

    /** The bearer token. Required. */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      return this;
    }

    /** Default 5 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** Read (and write) timeout; default 15 s. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /** Whole-call timeout; default 30 s. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    /** Backoff ceiling after the first failure; doubles per failure. Default 1 s. */
    public Builder initialBackoff(Duration backoff) {
      this.initialBackoff = positive(backoff, "initialBackoff");
      return this;
    }

    /** Upper bound of the backoff ceiling. Default 5 min. */
    public Builder maxBackoff(Duration backoff) {
      this.maxBackoff = positive(backoff, "maxBackoff");
      return this;
    }

    /** Upper bound for a gateway's Retry-After. Default 10 min. */
    public Builder maxRetryAfter(Duration max) {
      this.maxRetryAfter = positive(max, "maxRetryAfter");
      return this;
    }

    /** The clock that HTTP-date Retry-After values are measured against. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The jitter: maps a ceiling in milliseconds to a delay in {@code [0, ceiling]}. Default
     * uniform random ("full jitter"); tests pass a fixed function.
     */
    public Builder jitter(LongUnaryOperator jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter");
      return this;
    }

    /**
     * Shares an existing OkHttpClient's connection pool and threads; timeouts still come from this
     * builder. {@link MailGatewayClient#close()} then leaves that client running.
     */
    public Builder httpClient(OkHttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    public MailGatewayClient build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required");
      }
      if (apiKey == null || apiKey.isBlank() || apiKey.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
        throw new IllegalStateException("apiKey is required and must be a single printable token");
      }
      String scheme = baseUrl.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        throw new IllegalStateException("baseUrl must be http or https: " + baseUrl);
      }
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalStateException("maxBackoff must not be below initialBackoff");
      }
      return new MailGatewayClient(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }
  }
}
