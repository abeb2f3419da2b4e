package dev.deskcc.sim.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.support.HttpClient;
import dev.deskcc.sim.support.HttpClient.Answer;
import dev.deskcc.sim.support.TestWorld;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's files and the generic reads it renders, on a plain help desk (no plugins). */
class ConsoleRoutesTest {
  private static Simulator sim;
  private static HttpClient http;

  @BeforeAll
  static void start() {
    sim = Simulator.builder().fixtureJson(TestWorld.FIXTURE).build().start();
    http = new HttpClient(sim.baseUrl());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static List<String> texts(JsonNode array, String member) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(member).asText()));
    return out;
  }

  @Test
  void the_console_is_served_from_the_jar_at_the_root() {
    Answer index = http.get("/", null);
    assertThat(index.status()).isEqualTo(200);
    assertThat(index.contentType()).startsWith("text/html");
    assertThat(index.raw()).contains("/console/js/app.js");
    Answer module = http.get("/console/js/app.js", null);
    assertThat(module.status()).isEqualTo(200);
    assertThat(module.contentType()).startsWith("text/javascript");
  }

  @Test
  void only_the_consoles_own_files_can_be_named() {
    assertThat(http.get("/console/js/nothing.js", null).status()).isEqualTo(404);
    assertThat(http.get("/console/..%2Ffixtures%2Fdemo.json", null).status()).isEqualTo(404);
    assertThat(http.get("/console/js/app.class", null).status()).isEqualTo(404);
  }

  @Test
  void the_sign_in_picker_lists_the_fixtures_users_that_hold_a_token() {
    Answer users = http.get("/sim/users", null);
    assertThat(users.status()).isEqualTo(200);
    assertThat(texts(users.json().path("users"), "token")).containsExactly("tok-alice", "tok-bert", "tok-emma", "tok-oscar");
    assertThat(texts(users.json().path("users"), "role")).containsExactly("admin", "agent", "contact", "contact");
  }

  @Test
  void departments_are_listed_for_agents_and_help_center_ones_for_contacts() {
    Answer agent = http.get("/api/v1/departments", "tok-bert");
    assertThat(agent.status()).isEqualTo(200);
    assertThat(texts(agent.json().path("departments"), "name")).containsExactly("HR Onboarding", "IT", "Legal");
    assertThat(agent.json().path("departments").get(0).path("fields").isEmpty()).as("no plugins, no fields").isTrue();
    Answer contact = http.get("/api/v1/departments", "tok-emma");
    assertThat(texts(contact.json().path("departments"), "name")).containsExactly("HR Onboarding", "Legal");
    assertThat(http.get("/api/v1/departments", null).status()).isEqualTo(401);
  }

  @Test
  void a_department_without_plugins_lists_no_plugin_settings_and_contacts_may_not_ask() {
    String hr = http.get("/api/v1/departments", "tok-bert").json().path("departments").get(0).path("id").asText();
    Answer plugins = http.get("/api/v1/departments/" + hr + "/plugins", "tok-bert");
    assertThat(plugins.status()).isEqualTo(200);
    assertThat(plugins.json().path("plugins").isEmpty()).isTrue();
    assertThat(http.get("/api/v1/departments/" + hr + "/plugins", "tok-emma").status()).isEqualTo(403);
    assertThat(http.get("/api/v1/departments/nope/plugins", "tok-bert").status()).isEqualTo(404);
  }
}
