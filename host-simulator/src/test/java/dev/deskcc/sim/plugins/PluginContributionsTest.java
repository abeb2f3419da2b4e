package dev.deskcc.sim.plugins;

import static dev.deskcc.sim.support.TestWorld.ADMIN;
import static dev.deskcc.sim.support.TestWorld.AGENT;
import static dev.deskcc.sim.support.TestWorld.EMMA;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's generic rules around what plugins contribute: settings, locked fields, access, withholding. */
class PluginContributionsTest {
  @TempDir
  static Path plugins;

  private static Simulator sim;
  private static HttpClient http;
  private String hr;

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
    load(TestWorld.FIXTURE);
  }

  private void load(String fixture) {
    Answer a = http.json("POST", "/sim/fixtures", fixture, null);
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    hr = a.json().get("ids").get("hr").asText();
  }

  private String settings() {
    return "/api/v1/departments/" + hr + "/plugins/gamma/settings";
  }

  private Answer enable() {
    return http.json("PUT", settings(), Map.of("enabled", true, "acknowledged", true), ADMIN);
  }

  private Answer create(String subject) {
    return http.json("POST", "/api/v1/tickets", Map.of("departmentId", hr, "subject", subject,
        "requester", Map.of("email", "emma@example.com")), AGENT);
  }

  @Test
  void settings_start_at_the_declared_defaults() {
    JsonNode s = http.get(settings(), AGENT).json();
    assertThat(s.get("enabled").asBoolean()).isFalse();
    assertThat(s.get("label").asText()).isEqualTo("x");
    assertThat(s.get("tags").isArray()).isTrue();
  }

  @Test
  void switching_on_needs_the_acknowledgement_every_time() {
    Answer refused = http.json("PUT", settings(), Map.of("enabled", true), ADMIN);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.code()).isEqualTo("ACKNOWLEDGEMENT_REQUIRED");
    assertThat(enable().json().get("enabled").asBoolean()).isTrue();
    http.json("PUT", settings(), Map.of("enabled", false), ADMIN);
    assertThat(http.json("PUT", settings(), Map.of("enabled", true), ADMIN).code())
        .isEqualTo("ACKNOWLEDGEMENT_REQUIRED");
  }

  @Test
  void the_acknowledgement_refusal_says_what_is_acknowledged() {
    Answer refused = http.json("PUT", settings(), Map.of("enabled", true), ADMIN);

    assertThat(refused.json().get("detail").asText()).contains("Sure?").contains("really")
        .contains("GET /api/v1/departments/{id}/plugins");
  }

  @Test
  void a_choice_setting_is_described_with_its_choices_and_other_settings_have_none() {
    JsonNode described = null;
    for (JsonNode p : http.get("/api/v1/departments/" + hr + "/plugins", AGENT).json().findValue("plugins")) {
      if (p.path("pluginId").asText().equals("gamma")) {
        described = p.get("descriptor");
      }
    }
    assertThat(described).isNotNull();
    JsonNode mode = null;
    for (JsonNode s : described.get("settings")) {
      if (s.get("name").asText().equals("mode")) {
        mode = s;
      } else {
        assertThat(s.has("choices")).as(s.toString()).isFalse();
      }
    }
    assertThat(mode).isNotNull();
    assertThat(mode.get("type").asText()).isEqualTo("CHOICE");
    assertThat(mode.get("defaultValue").asText()).isEqualTo("SAFE");
    assertThat(mode.get("choices").toString()).isEqualTo("[\"FAST\",\"SAFE\"]");
  }

  @Test
  void a_choice_setting_takes_only_its_choices() {
    Answer outside = http.json("PUT", settings(), Map.of("mode", "FASTER"), ADMIN);
    assertThat(outside.status()).isEqualTo(422);
    assertThat(outside.code()).isEqualTo("INVALID_CHOICE");
    assertThat(outside.json().get("errors").get(0).get("value").asText()).isEqualTo("FASTER");
    assertThat(outside.json().get("detail").asText()).contains("FAST").contains("SAFE");
    assertThat(http.json("PUT", settings(), Map.of("mode", 1), ADMIN).code()).isEqualTo("BAD_REQUEST");
    assertThat(http.get(settings(), AGENT).json().get("mode").asText()).isEqualTo("SAFE");

    Answer chosen = http.json("PUT", settings(), Map.of("mode", "FAST"), ADMIN);
    assertThat(chosen.status()).isEqualTo(200);
    assertThat(chosen.json().get("mode").asText()).isEqualTo("FAST");
  }

  @Test
  void members_left_out_keep_their_values_and_the_answer_is_the_settings_now() {
    enable();
    Answer a = http.json("PUT", settings(), Map.of("label", "y", "tags", List.of("a")), ADMIN);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().get("enabled").asBoolean()).isTrue();
    assertThat(a.json().get("label").asText()).isEqualTo("y");
    assertThat(a.json().has("acknowledged")).isFalse();
  }

  @Test
  void settings_writes_are_checked_for_role_type_edition_and_the_plugins_rules() {
    assertThat(http.json("PUT", settings(), Map.of("label", "y"), AGENT).code()).isEqualTo("FORBIDDEN");
    Answer wrongType = http.json("PUT", settings(), Map.of("enabled", "yes", "acknowledged", true), ADMIN);
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(http.json("PUT", settings(), Map.of("tags", List.of(1)), ADMIN).status()).isEqualTo(400);
    Answer bad = http.json("PUT", settings(), Map.of("label", "bad"), ADMIN);
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.code()).isEqualTo("BAD_LABEL");
    assertThat(http.get(settings(), AGENT).json().get("label").asText()).isEqualTo("x");
    load(TestWorld.FIXTURE.replace("PROFESSIONAL", "STANDARD"));
    Answer edition = enable();
    assertThat(edition.status()).isEqualTo(403);
    assertThat(edition.code()).isEqualTo("EDITION_NOT_SUPPORTED");
  }

  @Test
  void a_locked_contributed_field_cannot_leave_the_layout() {
    String layout = "/api/v1/departments/" + hr + "/layout";
    assertThat(http.get(layout, AGENT).json().get("fields").findValuesAsText("name")).doesNotContain("badge");
    enable();
    JsonNode fields = http.get(layout, AGENT).json().get("fields");
    assertThat(fields.findValuesAsText("name")).contains("badge");
    Answer drop = http.json("PUT", layout, Map.of("fields", List.of("subject", "requester", "note")), ADMIN);
    assertThat(drop.status()).isEqualTo(409);
    assertThat(drop.code()).isEqualTo("FIELD_LOCKED");
    assertThat(create("with badge").json().get("fields").get("badge").asText()).isEqualTo("gold");
  }

  @Test
  void fixture_plugin_settings_are_applied_like_an_admin_put() {
    load(TestWorld.FIXTURE.replace("\"ratingMode\": \"ON_CLOSE\"}",
        "\"ratingMode\": \"ON_CLOSE\", \"pluginSettings\": {\"gamma\": {\"enabled\": true, \"acknowledged\": true}}}"));
    assertThat(http.get(settings(), AGENT).json().get("enabled").asBoolean()).isTrue();
    String bad = TestWorld.FIXTURE.replace("\"ratingMode\": \"ON_CLOSE\"}",
        "\"ratingMode\": \"ON_CLOSE\", \"pluginSettings\": {\"gamma\": {\"enabled\": true}}}");
    Answer refused = http.json("POST", "/sim/fixtures", bad, null);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("detail").asText()).contains("departments[0].pluginSettings.gamma")
        .contains("ACKNOWLEDGEMENT_REQUIRED");
  }

  @Test
  void a_plugin_grant_opens_the_help_center_but_a_restriction_wins() {
    enable();
    String tid = create("shared").json().get("id").asText();
    JsonNode list = http.get("/api/v1/tickets", OSCAR).json().get("tickets");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("role").asText()).isEqualTo("WATCHER");
    assertThat(list.get(0).get("fields").has("badge")).isFalse();
    http.json("PATCH", "/api/v1/tickets/" + tid, Map.of("status", "CLOSED"), AGENT);
    assertThat(http.json("POST", "/api/v1/tickets/" + tid + "/ratings", Map.of("rating", "BAD"), OSCAR).status())
        .isEqualTo(403);
    http.json("POST", "/api/v1/tickets/" + tid + "/restrictions", Map.of("email", "oscar@example.com"), AGENT);
    assertThat(http.get("/api/v1/tickets/" + tid, OSCAR).status()).isEqualTo(404);
    assertThat(http.get("/api/v1/tickets/" + tid, EMMA).status()).isEqualTo(200);
  }

  @Test
  void a_withheld_recipient_gets_nothing_and_the_history_says_why() {
    String tid = create("quiet please").json().get("id").asText();
    JsonNode messages = http.get("/sim/outbox?ticketId=" + tid, null).json().get("messages");
    assertThat(messages).isNotEmpty();
    assertThat(messages.findValues("to").toString() + messages.findValues("cc")).doesNotContain("emma@example.com");
    JsonNode events = http.get("/api/v1/tickets/" + tid + "/history", AGENT).json().get("events");
    JsonNode withheld = null;
    for (JsonNode e : events) {
      if (e.get("type").asText().equals("RECIPIENT_WITHHELD")) {
        withheld = e.get("detail");
      }
    }
    assertThat(withheld).isNotNull();
    assertThat(withheld.get("email").asText()).isEqualTo("emma@example.com");
    assertThat(withheld.get("reason").asText()).isEqualTo("QUIET_PLEASE");
    assertThat(withheld.get("plugin").asText()).isEqualTo("gamma");
  }
}
