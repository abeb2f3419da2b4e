package dev.deskcc.sim.http;

import static dev.deskcc.sim.support.TestWorld.ADMIN;
import static dev.deskcc.sim.support.TestWorld.AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.support.HttpClient;
import dev.deskcc.sim.support.HttpClient.Answer;
import dev.deskcc.sim.support.TestWorld;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plain desk (no plugins) over real HTTP: who mail threads for, what it drops, and whom the
 * host never mails or takes as a requester (contract v1.1 §4 "Inbound email"; issue 13).
 */
class MailTrustHttpTest {
  private static Simulator sim;
  private static HttpClient http;
  private JsonNode ids;

  @BeforeAll
  static void start() {
    sim = Simulator.builder().fixtureJson(TestWorld.FIXTURE).build().start();
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

  private static byte[] mail(String from, String to, String subject, String extraHeaders) {
    String raw = "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n"
        + "Message-ID: <" + java.util.UUID.randomUUID() + "@mail.example.com>\r\n" + extraHeaders
        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nbody\r\n";
    return raw.getBytes(StandardCharsets.UTF_8);
  }

  private Answer inbound(byte[] raw) {
    return http.raw("POST", "/api/v1/inbound/email", raw, "message/rfc822", ADMIN);
  }

  private JsonNode ticket(String id) {
    return http.get("/api/v1/tickets/" + id, AGENT).json();
  }

  private long tickets() {
    return http.get("/api/v1/tickets", ADMIN).json().get("tickets").size();
  }

  private List<String> history(String ticketId, String type) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : http.get("/api/v1/tickets/" + ticketId + "/history", AGENT).json().get("events")) {
      if (e.get("type").asText().equals(type)) {
        out.add(e.get("detail").toString());
      }
    }
    return out;
  }

  private String ticketBy(String from) {
    Answer a = inbound(mail(from, "it@acme.test", "Printer", ""));
    assertThat(a.status()).as(a.toString()).isEqualTo(202);
    return a.json().get("ticketId").asText();
  }

  @Test
  void a_ticket_number_alone_does_not_let_a_stranger_in() {
    String tid = ticketBy("nina@example.org");
    long number = ticket(tid).get("number").asLong();

    Answer stranger = inbound(mail("mallory@attacker.example", "it@acme.test", "Re: [#" + number + "] Printer", ""));

    assertThat(stranger.status()).isEqualTo(202);
    assertThat(stranger.json().get("created").asBoolean()).as("a new ticket").isTrue();
    assertThat(stranger.json().get("ticketId").asText()).isNotEqualTo(tid);
    assertThat(ticket(tid).get("thread")).hasSize(1);
  }

  @Test
  void a_ticket_number_threads_for_its_requester_and_an_agent_of_its_department() {
    String tid = ticketBy("nina@example.org");
    long number = ticket(tid).get("number").asLong();

    Answer requester = inbound(mail("Nina <NINA@example.org>", "it@acme.test", "Re: [#" + number + "] Printer", ""));
    Answer agent = inbound(mail("bert@acme.test", "it@acme.test", "Re: [#" + number + "] Printer", ""));

    assertThat(requester.json().get("ticketId").asText()).isEqualTo(tid);
    assertThat(agent.json().get("ticketId").asText()).isEqualTo(tid);
  }

  @Test
  void the_requester_of_a_merged_ticket_still_threads_by_its_old_number_into_the_target() {
    String source = ticketBy("nina@example.org");
    String target = ticketBy("oscar@example.com");
    long oldNumber = ticket(source).get("number").asLong();
    Answer merged = http.json("POST", "/api/v1/tickets/" + target + "/merge", Map.of("sourceIds", List.of(source)),
        AGENT);
    assertThat(merged.status()).as(merged.toString()).isEqualTo(200);

    Answer again = inbound(mail("nina@example.org", "it@acme.test", "Re: [#" + oldNumber + "] Printer", ""));
    Answer stranger = inbound(mail("mallory@attacker.example", "it@acme.test", "Re: [#" + oldNumber + "] Printer", ""));

    assertThat(again.json().get("ticketId").asText()).isEqualTo(target);
    assertThat(stranger.json().get("created").asBoolean()).isTrue();
  }

  @Test
  void a_reference_to_a_desk_message_still_threads_whoever_sends_it() {
    String tid = ticketBy("nina@example.org");
    http.json("POST", "/api/v1/tickets/" + tid + "/replies", Map.of("content", "On it"), AGENT);
    JsonNode messages = http.get("/sim/outbox?ticketId=" + tid, null).json().get("messages");
    String mid = messages.get(messages.size() - 1).get("messageId").asText();

    Answer forwarded = inbound(mail("someone@else.org", "it@acme.test", "Re: Printer", "In-Reply-To: " + mid + "\r\n"));

    assertThat(forwarded.json().get("ticketId").asText()).isEqualTo(tid);
  }

  @Test
  void a_delivery_report_is_dropped_before_routing_and_changes_nothing() {
    String tid = ticketBy("nina@example.org");
    long before = tickets();
    String report = "From: MAILER-DAEMON@mx.example.net\r\nTo: it-noreply@acme.test\r\n"
        + "Subject: Undelivered Mail Returned to Sender [#" + ticket(tid).get("number").asLong() + "]\r\n"
        + "Return-Path: <>\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=B\r\n\r\n"
        + "--B\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
        + "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.net\r\n\r\n"
        + "Final-Recipient: rfc822; nina@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n--B--\r\n";

    Answer a = inbound(report.getBytes(StandardCharsets.UTF_8));

    assertThat(a.status()).as(a.toString()).isEqualTo(202);
    assertThat(a.json().toString()).isEqualTo("{\"dropped\":\"DELIVERY_REPORT\"}");
    assertThat(tickets()).isEqualTo(before);
    assertThat(ticket(tid).get("thread")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage-status.eml", "no-status-part.eml", "unsplittable.eml", "postfix-user-unknown.eml"})
  void a_delivery_report_readable_or_not_is_dropped_and_opens_no_ticket(String name) throws Exception {
    long before = tickets();
    byte[] raw;
    try (InputStream in = getClass().getResourceAsStream("/mail/dsn/" + name)) {
      raw = in.readAllBytes();
    }

    Answer a = inbound(raw);

    assertThat(a.status()).as(a.toString()).isEqualTo(202);
    assertThat(a.json().toString()).isEqualTo("{\"dropped\":\"DELIVERY_REPORT\"}");
    assertThat(tickets()).isEqualTo(before);
  }

  @Test
  void mail_from_the_desks_own_addresses_is_dropped_as_a_loop() {
    long before = tickets();
    for (String from : List.of("it@acme.test", "onboarding+x@acme.test", "Legal <legal-noreply@acme.test>")) {
      Answer a = inbound(mail(from, "it@acme.test", "Looping", ""));
      assertThat(a.status()).as(from).isEqualTo(202);
      assertThat(a.json().get("dropped").asText()).as(from).isEqualTo("FROM_DESK_ADDRESS");
    }
    assertThat(tickets()).isEqualTo(before);
  }

  @Test
  void automated_mail_threads_but_reopens_nothing_whatever_marks_it() {
    String tid = ticketBy("nina@example.org");
    long number = ticket(tid).get("number").asLong();
    http.json("PATCH", "/api/v1/tickets/" + tid, Map.of("status", "CLOSED"), AGENT);
    for (String header : List.of("Auto-Submitted: no\r\nAuto-Submitted: auto-replied\r\n",
        "List-Id: <printers.lists.example.org>\r\n", "Return-Path: <>\r\n")) {
      Answer a = inbound(mail("nina@example.org", "it@acme.test", "Re: [#" + number + "] Printer", header));
      assertThat(a.json().get("ticketId").asText()).as(header).isEqualTo(tid);
      assertThat(ticket(tid).get("status").asText()).as(header).isEqualTo("CLOSED");
    }
  }

  @Test
  void the_desks_own_addresses_are_refused_as_requester_with_a_clear_422() {
    long before = tickets();
    for (String[] c : List.of(new String[] {"onboarding@acme.test", "SUPPORT_ADDRESS"},
        new String[] {"IT+vip@acme.test", "SUPPORT_ADDRESS"}, new String[] {"legal-noreply@acme.test", "FROM_ADDRESS"})) {
      Answer a = http.json("POST", "/api/v1/tickets", Map.of("departmentId", ids.get("hr").asText(),
          "subject", "Loop", "requester", Map.of("email", c[0])), AGENT);
      assertThat(a.status()).as(a.toString()).isEqualTo(422);
      assertThat(a.contentType()).startsWith("application/problem+json");
      assertThat(a.code()).isEqualTo("REQUESTER_IS_DESK_ADDRESS");
      assertThat(a.json().get("errors").get(0).get("value").asText()).isEqualTo(c[0]);
      assertThat(a.json().get("errors").get(0).get("code").asText()).isEqualTo(c[1]);
    }
    assertThat(tickets()).isEqualTo(before);
  }

  @Test
  void a_requester_marked_spam_is_never_mailed_and_the_withholding_is_recorded() {
    Answer created = http.json("POST", "/api/v1/tickets", Map.of("departmentId", ids.get("hr").asText(),
        "subject", "Offer", "requester", Map.of("email", "junk@spam.test")), AGENT);
    String tid = created.json().get("id").asText();
    http.json("POST", "/api/v1/tickets/" + tid + "/replies", Map.of("content", "No thanks"), AGENT);

    JsonNode messages = http.get("/sim/outbox?ticketId=" + tid, null).json().get("messages");
    assertThat(messages.toString()).doesNotContain("junk@spam.test");
    assertThat(history(tid, "RECIPIENT_WITHHELD"))
        .anySatisfy(d -> assertThat(d).contains("junk@spam.test").contains("CONTACT_SPAM").contains("TICKET_CREATED"))
        .anySatisfy(d -> assertThat(d).contains("CONTACT_SPAM").contains("AGENT_REPLY"));
  }
}
