package dev.deskcc.sim.http;

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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plain help desk (no plugins) over real HTTP. */
class PlainDeskHttpTest {
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

  private String id(String key) {
    return ids.get(key).asText();
  }

  private Answer newTicket(String dept, String token) {
    return http.json("POST", "/api/v1/tickets", Map.of("departmentId", id(dept), "subject", "Background check",
        "description", "Please start.", "requester", Map.of("email", "emma@example.com", "name", "Emma")), token);
  }

  private JsonNode outbox(String ticketId) {
    return http.get("/sim/outbox?ticketId=" + ticketId, null).json().get("messages");
  }

  private static List<String> recipients(JsonNode messages, String event) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : messages) {
      if (m.get("event").asText().equals(event)) {
        m.get("to").forEach(a -> out.add(a.asText()));
        m.get("cc").forEach(a -> out.add(a.asText()));
      }
    }
    return out;
  }

  private static void assertProblem(Answer a, int status, String code) {
    assertThat(a.status()).as(a.toString()).isEqualTo(status);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.code()).as(a.toString()).isEqualTo(code);
    assertThat(a.raw()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  // ------------------------------------------------------------ auth and errors

  @Test
  void a_missing_or_unknown_token_is_401() {
    assertProblem(http.get("/api/v1/tickets", null), 401, "UNAUTHENTICATED");
    assertProblem(http.get("/api/v1/tickets", "nope"), 401, "UNAUTHENTICATED");
  }

  @Test
  void agent_only_endpoints_refuse_contacts_but_hide_tickets_they_cannot_see() {
    String tid = newTicket("hr", AGENT).json().get("id").asText();
    assertProblem(http.get("/api/v1/tickets/" + tid + "/history", EMMA), 403, "FORBIDDEN");
    assertProblem(http.get("/api/v1/tickets/" + tid, OSCAR), 404, "NOT_FOUND");
    assertProblem(http.get("/api/v1/tickets/" + tid + "/history", OSCAR), 404, "NOT_FOUND");
    assertProblem(http.json("PATCH", "/api/v1/tickets/" + tid, Map.of("status", "CLOSED"), OSCAR), 404, "NOT_FOUND");
    assertProblem(http.json("PATCH", "/api/v1/tickets/" + tid, Map.of("status", "CLOSED"), EMMA), 403, "FORBIDDEN");
    assertProblem(http.get("/api/v1/plugins", AGENT), 403, "FORBIDDEN");
    assertProblem(http.get("/api/v1/contacts", EMMA), 403, "FORBIDDEN");
  }

  @Test
  void unknown_routes_and_methods_answer_problems() {
    assertProblem(http.get("/api/v1/nothing-here", ADMIN), 404, "NOT_FOUND");
    assertProblem(http.json("PUT", "/api/v1/tickets", Map.of(), ADMIN), 405, "METHOD_NOT_ALLOWED");
  }

  @Test
  void malformed_json_and_wrong_types_are_400_and_change_nothing() {
    assertProblem(http.json("POST", "/api/v1/tickets", "{not json", AGENT), 400, "BAD_REQUEST");
    String tid = newTicket("hr", AGENT).json().get("id").asText();
    assertProblem(http.json("POST", "/api/v1/tickets/" + tid + "/comments",
        Map.of("content", "x", "public", "yes"), AGENT), 400, "BAD_REQUEST");
    assertProblem(http.json("POST", "/api/v1/tickets/" + tid + "/comments",
        Map.of("content", "x", "public", "true"), AGENT), 400, "BAD_REQUEST");
    assertProblem(http.json("PATCH", "/api/v1/tickets/" + tid, Map.of("status", 3), AGENT), 400, "BAD_REQUEST");
    assertThat(http.get("/api/v1/tickets/" + tid, AGENT).json().get("thread")).isEmpty();
  }

  @Test
  void a_body_with_a_repeated_key_or_not_one_object_of_the_right_types_is_400_naming_the_problem() {
    String dept = id("hr");
    String requester = "\"requester\": {\"email\": \"emma@example.com\"}";
    String ticket = "{\"departmentId\": \"" + dept + "\", \"subject\": \"A\", " + requester + "}";
    Map<String, String> bad = new java.util.LinkedHashMap<>();
    bad.put("{\"departmentId\": \"" + dept + "\", \"subject\": \"A\", \"subject\": \"B\", " + requester + "}",
        "malformed JSON: Duplicate field 'subject'");
    bad.put("{\"departmentId\": \"" + dept + "\", \"subject\": \"A\", \"requester\": {\"email\": \"a@b.test\", "
        + "\"email\": \"c@d.test\"}}", "malformed JSON: Duplicate field 'email'");
    bad.put("[" + ticket + "]", "the body must be a JSON object");
    bad.put("null", "the body must be a JSON object");
    bad.put(ticket + " {}", "malformed JSON: Trailing token");
    bad.put("{\"departmentId\": \"" + dept + "\", \"subject\": 5, " + requester + "}",
        "wrong type: Cannot coerce Integer value (5) to `java.lang.String` value");
    bad.forEach((body, detail) -> {
      Answer a = http.raw("POST", "/api/v1/tickets", body.getBytes(StandardCharsets.UTF_8), "application/json", AGENT);
      assertProblem(a, 400, "BAD_REQUEST");
      assertThat(a.json().get("detail").asText()).as(body).startsWith(detail);
    });
    assertThat(http.get("/api/v1/tickets", AGENT).json().get("tickets")).isEmpty();
    Answer ok = http.raw("POST", "/api/v1/tickets", ("  {\"departmentId\": \"" + dept + "\", \"subject\": \"A\", "
        + requester + ", \"unknown\": [1, {\"x\": null}]}\n").getBytes(StandardCharsets.UTF_8), "application/json", AGENT);
    assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
    assertThat(ok.json().get("subject").asText()).isEqualTo("A");
  }

  @Test
  void a_json_body_over_one_mebibyte_is_413() {
    String big = "{\"content\": \"" + "x".repeat(1024 * 1024 + 10) + "\"}";
    String tid = newTicket("hr", AGENT).json().get("id").asText();
    Answer a = http.json("POST", "/api/v1/tickets/" + tid + "/comments", big, AGENT);
    assertThat(a.status()).isEqualTo(413);
    assertThat(a.contentType()).startsWith("application/problem+json");
  }

  // ------------------------------------------------------------ fixtures and outbox

  @Test
  void a_fixture_load_replaces_the_world_and_restarts_the_outbox() {
    newTicket("hr", AGENT);
    assertThat(http.get("/sim/outbox", null).json().get("messages")).isNotEmpty();
    reset();
    assertThat(http.get("/sim/outbox", null).json().get("messages")).isEmpty();
    assertThat(http.get("/api/v1/tickets", AGENT).json().get("tickets")).isEmpty();
    String tid = newTicket("hr", AGENT).json().get("id").asText();
    assertThat(outbox(tid).get(0).get("seq").asLong()).isEqualTo(1);
  }

  @Test
  void an_invalid_fixture_is_400_naming_the_field_and_keeps_the_world() {
    String tid = newTicket("hr", AGENT).json().get("id").asText();
    String bad = TestWorld.FIXTURE.replace("\"bert@acme.test\"", "\"not-an-address\"");
    Answer a = http.json("POST", "/sim/fixtures", bad, null);
    assertProblem(a, 400, "BAD_REQUEST");
    assertThat(a.json().get("detail").asText()).contains("agents[1].email");
    assertThat(http.get("/api/v1/tickets/" + tid, AGENT).status()).isEqualTo(200);
  }

  @Test
  void fixture_tickets_run_through_the_api_paths() {
    String fx = TestWorld.FIXTURE.replaceFirst("}\\s*$", """
        , "tickets": [{"key": "onboarding", "department": "hr", "subject": "Start", "requester": "emma",
                       "by": "bert", "thread": [{"by": "bert", "reply": "Hello"},
                                                {"by": "emma", "comment": "Thanks", "public": true}]}]}
        """);
    Answer a = http.json("POST", "/sim/fixtures", fx, null);
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    String tid = a.json().get("ids").get("onboarding").asText();
    JsonNode t = http.get("/api/v1/tickets/" + tid, AGENT).json();
    assertThat(t.get("thread")).hasSize(2);
    assertThat(recipients(outbox(tid), "AGENT_REPLY")).containsExactly("emma@example.com");
  }

  // ------------------------------------------------------------ tickets

  @Test
  void an_agent_creates_a_ticket_and_the_requester_is_told() {
    Answer a = newTicket("hr", AGENT);
    assertThat(a.status()).isEqualTo(201);
    JsonNode t = a.json();
    assertThat(t.get("number").asLong()).isEqualTo(101);
    assertThat(t.get("status").asText()).isEqualTo("OPEN");
    assertThat(t.get("channel").asText()).isEqualTo("AGENT");
    assertThat(t.get("requester").get("email").asText()).isEqualTo("emma@example.com");
    assertThat(t.get("fields").size()).isZero();
    JsonNode msgs = outbox(t.get("id").asText());
    assertThat(recipients(msgs, "TICKET_CREATED")).containsExactly("emma@example.com");
    assertThat(msgs.get(0).get("subject").asText()).contains("[#101]");
    assertThat(msgs.get(0).get("from").asText()).isEqualTo("noreply@acme.test");
    assertThat(msgs.get(0).get("messageId").asText()).startsWith("<").endsWith(">");
  }

  @Test
  void the_answer_to_a_new_ticket_is_the_ticket_as_a_get_shows_it() {
    Answer created = newTicket("hr", AGENT);
    assertThat(created.status()).isEqualTo(201);
    String tid = created.json().get("id").asText();
    Answer got = http.get("/api/v1/tickets/" + tid, AGENT);
    assertThat(created.json()).isEqualTo(got.json());
    assertThat(created.etag()).isEqualTo("\"1\"").isEqualTo(got.etag());
  }

  @Test
  void a_requester_is_checked_after_the_department_and_a_bad_one_changes_nothing() {
    assertProblem(http.json("POST", "/api/v1/tickets", Map.of("departmentId", id("hr"), "subject", "S"), AGENT),
        400, "BAD_REQUEST");
    assertProblem(http.json("POST", "/api/v1/tickets", Map.of("departmentId", id("hr"), "subject", "S",
        "requester", Map.of("email", "not an address")), AGENT), 422, "INVALID_REQUESTER");
    assertProblem(http.json("POST", "/api/v1/tickets", Map.of("departmentId", "no-such-department", "subject", "S",
        "requester", Map.of("email", "not an address")), AGENT), 422, "UNKNOWN_DEPARTMENT");
    assertProblem(http.json("POST", "/api/v1/tickets", Map.of("departmentId", "no-such-department",
        "requester", Map.of("email", "not an address")), AGENT), 400, "BAD_REQUEST");
    assertThat(http.get("/api/v1/tickets", AGENT).json().get("tickets")).isEmpty();
    assertThat(http.get("/sim/outbox", null).json().get("messages")).isEmpty();
  }

  @Test
  void tickets_created_at_the_same_time_get_distinct_numbers_and_each_answer_is_its_own_ticket() throws Exception {
    int callers = 8;
    int each = 10;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
    List<java.util.concurrent.Future<List<JsonNode>>> futures = new ArrayList<>();
    try {
      for (int c = 0; c < callers; c++) {
        int caller = c;
        futures.add(pool.submit(() -> {
          List<JsonNode> mine = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            Answer a = http.json("POST", "/api/v1/tickets", Map.of("departmentId", id("hr"),
                "subject", "Laptop " + caller + "-" + i, "requester", Map.of("email", "emma@example.com")), AGENT);
            assertThat(a.status()).as(a.toString()).isEqualTo(201);
            mine.add(a.json());
          }
          return mine;
        }));
      }
      List<Long> numbers = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        List<JsonNode> mine = futures.get(c).get();
        for (int i = 0; i < each; i++) {
          JsonNode t = mine.get(i);
          assertThat(t.get("subject").asText()).isEqualTo("Laptop " + c + "-" + i);
          assertThat(t).isEqualTo(http.get("/api/v1/tickets/" + t.get("id").asText(), AGENT).json());
          numbers.add(t.get("number").asLong());
        }
      }
      assertThat(numbers).doesNotHaveDuplicates().hasSize(callers * each)
          .allSatisfy(n -> assertThat(n).isBetween(101L, 100L + callers * each));
      assertThat(http.get("/sim/outbox", null).json().get("messages")).hasSize(callers * each);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_field_the_department_does_not_have_is_422_unknown_field() {
    Answer a = http.json("POST", "/api/v1/tickets", Map.of("departmentId", id("hr"), "subject", "S",
        "requester", Map.of("email", "emma@example.com"), "fields", Map.of("cc", List.of("a@b.test"))), AGENT);
    assertProblem(a, 422, "UNKNOWN_FIELD");
    assertThat(http.get("/api/v1/tickets", AGENT).json().get("tickets")).isEmpty();
  }

  @Test
  void help_center_submit_needs_a_help_center() {
    assertProblem(http.json("POST", "/api/v1/tickets", Map.of("departmentId", id("it"), "subject", "S"), EMMA),
        422, "HELP_CENTER_UNAVAILABLE");
    Answer a = http.json("POST", "/api/v1/tickets", Map.of("departmentId", id("hr"), "subject", "S",
        "description", "d"), EMMA);
    assertThat(a.status()).isEqualTo(201);
    assertThat(a.json().get("channel").asText()).isEqualTo("HELP_CENTER");
    assertThat(outbox(a.json().get("id").asText())).isEmpty();
    JsonNode list = http.get("/api/v1/tickets", EMMA).json().get("tickets");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("role").asText()).isEqualTo("REQUESTER");
    assertThat(http.get("/api/v1/tickets", OSCAR).json().get("tickets")).isEmpty();
  }

  @Test
  void replies_go_to_the_requester_but_a_contact_reply_sends_nothing() {
    String tid = newTicket("hr", AGENT).json().get("id").asText();
    Answer r = http.json("POST", "/api/v1/tickets/" + tid + "/replies", Map.of("content", "We started."), AGENT);
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().get("to").get(0).asText()).isEqualTo("emma@example.com");
    assertThat(recipients(outbox(tid), "AGENT_REPLY")).containsExactly("emma@example.com");
    int before = outbox(tid).size();
    Answer c = http.json("POST", "/api/v1/tickets/" + tid + "/replies", Map.of("content", "Thanks"), EMMA);
    assertThat(c.status()).isEqualTo(201);
    assertThat(outbox(tid)).hasSize(before);
  }

  @Test
  void comments_notify_only_when_public_and_contacts_never_see_private_ones() {
    String tid = newTicket("hr", AGENT).json().get("id").asText();
    Answer priv = http.json("POST", "/api/v1/tickets/" + tid + "/comments", Map.of("content", "internal"), AGENT);
    assertThat(priv.status()).isEqualTo(201);
    assertThat(priv.json().get("public").asBoolean()).isFalse();
    Answer pub = http.json("POST", "/api/v1/tickets/" + tid + "/comments",
        Map.of("content", "note", "public", true), AGENT);
    String cid = pub.json().get("id").asText();
    assertThat(http.json("PATCH", "/api/v1/tickets/" + tid + "/comments/" + cid, Map.of("content", "note 2"), ADMIN)
        .status()).isEqualTo(200);
    assertThat(http.json("DELETE", "/api/v1/tickets/" + tid + "/comments/" + cid, null, AGENT).status())
        .isEqualTo(204);
    JsonNode msgs = outbox(tid);
    assertThat(recipients(msgs, "PUBLIC_COMMENT")).containsExactly("emma@example.com");
    assertThat(recipients(msgs, "COMMENT_EDITED")).containsExactly("emma@example.com");
    assertThat(recipients(msgs, "COMMENT_DELETED")).containsExactly("emma@example.com");
    assertThat(msgs).hasSize(4);
    JsonNode emmaView = http.get("/api/v1/tickets/" + tid, EMMA).json();
    assertThat(emmaView.get("thread")).hasSize(1);
    assertThat(emmaView.get("thread").get(0).get("deleted").asBoolean()).isTrue();
    assertThat(emmaView.get("thread").get(0).get("content").asText()).isEmpty();
  }

  @Test
  void only_the_author_or_an_admin_edits_a_comment() {
    String tid = newTicket("hr", AGENT).json().get("id").asText();
    String cid = http.json("POST", "/api/v1/tickets/" + tid + "/comments", Map.of("content", "mine"), EMMA)
        .json().get("id").asText();
    assertProblem(http.json("PATCH", "/api/v1/tickets/" + tid + "/comments/" + cid, Map.of("content", "x"), AGENT),
        403, "FORBIDDEN");
    assertThat(http.json("PATCH", "/api/v1/tickets/" + tid + "/comments/" + cid, Map.of("content", "y"), EMMA)
        .status()).isEqualTo(200);
  }

  @Test
  void closing_sends_ticket_closed_and_a_stale_version_is_412() {
    Answer created = newTicket("hr", AGENT);
    String tid = created.json().get("id").asText();
    assertThat(created.etag()).isEqualTo("\"1\"");
    assertProblem(http.json("PATCH", "/api/v1/tickets/" + tid, Map.of("status", "CLOSED"), AGENT, "\"7\""),
        412, "VERSION_CONFLICT");
    Answer closed = http.json("PATCH", "/api/v1/tickets/" + tid, Map.of("status", "CLOSED"), AGENT, "\"1\"");
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    assertThat(closed.json().get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.json().get("version").asLong()).isEqualTo(2);
    JsonNode msgs = outbox(tid);
    JsonNode close = msgs.get(msgs.size() - 1);
    assertThat(close.get("event").asText()).isEqualTo("TICKET_CLOSED");
    assertThat(close.get("ratingInvite").asBoolean()).isTrue();
    JsonNode history = http.get("/api/v1/tickets/" + tid + "/history", AGENT).json().get("events");
    assertThat(history.findValuesAsText("type")).contains("TICKET_CREATED", "STATUS_CHANGED");
  }

  // ------------------------------------------------------------ ratings

  @Test
  void on_close_ratings_open_once_closed_and_only_for_those_who_may_rate() {
    String tid = newTicket("hr", AGENT).json().get("id").asText();
    Map<String, String> good = Map.of("rating", "GOOD", "comment", "quick");
    assertProblem(http.json("POST", "/api/v1/tickets/" + tid + "/ratings", good, EMMA), 409, "RATING_NOT_OPEN");
    http.json("PATCH", "/api/v1/tickets/" + tid, Map.of("status", "CLOSED"), AGENT);
    assertProblem(http.json("POST", "/api/v1/tickets/" + tid + "/ratings", good, OSCAR), 404, "NOT_FOUND");
    assertProblem(http.json("POST", "/api/v1/tickets/" + tid + "/ratings", good, AGENT), 403, "FORBIDDEN");
    Answer a = http.json("POST", "/api/v1/tickets/" + tid + "/ratings", good, EMMA);
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    assertThat(a.json().get("rater").get("email").asText()).isEqualTo("emma@example.com");
    JsonNode list = http.get("/api/v1/tickets/" + tid + "/ratings", AGENT).json().get("ratings");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("rating").asText()).isEqualTo("GOOD");
  }

  @Test
  void every_reply_ratings_open_with_the_first_agent_reply_and_off_never() {
    String it = newTicket("it", AGENT).json().get("id").asText();
    Map<String, String> okay = Map.of("rating", "OKAY");
    http.json("POST", "/api/v1/tickets/" + it + "/replies", Map.of("content", "Done"), AGENT);
    JsonNode msgs = outbox(it);
    assertThat(msgs.get(msgs.size() - 1).get("ratingInvite").asBoolean()).isTrue();
    // IT has no help center: since v1.1 its requester cannot reach the ticket there at all (the
    // dist CcRatingsIT rates in a help-center department in this mode)
    assertProblem(http.json("POST", "/api/v1/tickets/" + it + "/ratings", okay, EMMA), 404, "NOT_FOUND");
    assertProblem(http.get("/api/v1/tickets/" + it, EMMA), 404, "NOT_FOUND");
    String legal = newTicket("legal", AGENT).json().get("id").asText();
    http.json("PATCH", "/api/v1/tickets/" + legal, Map.of("status", "CLOSED"), AGENT);
    assertProblem(http.json("POST", "/api/v1/tickets/" + legal + "/ratings", okay, EMMA), 409, "RATING_NOT_OPEN");
  }

  // ------------------------------------------------------------ merge, restrictions, layout, contacts

  @Test
  void a_merge_dry_run_previews_and_changes_nothing_then_the_merge_happens() {
    String target = newTicket("hr", AGENT).json().get("id").asText();
    String source = newTicket("hr", AGENT).json().get("id").asText();
    String entry = http.json("POST", "/api/v1/tickets/" + source + "/replies", Map.of("content", "src"), AGENT)
        .json().get("id").asText();
    Map<String, Object> body = Map.of("sourceIds", List.of(source));
    Answer dry = http.json("POST", "/api/v1/tickets/" + target + "/merge?dryRun=true", body, AGENT);
    assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
    assertThat(dry.json().get("thread").findValuesAsText("id")).contains(entry);
    assertThat(http.get("/api/v1/tickets/" + source, AGENT).json().get("status").asText()).isEqualTo("OPEN");
    assertThat(http.get("/api/v1/tickets/" + target, AGENT).json().get("thread")).isEmpty();
    Answer real = http.json("POST", "/api/v1/tickets/" + target + "/merge", body, AGENT);
    assertThat(real.status()).isEqualTo(200);
    assertThat(real.json().get("thread").findValuesAsText("id")).contains(entry);
    JsonNode src = http.get("/api/v1/tickets/" + source, AGENT).json();
    assertThat(src.get("status").asText()).isEqualTo("MERGED");
    assertThat(src.get("mergedInto").asText()).isEqualTo(target);
  }

  @Test
  void a_restriction_hides_the_ticket_until_lifted() {
    String tid = newTicket("hr", AGENT).json().get("id").asText();
    Answer r = http.json("POST", "/api/v1/tickets/" + tid + "/restrictions", Map.of("email", "EMMA@example.com"), AGENT);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertProblem(http.get("/api/v1/tickets/" + tid, EMMA), 404, "NOT_FOUND");
    String cid = r.json().get("contactId").asText();
    assertThat(http.json("DELETE", "/api/v1/tickets/" + tid + "/restrictions/" + cid, null, AGENT).status())
        .isEqualTo(204);
    assertThat(http.get("/api/v1/tickets/" + tid, EMMA).status()).isEqualTo(200);
  }

  @Test
  void the_layout_has_the_host_fields_and_locked_ones_cannot_be_dropped() {
    String path = "/api/v1/departments/" + id("hr") + "/layout";
    JsonNode fields = http.get(path, AGENT).json().get("fields");
    assertThat(fields.findValuesAsText("name")).containsExactly("subject", "description", "status", "requester");
    assertProblem(http.json("PUT", path, Map.of("fields", List.of("subject", "cc", "requester")), ADMIN),
        422, "UNKNOWN_FIELD");
    assertProblem(http.json("PUT", path, Map.of("fields", List.of("description", "requester")), ADMIN),
        409, "FIELD_LOCKED");
    assertProblem(http.json("PUT", path, Map.of("fields", List.of("requester", "subject")), AGENT), 403, "FORBIDDEN");
    Answer ok = http.json("PUT", path, Map.of("fields", List.of("requester", "subject", "status")), ADMIN);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().get("fields").findValuesAsText("name")).containsExactly("requester", "subject", "status");
  }

  @Test
  void contacts_are_found_by_address_ignoring_case_and_settings_of_unknown_plugins_are_404() {
    JsonNode c = http.get("/api/v1/contacts?email=EMMA@Example.com", AGENT).json().get("contacts");
    assertThat(c).hasSize(1);
    assertThat(c.get(0).get("status").asText()).isEqualTo("ACTIVE");
    assertProblem(http.get("/api/v1/departments/" + id("hr") + "/plugins/nope/settings", AGENT), 404, "NOT_FOUND");
    assertThat(http.get("/api/v1/plugins", ADMIN).json().get("plugins")).isEmpty();
  }

  // ------------------------------------------------------------ inbound mail

  private static byte[] mail(String from, String to, String subject, String extraHeaders, String body) {
    String raw = "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n"
        + "Message-ID: <" + java.util.UUID.randomUUID() + "@mail.example.com>\r\n"
        + "Date: Thu, 26 Nov 2026 10:00:00 +0000\r\n" + extraHeaders
        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
    return raw.getBytes(StandardCharsets.UTF_8);
  }

  private Answer inbound(byte[] raw) {
    return http.raw("POST", "/api/v1/inbound/email", raw, "message/rfc822", ADMIN);
  }

  @Test
  void mail_to_a_support_address_opens_a_ticket_and_replies_thread_into_it() {
    Answer first = inbound(mail("Nina New <nina@example.org>", "onboarding+urgent@acme.test", "Laptop", "", "Hi"));
    assertThat(first.status()).as(first.toString()).isEqualTo(202);
    assertThat(first.json().get("created").asBoolean()).isTrue();
    String tid = first.json().get("ticketId").asText();
    JsonNode t = http.get("/api/v1/tickets/" + tid, AGENT).json();
    assertThat(t.get("channel").asText()).isEqualTo("EMAIL");
    assertThat(t.get("departmentId").asText()).isEqualTo(id("hr"));
    assertThat(t.get("requester").get("email").asText()).isEqualTo("nina@example.org");
    http.json("POST", "/api/v1/tickets/" + tid + "/replies", Map.of("content", "On it"), AGENT);
    JsonNode msgs = outbox(tid);
    String mid = msgs.get(msgs.size() - 1).get("messageId").asText();
    Answer reply = inbound(mail("someone@else.org", "onboarding@acme.test", "Re: Laptop",
        "In-Reply-To: " + mid + "\r\nReferences: " + mid + "\r\n", "thanks"));
    assertThat(reply.json().get("ticketId").asText()).isEqualTo(tid);
    assertThat(reply.json().get("created").asBoolean()).isFalse();
    Answer bySubject = inbound(mail("nina@example.org", "onboarding@acme.test",
        "Re: [#" + t.get("number").asLong() + "] Laptop", "", "again"));
    assertThat(bySubject.json().get("ticketId").asText()).isEqualTo(tid);
    JsonNode after = http.get("/api/v1/tickets/" + tid, AGENT).json();
    assertThat(after.get("requester").get("email").asText()).isEqualTo("nina@example.org");
    assertThat(after.get("thread")).hasSize(4);
  }

  @Test
  void mail_for_no_department_is_422_and_a_non_message_is_400() {
    assertProblem(inbound(mail("a@example.org", "nobody@elsewhere.test", "x", "", "y")), 422, "NO_DEPARTMENT");
    assertProblem(inbound("this is not a message".getBytes(StandardCharsets.UTF_8)), 400, "MALFORMED_MESSAGE");
    assertProblem(http.raw("POST", "/api/v1/inbound/email", mail("a@example.org", "it@acme.test", "x", "", "y"),
        "message/rfc822", AGENT), 403, "FORBIDDEN");
  }

  @Test
  void inbound_mail_of_another_media_type_than_message_rfc822_is_415_and_takes_nothing_in() {
    byte[] message = mail("a@example.org", "it@acme.test", "Typed wrong", "", "y");
    for (String type : List.of("text/plain", "application/json", "application/octet-stream")) {
      assertProblem(http.raw("POST", "/api/v1/inbound/email", message, type, ADMIN), 415, "UNSUPPORTED_MEDIA_TYPE");
    }
    assertThat(http.get("/api/v1/tickets", ADMIN).raw()).doesNotContain("Typed wrong");
    // parameters of the right type do not matter
    assertThat(http.raw("POST", "/api/v1/inbound/email", message, "message/rfc822; charset=utf-8", ADMIN).status())
        .isEqualTo(202);
  }

  @Test
  void automated_mail_never_reopens_a_closed_ticket_but_a_person_does() {
    Answer first = inbound(mail("nina@example.org", "it@acme.test", "Printer", "", "broken"));
    String tid = first.json().get("ticketId").asText();
    long number = http.get("/api/v1/tickets/" + tid, AGENT).json().get("number").asLong();
    http.json("PATCH", "/api/v1/tickets/" + tid, Map.of("status", "CLOSED"), AGENT);
    inbound(mail("nina@example.org", "it@acme.test", "Auto: [#" + number + "]", "Auto-Submitted: auto-replied\r\n",
        "away"));
    assertThat(http.get("/api/v1/tickets/" + tid, AGENT).json().get("status").asText()).isEqualTo("CLOSED");
    inbound(mail("nina@example.org", "it@acme.test", "Re: [#" + number + "] Printer", "", "still broken"));
    assertThat(http.get("/api/v1/tickets/" + tid, AGENT).json().get("status").asText()).isEqualTo("OPEN");
  }

  @Test
  void attachments_are_kept_by_sha256_on_the_inbound_entry() {
    String raw = "From: nina@example.org\r\nTo: legal@acme.test\r\nSubject: Contract\r\n"
        + "Message-ID: <att-1@mail.example.com>\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\nsee file\r\n"
        + "--XX\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"c.pdf\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQgZmFrZQ==\r\n--XX--\r\n";
    Answer a = inbound(raw.getBytes(StandardCharsets.UTF_8));
    assertThat(a.status()).as(a.toString()).isEqualTo(202);
    JsonNode entry = http.get("/api/v1/tickets/" + a.json().get("ticketId").asText(), AGENT).json()
        .get("thread").get(0);
    assertThat(entry.get("kind").asText()).isEqualTo("INBOUND");
    JsonNode att = entry.get("attachments").get(0);
    assertThat(att.get("name").asText()).isEqualTo("c.pdf");
    assertThat(att.get("size").asLong()).isEqualTo(13);
    assertThat(att.get("sha256").asText()).hasSize(64);
    assertThat(inbound(raw.getBytes(StandardCharsets.UTF_8)).json().get("dropped").asText())
        .isEqualTo("DUPLICATE_MESSAGE");
  }

  @Test
  void mail_reaching_the_desk_only_by_envelope_is_routed_by_delivered_to() {
    Answer a = inbound(mail("nina@example.org", "someone@example.org", "Bcc'd", "Delivered-To: legal@acme.test\r\n",
        "hi"));
    assertThat(a.status()).as(a.toString()).isEqualTo(202);
    assertThat(http.get("/api/v1/tickets/" + a.json().get("ticketId").asText(), AGENT).json()
        .get("departmentId").asText()).isEqualTo(id("legal"));
  }

  @Test
  void a_reply_to_a_merged_ticket_threads_into_its_target() {
    String target = newTicket("hr", AGENT).json().get("id").asText();
    String source = newTicket("hr", AGENT).json().get("id").asText();
    String mid = outbox(source).get(0).get("messageId").asText();
    http.json("POST", "/api/v1/tickets/" + target + "/merge", Map.of("sourceIds", List.of(source)), AGENT);
    Answer a = inbound(mail("emma@example.com", "onboarding@acme.test", "Re: hello", "In-Reply-To: " + mid + "\r\n",
        "reply"));
    assertThat(a.json().get("ticketId").asText()).isEqualTo(target);
  }
}
