package dev.deskcc.sim.recipient;

import static dev.deskcc.sim.support.TestWorld.AGENT;
import static dev.deskcc.sim.support.TestWorld.EMMA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.support.HttpClient;
import dev.deskcc.sim.support.HttpClient.Answer;
import dev.deskcc.sim.support.TestWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contract §6, bounces, the desk's part (the delivery-report parsing is wired by the lead): a
 * recipient of a sent message is marked bouncing, sent nothing more, shown to agents, and mailed
 * again once an agent clears it.
 */
class BouncingTest {
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

  private static List<JsonNode> history(String ticketId, String type) {
    List<JsonNode> out = new ArrayList<>();
    http.get("/api/v1/tickets/" + ticketId + "/history", AGENT).json().get("events").forEach(e -> {
      if (e.get("type").asText().equals(type)) {
        out.add(e);
      }
    });
    return out;
  }

  private static List<JsonNode> outbox(String ticketId) {
    List<JsonNode> out = new ArrayList<>();
    http.get("/sim/outbox?ticketId=" + ticketId, null).json().get("messages").forEach(out::add);
    return out;
  }

  private static String ticketForEmma(String subject) {
    String hr = http.get("/sim/fixtures", null).json().get("ids").get("hr").asText();
    Answer created = http.json("POST", "/api/v1/tickets", Map.of("departmentId", hr, "subject", subject,
        "requester", Map.of("email", "emma@example.com")), AGENT);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return created.json().get("id").asText();
  }

  @Test
  void a_bouncing_address_gets_nothing_anywhere_until_an_agent_clears_it() {
    String first = ticketForEmma("Badge");
    String second = ticketForEmma("Desk");
    String messageId = outbox(first).get(0).get("messageId").asText();
    EmailAddress emma = EmailAddress.parse("emma@example.com");

    assertThat(sim.desk().markBouncing("<unknown@acme.test>", emma)).isFalse();
    assertThat(sim.desk().markBouncing(messageId, EmailAddress.parse("oscar@example.com")))
        .as("not a recipient of that message").isFalse();
    assertThat(sim.desk().markBouncing(messageId, emma)).isTrue();

    assertThat(history(first, "RECIPIENT_BOUNCED")).singleElement()
        .satisfies(e -> assertThat(e.get("detail").get("email").asText()).isEqualTo("emma@example.com"));
    assertThat(history(second, "RECIPIENT_BOUNCED")).as("recorded on the bounced message's ticket only").isEmpty();
    for (String id : List.of(first, second)) {
      JsonNode suppressed = http.get("/api/v1/tickets/" + id, AGENT).json().get("suppressed");
      assertThat(suppressed).hasSize(1);
      assertThat(suppressed.get(0).get("reason").asText()).isEqualTo("BOUNCED");
    }
    assertThat(http.get("/api/v1/tickets/" + first, EMMA).json().has("suppressed")).isFalse();

    int before = outbox(second).size();
    assertThat(http.json("POST", "/api/v1/tickets/" + second + "/comments",
        Map.of("content", "Ready.", "public", true), AGENT).status()).isEqualTo(201);
    assertThat(outbox(second)).hasSize(before);
    assertThat(history(second, "RECIPIENT_WITHHELD")).singleElement()
        .satisfies(e -> assertThat(e.get("detail").get("reason").asText()).isEqualTo("BOUNCED"));

    String emmaId = http.get("/api/v1/contacts?email=emma@example.com", AGENT).json().get("contacts").get(0)
        .get("id").asText();
    assertThat(http.json("DELETE", "/api/v1/contacts/" + emmaId + "/bounce", null, EMMA).status()).isEqualTo(403);
    assertThat(http.json("DELETE", "/api/v1/contacts/" + emmaId + "/bounce", null, AGENT).status()).isEqualTo(204);
    assertThat(http.json("DELETE", "/api/v1/contacts/" + emmaId + "/bounce", null, AGENT).status()).isEqualTo(404);
    assertThat(http.json("POST", "/api/v1/tickets/" + second + "/comments",
        Map.of("content", "Really ready.", "public", true), AGENT).status()).isEqualTo(201);
    assertThat(outbox(second)).hasSize(before + 1);
  }
}
