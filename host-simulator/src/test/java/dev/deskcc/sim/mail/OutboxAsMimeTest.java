package dev.deskcc.sim.mail;

import static dev.deskcc.sim.support.TestWorld.ADMIN;
import static dev.deskcc.sim.support.TestWorld.AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.support.HttpClient;
import dev.deskcc.sim.support.HttpClient.Answer;
import dev.deskcc.sim.support.TestWorld;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every notification is a real email: each outbox message, rendered as delivery renders it (and as
 * {@code GET /sim/outbox/{seq}/raw} serves it), parses back with the headers the outbox promises.
 */
class OutboxAsMimeTest {
  private static Simulator sim;
  private static HttpClient http;
  private static JsonNode ids;

  @BeforeAll
  static void start() {
    sim = Simulator.builder().fixtureJson(TestWorld.FIXTURE).build().start();
    http = new HttpClient(sim.baseUrl());
    ids = http.get("/sim/fixtures", null).json().get("ids");
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static MimeMessage parse(byte[] raw) throws Exception {
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
  }

  private static List<String> addresses(Address[] list) {
    return list == null ? List.of()
        : Arrays.stream(list).map(a -> ((InternetAddress) a).getAddress()).toList();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String header(MimeMessage m, String name) throws Exception {
    String[] values = m.getHeader(name);
    assertThat(values).as("header %s", name).isNotNull().hasSize(1);
    return values[0];
  }

  @Test
  void every_outbox_message_is_a_threaded_auto_submitted_email_with_the_outbox_recipients() throws Exception {
    Answer created = http.json("POST", "/api/v1/tickets", Map.of("departmentId", ids.get("hr").asText(),
        "subject", "Laptop für Émilie", "description", "Please order.",
        "requester", Map.of("email", "emma@example.com", "name", "Emma Hire")), AGENT);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String ticketId = created.json().get("id").asText();
    long number = created.json().get("number").asLong();
    assertThat(http.json("POST", "/api/v1/tickets/" + ticketId + "/replies",
        Map.of("content", "Ordered.", "cc", List.of("Oscar <oscar@example.com>")), AGENT).status()).isEqualTo(201);
    assertThat(http.json("POST", "/api/v1/tickets/" + ticketId + "/comments",
        Map.of("content", "Arrives Monday.", "public", true), AGENT).status()).isEqualTo(201);

    JsonNode messages = http.get("/sim/outbox?ticketId=" + ticketId, null).json().get("messages");
    assertThat(messages).hasSize(3);
    List<String> earlier = new ArrayList<>();
    for (JsonNode view : messages) {
      Answer raw = http.get("/sim/outbox/" + view.get("seq").asLong() + "/raw", null);
      assertThat(raw.status()).as("%s", raw).isEqualTo(200);
      assertThat(raw.contentType()).startsWith("message/rfc822");
      MimeMessage m = parse(raw.raw().getBytes(StandardCharsets.ISO_8859_1));

      assertThat(header(m, "Message-ID")).isEqualTo(view.get("messageId").asText()).matches("<[^<>@\\s]+@acme\\.test>");
      assertThat(header(m, "Auto-Submitted")).isEqualTo("auto-generated");
      // the desk's own notice comes from the from-address; a person's words from the support
      // address in their name, never from their own address
      boolean written = !view.get("event").asText().equals("TICKET_CREATED");
      assertThat(addresses(m.getFrom())).containsExactly(written ? "onboarding@acme.test" : "noreply@acme.test")
          .containsExactly(view.get("from").asText());
      if (written) {
        assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("Bert Agent via HR Onboarding");
      }
      assertThat(addresses(m.getReplyTo())).containsExactly("onboarding@acme.test");
      assertThat(addresses(m.getRecipients(RecipientType.TO))).isEqualTo(strings(view.get("to")));
      assertThat(addresses(m.getRecipients(RecipientType.CC))).isEqualTo(strings(view.get("cc")));
      assertThat(m.getSubject()).isEqualTo(view.get("subject").asText()).contains("[#" + number + "]")
          .contains("Laptop für Émilie");
      assertThat(((String) m.getContent()).replace("\r\n", "\n")).isEqualTo(view.get("body").asText());
      if (earlier.isEmpty()) {
        assertThat(m.getHeader("In-Reply-To")).isNull();
      } else {
        assertThat(header(m, "In-Reply-To")).isEqualTo(earlier.get(earlier.size() - 1));
        assertThat(header(m, "References").replaceAll("\\s+", " ").split(" ")).containsExactlyElementsOf(earlier);
      }
      earlier.add(view.get("messageId").asText());
    }
    assertThat(strings(messages.get(1).get("cc"))).containsExactly("oscar@example.com");
  }

  @Test
  void a_customer_reply_to_a_rendered_notification_threads_into_its_ticket() throws Exception {
    Answer created = http.json("POST", "/api/v1/tickets", Map.of("departmentId", ids.get("it").asText(),
        "subject", "VPN", "description", "Broken.", "requester", Map.of("email", "emma@example.com")), AGENT);
    String ticketId = created.json().get("id").asText();
    JsonNode note = http.get("/sim/outbox?ticketId=" + ticketId, null).json().get("messages").get(0);
    MimeMessage sent = parse(http.get("/sim/outbox/" + note.get("seq").asLong() + "/raw", null).raw()
        .getBytes(StandardCharsets.ISO_8859_1));

    String reply = "From: Emma <emma@example.com>\r\nTo: " + header(sent, "Reply-To") + "\r\n"
        + "Subject: Re: no token here\r\nIn-Reply-To: " + header(sent, "Message-ID") + "\r\n"
        + "Message-ID: <reply-1@example.com>\r\n\r\nStill broken.\r\n";
    Answer taken = http.raw("POST", "/api/v1/inbound/email", reply.getBytes(StandardCharsets.US_ASCII),
        "message/rfc822", ADMIN);
    assertThat(taken.status()).as("%s", taken).isEqualTo(202);
    assertThat(taken.json().get("ticketId").asText()).isEqualTo(ticketId);
    assertThat(taken.json().get("created").asBoolean()).isFalse();
  }

  @Test
  void an_unknown_outbox_message_has_no_raw_form() {
    assertThat(http.get("/sim/outbox/999999/raw", null).status()).isEqualTo(404);
    assertThat(http.get("/sim/outbox/x/raw", null).status()).isEqualTo(404);
  }

  @Test
  void without_a_gateway_every_message_stays_pending_with_no_attempts() {
    http.json("POST", "/api/v1/tickets", Map.of("departmentId", ids.get("hr").asText(), "subject", "Desk",
        "description", "d", "requester", Map.of("email", "emma@example.com")), AGENT);
    for (JsonNode m : http.get("/sim/outbox", null).json().get("messages")) {
      assertThat(m.get("delivery").asText()).isEqualTo("PENDING");
      assertThat(m.get("deliveryAttempts").asInt()).isZero();
      assertThat(m.get("deliveryError").isNull()).isTrue();
    }
  }
}
