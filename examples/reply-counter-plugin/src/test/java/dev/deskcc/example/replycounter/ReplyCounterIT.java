package dev.deskcc.example.replycounter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deskcc.sim.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the built plugin jar in a simulator, as the host would run it, and checks it over HTTP.
 * Failsafe runs this after {@code package} and passes the jar's path as {@code reply-counter.jar}.
 */
class ReplyCounterIT {

  /** A small world of our own: one department, an admin agent and a customer. */
  private static final String FIXTURE = """
      {"org": {"name": "Example Co", "edition": "PROFESSIONAL"},
       "departments": [{"key": "support", "name": "Support", "helpCenter": true,
                        "supportAddresses": ["support@example.test"], "fromAddresses": ["noreply@example.test"],
                        "ratingMode": "OFF"}],
       "agents": [{"key": "ann", "name": "Ann Agent", "email": "ann@example.test", "admin": true,
                   "departments": ["support"], "token": "ann-token"}],
       "contacts": [{"key": "carl", "name": "Carl", "email": "carl@example.com", "token": "carl-token"}]}
      """;
  private static final String AGENT = "ann-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OkHttpClient HTTP = new OkHttpClient();

  @TempDir static Path plugins;
  private static Simulator simulator;
  private static String departmentId;

  @BeforeAll
  static void startSimulatorWithThePlugin() throws IOException {
    Path jar = Path.of(System.getProperty("reply-counter.jar"));
    Files.copy(jar, plugins.resolve(jar.getFileName()));
    simulator = Simulator.builder().port(0).pluginsDir(plugins).build().start();
    // replace the built-in demo world with ours; the answer maps each key to the object's id
    departmentId = call("POST", "/sim/fixtures", null, FIXTURE).path("ids").path("support").asText();
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void the_plugin_is_started() throws IOException {
    JsonNode plugins = call("GET", "/api/v1/plugins", AGENT, null).path("plugins");

    assertThat(plugins).anySatisfy(p -> {
      assertThat(p.path("id").asText()).isEqualTo("reply-counter");
      assertThat(p.path("state").asText()).isEqualTo("STARTED");
    });
  }

  @Test
  void a_new_ticket_has_no_agent_replies() throws IOException {
    JsonNode ticket = newTicket();

    assertThat(ticket.path("fields").path("replyCount").asLong(-1)).isZero();
  }

  @Test
  void each_agent_reply_counts_once_and_comments_do_not_count() throws IOException {
    String id = newTicket().path("id").asText();

    call("POST", "/api/v1/tickets/" + id + "/replies", AGENT, json(Map.of("content", "Looking into it.")));
    call("POST", "/api/v1/tickets/" + id + "/comments", AGENT, json(Map.of("content", "note", "public", false)));
    call("POST", "/api/v1/tickets/" + id + "/replies", AGENT, json(Map.of("content", "Fixed.")));

    JsonNode ticket = call("GET", "/api/v1/tickets/" + id, AGENT, null);
    assertThat(ticket.path("fields").path("replyCount").asLong()).isEqualTo(2);
  }

  @Test
  void the_count_cannot_be_set() throws IOException {
    String id = newTicket().path("id").asText();

    JsonNode problem = call("PATCH", "/api/v1/tickets/" + id, AGENT, json(Map.of("fields", Map.of("replyCount", 7))));

    assertThat(problem.path("status").asInt()).isEqualTo(422);
    assertThat(problem.path("code").asText()).isEqualTo("FIELD_READ_ONLY");
    assertThat(call("GET", "/api/v1/tickets/" + id, AGENT, null).path("fields").path("replyCount").asLong()).isZero();
  }

  @Test
  void the_field_is_in_the_layout_and_can_be_removed() throws IOException {
    JsonNode fields = call("GET", "/api/v1/departments/" + departmentId + "/layout", AGENT, null).path("fields");

    assertThat(fields).anySatisfy(f -> {
      assertThat(f.path("name").asText()).isEqualTo("replyCount");
      assertThat(f.path("locked").asBoolean()).isFalse();
    });
  }

  private static JsonNode newTicket() throws IOException {
    return call("POST", "/api/v1/tickets", AGENT, json(Map.of(
        "departmentId", departmentId,
        "subject", "Printer on fire",
        "description", "Smoke everywhere.",
        "requester", Map.of("email", "carl@example.com", "name", "Carl"))));
  }

  private static String json(Object value) throws IOException {
    return JSON.writeValueAsString(value);
  }

  /** One HTTP call; answers the JSON body (a problem document for errors). */
  private static JsonNode call(String method, String path, String token, String body) throws IOException {
    Request.Builder request = new Request.Builder().url(simulator.baseUrl() + path)
        .method(method, body == null ? null : RequestBody.create(body, MediaType.get("application/json")));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try (Response response = HTTP.newCall(request.build()).execute()) {
      String text = response.body().string();
      return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    }
  }
}
