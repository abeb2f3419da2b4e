package dev.deskcc.sim.plugins;

import static dev.deskcc.sim.support.TestWorld.AGENT;
import static dev.deskcc.sim.support.TestWorld.EMMA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.support.HttpClient;
import dev.deskcc.sim.support.HttpClient.Answer;
import dev.deskcc.sim.support.PluginJar;
import dev.deskcc.sim.support.TestWorld;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform 1.3 host service {@code PluginContext.suppressions()}: where a plugin decides
 * recipients it sees who is muted on the ticket, as the change sees it, and the host leaves that
 * person out whoever named them.
 */
class SuppressionsSpiTest {
  @TempDir
  static Path plugins;

  private static Simulator sim;
  private static HttpClient http;

  @BeforeAll
  static void start() {
    PluginJar.plugin("mute-watch").requires(">=1.2.0 & <2.0.0")
        .extension("tp.mute.Watch", """
            package tp.mute;
            import com.fasterxml.jackson.databind.node.JsonNodeFactory;
            import dev.deskcc.api.host.PluginContext;
            import dev.deskcc.api.model.EmailAddress;
            import dev.deskcc.api.notify.*;
            import java.util.List;
            public class Watch implements RecipientContributor {
              public List<RecipientDecision> recipients(Notification note, PluginContext ctx) {
                String ticketId = note.cause().ticket().id();
                for (EmailAddress a : note.to()) {
                  String reason = ctx.suppressions().of(ticketId, a).map(s -> s.reason().name()).orElse("NONE");
                  ctx.history().record(ticketId, "SUPPRESSION_SEEN",
                      JsonNodeFactory.instance.objectNode().put("email", a.address()).put("reason", reason));
                }
                // names the muted requester again: the host must still leave her out
                return note.to().stream().map(a -> (RecipientDecision) new RecipientDecision.Add(a, RecipientLine.CC))
                    .toList();
              }
            }
            """)
        .writeTo(plugins);
    sim = Simulator.builder().pluginsDir(plugins).fixtureJson(TestWorld.FIXTURE).build().start();
    http = new HttpClient(sim.baseUrl());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private List<String> seen(String ticketId) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : http.get("/api/v1/tickets/" + ticketId + "/history", AGENT).json().get("events")) {
      if (e.get("type").asText().equals("SUPPRESSION_SEEN")) {
        out.add(e.get("detail").get("reason").asText());
      }
    }
    return out;
  }

  @Test
  void a_recipient_plugin_sees_a_mute_and_its_additions_are_left_out_too() {
    String hr = http.get("/sim/fixtures", null).json().get("ids").get("hr").asText();
    Answer created = http.json("POST", "/api/v1/tickets", Map.of("departmentId", hr, "subject", "Laptop",
        "requester", Map.of("email", "emma@example.com")), AGENT);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(seen(id)).containsExactly("NONE");

    Answer muted = http.json("PUT", "/api/v1/tickets/" + id + "/notifications", Map.of("muted", true), EMMA);
    assertThat(muted.status()).as("%s", muted).isEqualTo(200);
    long before = lastSeq();
    Answer comment = http.json("POST", "/api/v1/tickets/" + id + "/comments",
        Map.of("content", "Ordered.", "public", true), AGENT);
    assertThat(comment.status()).as("%s", comment).isEqualTo(201);

    assertThat(seen(id)).containsExactly("NONE", "MUTED");
    assertThat(lastSeq()).as("nobody else to mail: no message").isEqualTo(before);
  }

  private long lastSeq() {
    long max = 0;
    for (JsonNode m : http.get("/sim/outbox", null).json().get("messages")) {
      max = Math.max(max, m.get("seq").asLong());
    }
    return max;
  }
}
