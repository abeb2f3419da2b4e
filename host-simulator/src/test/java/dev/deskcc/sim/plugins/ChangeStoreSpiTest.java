package dev.deskcc.sim.plugins;

import static dev.deskcc.sim.support.TestWorld.AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.support.HttpClient;
import dev.deskcc.sim.support.HttpClient.Answer;
import dev.deskcc.sim.support.PluginJar;
import dev.deskcc.sim.support.TestWorld;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform 1.3 {@code ChangeStore}, used by two plugins that know nothing of CC and write the
 * same key: what a plugin's check leaves is seen by its reaction and by its field in the change's
 * answer, never by the other plugin, and never by a later change or a plain read.
 */
class ChangeStoreSpiTest {
  @TempDir
  static Path plugins;

  private static Simulator sim;
  private static HttpClient http;
  private JsonNode ids;

  /** A plugin whose check notes its name (and whether the store was empty), and whose field shows the store. */
  private static void notingPlugin(String id) {
    PluginJar.plugin(id).requires(">=1.3.0 & <2.0.0")
        .extension("cs." + id + ".Note", """
            package cs.%1$s;
            import com.fasterxml.jackson.databind.JsonNode;
            import com.fasterxml.jackson.databind.node.TextNode;
            import dev.deskcc.api.error.Verdict;
            import dev.deskcc.api.field.*;
            import dev.deskcc.api.host.PluginContext;
            import dev.deskcc.api.lifecycle.*;
            import dev.deskcc.api.model.Ticket;
            import java.util.List;
            public class Note implements TicketChangeCheck, TicketChangeReaction, FieldContributor {
              public Verdict check(TicketEvent event, PluginContext ctx) {
                String before = ctx.changeStore().get("note", String.class).orElse("empty");
                ctx.changeStore().put("note", "%1$s checked (store was " + before + ")");
                return Verdict.accept();
              }
              public void react(TicketEvent event, PluginContext ctx) {
                ctx.changeStore().get("note", String.class)
                    .ifPresent(n -> ctx.changeStore().put("note", n + ", reacted"));
              }
              public List<FieldDefinition> fields(String departmentId, PluginContext ctx) {
                return List.of(new FieldDefinition("%1$s_note", "Note", "what %1$s noted", ValueType.TEXT,
                    null, false, null));
              }
              public JsonNode value(Ticket ticket, String fieldName, PluginContext ctx) {
                return TextNode.valueOf(ctx.changeStore().get("note", String.class).orElse("nothing"));
              }
            }
            """.formatted(id))
        .writeTo(plugins);
  }

  @BeforeAll
  static void start() {
    notingPlugin("alpha");
    notingPlugin("beta");
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
    ids = a.json().get("ids");
  }

  private Answer create(String subject) {
    Answer a = http.json("POST", "/api/v1/tickets", Map.of("departmentId", ids.get("hr").asText(),
        "subject", subject, "requester", Map.of("email", "emma@example.com")), AGENT);
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    return a;
  }

  @Test
  void what_a_check_leaves_is_seen_by_its_reaction_and_by_the_answer_of_the_same_change() {
    JsonNode fields = create("Laptop").json().get("fields");
    assertThat(fields.get("alpha_note").asText()).isEqualTo("alpha checked (store was empty), reacted");
  }

  @Test
  void each_plugin_sees_only_its_own_store() {
    JsonNode fields = create("Laptop").json().get("fields");
    assertThat(fields.get("alpha_note").asText()).startsWith("alpha checked (store was empty)");
    assertThat(fields.get("beta_note").asText()).startsWith("beta checked (store was empty)");
  }

  @Test
  void the_next_change_and_a_plain_read_start_with_an_empty_store() {
    String tid = create("Laptop").json().get("id").asText();
    assertThat(http.get("/api/v1/tickets/" + tid, AGENT).json().at("/fields/alpha_note").asText())
        .isEqualTo("nothing");
    JsonNode second = create("Phone").json().get("fields");
    assertThat(second.get("alpha_note").asText()).isEqualTo("alpha checked (store was empty), reacted");
  }
}
