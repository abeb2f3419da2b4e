package dev.deskcc.dist.cluster;

import dev.deskcc.dist.support.OpenApiConformance;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.deskcc.dist.support.Api;
import dev.deskcc.dist.support.Build;
import dev.deskcc.dist.support.LauncherProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A real PostgreSQL, a WireMock mail gateway, and simulator processes that share them: what the
 * cluster tests run on. One per test class.
 */
final class Cluster implements AutoCloseable {
  static final String GATEWAY_KEY = "cluster-gateway-key";

  private final EmbeddedPostgres postgres;
  final WireMockServer gateway;
  private final List<Node> nodes = new ArrayList<>();

  Cluster() {
    try {
      postgres = EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    gateway = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    gateway.start();
    gateway.stubFor(post(urlPathEqualTo("/messages"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\":\"x\"}")));
  }

  /** A new empty database on the server; its JDBC URL. */
  String newDatabase() {
    String name = "desk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name + "?user=postgres";
  }

  /** Starts {@code bin/deskcc-sim} on the database, delivering to the gateway. */
  Node start(String databaseUrl) {
    return start(databaseUrl, Map.of());
  }

  /**
   * As {@link #start(String)}, with extra environment variables and options: another {@code
   * --plugins} folder, say, which then needs {@code --fixture} for the distribution's demo world.
   */
  Node start(String databaseUrl, Map<String, String> environment, String... options) {
    Map<String, String> env = new HashMap<>(environment);
    env.put("DESKCC_MAIL_GATEWAY_KEY", GATEWAY_KEY);
    env.put("DESKCC_DATABASE_PASSWORD", "");
    List<String> args = new ArrayList<>(List.of(
        "--port", "0", "--database", databaseUrl, "--mail-gateway", gateway.baseUrl()));
    args.addAll(List.of(options));
    LauncherProcess process = LauncherProcess.start(Build.home(), env, args.toArray(String[]::new));
    try {
      Node node = new Node(process, process.awaitListening(Duration.ofSeconds(90)));
      nodes.add(node);
      return node;
    } catch (RuntimeException | AssertionError e) {
      process.close();
      throw e;
    }
  }

  /** How many times the gateway accepted each Idempotency-Key. */
  Map<String, Integer> deliveries() {
    Map<String, Integer> counts = new HashMap<>();
    for (ServeEvent e : gateway.getAllServeEvents()) {
      if (e.getRequest().getUrl().startsWith("/messages")) {
        counts.merge(e.getRequest().getHeader("Idempotency-Key"), 1, Integer::sum);
      }
    }
    return counts;
  }

  @Override
  public void close() throws IOException {
    nodes.forEach(Node::close);
    gateway.stop();
    postgres.close();
  }

  /** One simulator process of the cluster. */
  static final class Node implements AutoCloseable {
    private static final MediaType RFC822 = MediaType.get("message/rfc822");
    final LauncherProcess process;
    final Api api;
    private final String baseUrl;
    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30))
        .addInterceptor(OpenApiConformance.INSTANCE).build();

    Node(LauncherProcess process, String baseUrl) {
      this.process = process;
      this.baseUrl = baseUrl;
      this.api = new Api(baseUrl);
    }

    String baseUrl() {
      return baseUrl;
    }

    JsonNode ids() {
      return api.get("/sim/fixtures", null).json().path("ids");
    }

    JsonNode outbox() {
      return api.get("/sim/outbox", null).json().path("messages");
    }

    /** Posts a raw message to the inbound-mail webhook; the status. */
    int inbound(String raw, String token) {
      Request request = new Request.Builder().url(baseUrl + "/api/v1/inbound/email")
          .header("Authorization", "Bearer " + token)
          .post(RequestBody.create(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8), RFC822)).build();
      try (Response response = http.newCall(request).execute()) {
        return response.code();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      process.close();
    }
  }
}
