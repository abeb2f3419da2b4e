package dev.deskcc.dist.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.deskcc.dist.support.Api;
import dev.deskcc.dist.support.Demo;
import dev.deskcc.dist.support.LauncherProcess;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One running {@code bin/deskcc-sim} and a client of it, for the durability tests. */
final class DeskNode implements AutoCloseable {
  final LauncherProcess process;
  final Api api;
  final String baseUrl;

  private DeskNode(LauncherProcess process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.api = new Api(baseUrl);
  }

  static DeskNode start(String... args) {
    List<String> all = new ArrayList<>(List.of("--port", "0"));
    all.addAll(List.of(args));
    LauncherProcess process = LauncherProcess.start(all.toArray(String[]::new));
    try {
      return new DeskNode(process, process.awaitListening(Duration.ofSeconds(60)));
    } catch (RuntimeException | AssertionError e) {
      process.close();
      throw e;
    }
  }

  /** The fixture's ids by key. */
  JsonNode ids() {
    return api.get("/sim/fixtures", null).json().path("ids");
  }

  JsonNode ticket(String id) {
    Api.Reply r = api.get("/api/v1/tickets/" + id, Demo.ADMIN);
    if (r.status() != 200) {
      throw new AssertionError("GET ticket " + id + ": " + r);
    }
    return r.json();
  }

  JsonNode history(String id) {
    return api.get("/api/v1/tickets/" + id + "/history", Demo.ADMIN).json();
  }

  /**
   * The outbox, each unsubscribe link cut to its path: a restarted node serves another port, and
   * what must survive is the link's token (the world's secret), not the node's address.
   */
  JsonNode outbox() {
    JsonNode messages = api.get("/sim/outbox", null).json().path("messages");
    for (JsonNode m : messages) {
      if (m.path("unsubscribe") instanceof ObjectNode links) {
        links.properties().forEach(e -> e.setValue(TextNode.valueOf(URI.create(e.getValue().asText()).getRawPath())));
      }
    }
    return messages;
  }

  JsonNode settings(String departmentId) {
    return api.get("/api/v1/departments/" + departmentId + "/plugins/" + Demo.PLUGIN_ID + "/settings", Demo.ADMIN)
        .json();
  }

  JsonNode tickets() {
    return api.get("/api/v1/tickets", Demo.ADMIN).json().path("tickets");
  }

  static List<String> ccEmails(JsonNode ticket) {
    List<String> out = new ArrayList<>();
    ticket.path("fields").path("cc").forEach(c -> out.add(c.path("email").asText().toLowerCase()));
    return out;
  }

  /** Posts a raw RFC 5322 message to the inbound-mail webhook as an admin. */
  Api.Reply inbound(String raw) {
    okhttp3.Request request = new okhttp3.Request.Builder().url(baseUrl + "/api/v1/inbound/email")
        .header("Authorization", "Bearer " + Demo.ADMIN)
        .post(okhttp3.RequestBody.create(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            okhttp3.MediaType.get("message/rfc822")))
        .build();
    try (okhttp3.Response response = HTTP.newCall(request).execute()) {
      String body = response.body().string();
      return new Api.Reply(response.code(), body, Api.parse(body));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("POST inbound mail", e);
    }
  }

  private static final okhttp3.OkHttpClient HTTP = new okhttp3.OkHttpClient.Builder()
      .callTimeout(Duration.ofSeconds(20)).build();

  /** SIGKILL: no shutdown hook, no flush, nothing. */
  void kill() {
    process.close();
  }

  int terminate() {
    return process.terminate(Duration.ofSeconds(30));
  }

  @Override
  public void close() {
    process.close();
  }
}
