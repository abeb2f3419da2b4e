package dev.deskcc.sim.plugins;

import static dev.deskcc.sim.support.TestWorld.AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.sim.PluginStatus;
import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.CallerRole;
import dev.deskcc.sim.desk.CreateTicketRequest;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.RequesterInput;
import dev.deskcc.sim.support.HttpClient;
import dev.deskcc.sim.support.HttpClient.Answer;
import dev.deskcc.sim.support.TestWorld;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real plugin jars, built in the test, loaded by PF4J from a folder: how the host isolates itself
 * from plugins that throw, refuse, hang or misbehave. Run once per {@link PluginCallMode}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PluginIsolationCases {
  private Simulator sim;
  private HttpClient http;
  private String hr;

  /** How the simulator under test runs plugin calls. */
  abstract PluginCallMode mode();

  @BeforeAll
  void start(@TempDir Path plugins) {
    TestPlugins.writeAll(plugins);
    sim = Simulator.builder().pluginsDir(plugins).fixtureJson(TestWorld.FIXTURE)
        .pluginCallTimeout(Duration.ofMillis(300)).pluginCalls(mode()).build().start();
    http = new HttpClient(sim.baseUrl());
  }

  @AfterAll
  void stop() {
    sim.close();
  }

  @BeforeEach
  void reset() {
    http.json("POST", "/sim/plugins/alpha-tracer/start", null, null);
    Answer a = http.json("POST", "/sim/fixtures", TestWorld.FIXTURE, null);
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    hr = a.json().get("ids").get("hr").asText();
  }

  private Answer create(String subject) {
    return http.json("POST", "/api/v1/tickets", Map.of("departmentId", hr, "subject", subject,
        "requester", Map.of("email", "emma@example.com")), AGENT);
  }

  private int ticketCount() {
    return http.get("/api/v1/tickets", AGENT).json().get("tickets").size();
  }

  private int outboxSize() {
    return http.get("/sim/outbox", null).json().get("messages").size();
  }

  @Test
  void a_plugin_whose_check_throws_fails_the_request_naming_it_and_nothing_changes() {
    Answer a = create("boom goes the check");
    assertThat(a.status()).isEqualTo(500);
    assertThat(a.code()).isEqualTo("PLUGIN_FAILED");
    assertThat(a.json().get("detail").asText()).contains("boom");
    assertThat(a.raw()).doesNotContain("kaboom").doesNotContain("\tat ");
    assertThat(ticketCount()).isZero();
    assertThat(outboxSize()).isZero();
  }

  @Test
  void a_hanging_check_times_out_and_nothing_changes() {
    long t0 = System.nanoTime();
    Answer a = create("slow please");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    assertThat(a.status()).isEqualTo(500);
    assertThat(a.code()).isEqualTo("PLUGIN_FAILED");
    assertThat(a.json().get("detail").asText()).contains("sloth").contains("300 ms");
    assertThat(ticketCount()).isZero();
    assertThat(create("fine now").status()).isEqualTo(201);
  }

  @Test
  void a_check_that_ignores_interruption_is_stopped_by_its_dead_context() {
    Answer a = create("stubborn");
    assertThat(a.status()).isEqualTo(500);
    assertThat(a.code()).isEqualTo("PLUGIN_FAILED");
    assertThat(a.json().get("detail").asText()).contains("sloth").contains("did not answer").contains("300 ms");
    assertThat(ticketCount()).isZero();
    assertThat(calls("sloth", "CHECK").get(calls("sloth", "CHECK").size() - 1).get("outcome").asText())
        .isEqualTo("TIMED_OUT");
    assertThat(create("fine again").status()).isEqualTo(201);
  }

  @Test
  void a_timed_out_call_leaves_the_calling_thread_uninterrupted() {
    String agentId = sim.desk().authenticate(AGENT).orElseThrow().id();
    Caller agent = new Caller(CallerRole.AGENT, agentId);
    CreateTicketRequest slow = new CreateTicketRequest(hr, "slow in process", null,
        new RequesterInput("emma@example.com", null), null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> sim.desk().createTicket(agent, slow))
        .isInstanceOfSatisfying(DeskException.class, e -> assertThat(e.code()).isEqualTo("PLUGIN_FAILED"));
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    CreateTicketRequest fine = new CreateTicketRequest(hr, "fine in process", null,
        new RequesterInput("emma@example.com", null), null);
    assertThat(sim.desk().createTicket(agent, fine).id()).isNotBlank();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void a_hanging_reaction_is_logged_and_skipped_and_the_change_stays() {
    Answer a = create("lazy");
    assertThat(a.status()).isEqualTo(201);
    List<JsonNode> reactions = calls("sloth", "REACT");
    assertThat(reactions.get(reactions.size() - 1).get("outcome").asText()).isEqualTo("TIMED_OUT");
    assertThat(ticketCount()).isEqualTo(1);
  }

  @Test
  void a_refusal_keeps_the_plugins_code_and_items_and_rolls_back_other_plugins_writes() {
    Answer a = create("buy spam");
    assertThat(a.status()).isEqualTo(422);
    assertThat(a.code()).isEqualTo("NO_SPAM_SUBJECTS");
    assertThat(a.json().get("errors").get(0).get("code").asText()).isEqualTo("SPAM_WORD");
    assertThat(ticketCount()).isZero();
  }

  @Test
  void a_throwing_reaction_is_logged_and_skipped() {
    Answer a = create("ordinary");
    assertThat(a.status()).isEqualTo(201);
    List<JsonNode> boomReactions = calls("boom", "REACT");
    assertThat(boomReactions).isNotEmpty();
    assertThat(boomReactions.get(boomReactions.size() - 1).get("outcome").asText()).isEqualTo("FAILED");
  }

  @Test
  void extensions_are_called_in_the_check_and_the_react_phase_with_the_right_context() {
    Answer a = create("traced");
    assertThat(a.status()).isEqualTo(201);
    assertThat(a.json().get("fields").get("note").asText()).isEqualTo("noted by alpha-tracer");
    List<JsonNode> checks = calls("alpha-tracer", "CHECK");
    List<JsonNode> reactions = calls("alpha-tracer", "REACT");
    assertThat(checks).anySatisfy(c -> {
      assertThat(c.get("eventType").asText()).isEqualTo("TicketCreated");
      assertThat(c.get("outcome").asText()).isEqualTo("OK");
    });
    assertThat(reactions).anySatisfy(c -> {
      assertThat(c.get("eventType").asText()).isEqualTo("TicketCreated");
      assertThat(c.get("outcome").asText()).isEqualTo("OK");
    });
    String tid = a.json().get("id").asText();
    JsonNode history = http.get("/api/v1/tickets/" + tid + "/history", AGENT).json().get("events");
    assertThat(history.findValuesAsText("type")).contains("TRACED");
  }

  @Test
  void a_plugin_stopped_at_run_time_stops_contributing_and_comes_back_when_started() {
    String first = create("before stop").json().get("id").asText();
    assertThat(outboxCc(first)).contains("watcher@example.com");
    Answer stopped = http.json("POST", "/sim/plugins/alpha-tracer/stop", null, null);
    assertThat(stopped.json().get("state").asText()).isEqualTo("STOPPED");
    Answer during = create("while stopped");
    assertThat(during.json().get("fields").has("note")).isFalse();
    assertThat(outboxCc(during.json().get("id").asText())).isEmpty();
    assertThat(http.get("/api/v1/departments/" + hr + "/layout", AGENT).json().get("fields")
        .findValuesAsText("name")).doesNotContain("note");
    http.json("POST", "/sim/plugins/alpha-tracer/start", null, null);
    JsonNode again = http.get("/api/v1/tickets/" + first, AGENT).json();
    assertThat(again.get("fields").get("note").asText()).isEqualTo("noted by alpha-tracer");
    assertThat(outboxCc(create("after start").json().get("id").asText())).contains("watcher@example.com");
  }

  @Test
  void a_plugin_whose_requires_excludes_the_platform_or_a_broken_jar_is_listed_but_not_started() {
    PluginStatus future = sim.plugins().stream().filter(p -> p.id().equals("zz-future")).findFirst().orElseThrow();
    assertThat(future.state()).isNotEqualTo("STARTED");
    assertThat(sim.plugins().stream().filter(p -> p.state().equals("STARTED")).map(PluginStatus::id))
        .containsExactly("alpha-tracer", "boom", "delta", "gamma", "refuser", "sloth", "zipped");
    assertThat(create("not refused by the future").status()).isEqualTo(201);
    PluginStatus broken = sim.plugins().stream().filter(p -> p.id().equals("broken-1.0.0")).findFirst().orElseThrow();
    assertThat(broken.state()).isEqualTo("FAILED");
    assertThat(broken.reason()).contains("broken-1.0.0.jar");
    JsonNode listed = http.get("/api/v1/plugins", TestWorld.ADMIN).json().get("plugins");
    assertThat(listed.findValuesAsText("id")).contains("zz-future");
  }

  @Test
  void a_plugin_packed_as_a_zip_is_loaded_too() {
    assertThat(create("zip").status()).isEqualTo(201);
    assertThat(calls("zipped", "REACT")).isNotEmpty();
  }

  @Test
  void a_plugin_context_outside_its_callback_refuses_writes() {
    var reader = new dev.deskcc.sim.store.InMemoryStore().read();
    HostPluginContext ctx = HostPluginContext.readOnly("p", reader, java.time.Clock.systemUTC(),
        (r, d, p) -> com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    assertThat(ctx.writable()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ctx.data().putTicket("t", 1,
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.nullNode()))
        .isInstanceOf(IllegalStateException.class);
    ctx.invalidate();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ctx.tickets().byId("t"))
        .isInstanceOf(IllegalStateException.class);
  }

  private List<String> outboxCc(String ticketId) {
    JsonNode msgs = http.get("/sim/outbox?ticketId=" + ticketId, null).json().get("messages");
    return msgs.findValues("cc").stream().flatMap(n -> java.util.stream.StreamSupport.stream(n.spliterator(), false))
        .map(JsonNode::asText).toList();
  }

  private List<JsonNode> calls(String pluginId, String phase) {
    JsonNode calls = http.get("/sim/plugins/trace", null).json().get("calls");
    return java.util.stream.StreamSupport.stream(calls.spliterator(), false)
        .filter(c -> c.get("pluginId").asText().equals(pluginId) && c.get("phase").asText().equals(phase))
        .toList();
  }
}
