package dev.deskcc.sim.plugins;

import static dev.deskcc.sim.support.TestWorld.ADMIN;
import static dev.deskcc.sim.support.TestWorld.AGENT;
import static dev.deskcc.sim.support.TestWorld.OSCAR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.support.HttpClient;
import dev.deskcc.sim.support.HttpClient.Answer;
import dev.deskcc.sim.support.TestWorld;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin's on/off switch ({@code SettingsDescriptor.activeWhen}): the test plugin {@code delta}
 * never looks at its own setting, so everything it does not do where it is off is the host's
 * doing.
 */
class PluginSwitchTest {
  @TempDir
  static Path plugins;

  private static Simulator sim;
  private static HttpClient http;
  private String hr;
  private String it;

  @BeforeAll
  static void start() {
    TestPlugins.writeAll(plugins);
    sim = Simulator.builder().pluginsDir(plugins).fixtureJson(TestWorld.FIXTURE).build().start();
    http = new HttpClient(sim.baseUrl());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void reset() {
    Answer a = http.json("POST", "/sim/fixtures", TestWorld.FIXTURE, null);
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    hr = a.json().get("ids").get("hr").asText();
    it = a.json().get("ids").get("it").asText();
  }

  private Answer switchOn(String departmentId) {
    return http.json("PUT", "/api/v1/departments/" + departmentId + "/plugins/delta/settings", Map.of("on", true),
        ADMIN);
  }

  private Answer create(String departmentId, String subject, Map<String, Object> fields) {
    return http.json("POST", "/api/v1/tickets", Map.of("departmentId", departmentId, "subject", subject,
        "requester", Map.of("email", "emma@example.com"), "fields", fields), AGENT);
  }

  @Test
  void where_the_switch_is_off_the_host_calls_none_of_the_plugins_ticket_extensions() {
    int mark = trace().size();
    Answer a = create(hr, "delta says no", Map.of());
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    String tid = a.json().get("id").asText();
    assertThat(a.json().get("fields").has("stamp")).isFalse();
    assertThat(outboxCopies(tid)).doesNotContain("delta-watch@example.com");
    assertThat(historyTypes(tid)).doesNotContain("DELTA_CHECKED");
    assertThat(http.get("/api/v1/departments/" + hr + "/layout", AGENT).json().get("fields")
        .findValuesAsText("name")).doesNotContain("stamp");
    assertThat(http.get("/api/v1/tickets/" + tid, OSCAR).status()).isEqualTo(404);
    Answer withField = create(hr, "with a stamp", Map.of("stamp", "x"));
    assertThat(withField.status()).isEqualTo(422);
    assertThat(withField.code()).isEqualTo("UNKNOWN_FIELD");
    assertThat(deltaCallsSince(mark)).allSatisfy(c -> assertThat(c.get("phase").asText()).isEqualTo("SETTINGS"));
  }

  @Test
  void switched_on_the_plugin_is_called_for_that_department_only() {
    int mark = trace().size();
    assertThat(switchOn(hr).status()).isEqualTo(200);
    Answer refused = create(hr, "delta says no", Map.of());
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.code()).isEqualTo("DELTA_SAYS_NO");

    Answer on = create(hr, "in hr", Map.of("stamp", "x"));
    assertThat(on.status()).as(on.toString()).isEqualTo(201);
    String tid = on.json().get("id").asText();
    assertThat(on.json().get("fields").get("stamp").asText()).isEqualTo("delta");
    assertThat(outboxCopies(tid)).contains("delta-watch@example.com");
    assertThat(historyTypes(tid)).contains("DELTA_CHECKED");
    assertThat(http.get("/api/v1/tickets/" + tid, OSCAR).status()).isEqualTo(200);
    assertThat(deltaCallsSince(mark)).extracting(c -> c.get("phase").asText())
        .contains("CHECK", "RECIPIENTS", "REACT", "FIELDS", "ACCESS");

    Answer off = create(it, "in it", Map.of());
    assertThat(off.status()).isEqualTo(201);
    String other = off.json().get("id").asText();
    assertThat(off.json().get("fields").has("stamp")).isFalse();
    assertThat(outboxCopies(other)).doesNotContain("delta-watch@example.com");
    assertThat(historyTypes(other)).doesNotContain("DELTA_CHECKED");
  }

  private List<JsonNode> trace() {
    JsonNode calls = http.get("/sim/plugins/trace", null).json().get("calls");
    return StreamSupport.stream(calls.spliterator(), false).toList();
  }

  /** Delta's calls since the trace had {@code mark} entries (the trace holds 2,000, far more than a test makes). */
  private List<JsonNode> deltaCallsSince(int mark) {
    List<JsonNode> all = trace();
    return all.subList(mark, all.size()).stream().filter(c -> c.get("pluginId").asText().equals("delta")).toList();
  }

  private List<String> outboxCopies(String ticketId) {
    JsonNode msgs = http.get("/sim/outbox?ticketId=" + ticketId, null).json().get("messages");
    assertThat(msgs).isNotEmpty();
    return msgs.findValues("cc").stream().flatMap(n -> StreamSupport.stream(n.spliterator(), false))
        .map(JsonNode::asText).toList();
  }

  private List<String> historyTypes(String ticketId) {
    return http.get("/api/v1/tickets/" + ticketId + "/history", AGENT).json().get("events").findValuesAsText("type");
  }
}
