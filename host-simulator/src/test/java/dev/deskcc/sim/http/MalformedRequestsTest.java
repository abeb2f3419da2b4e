package dev.deskcc.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.support.HttpClient;
import dev.deskcc.sim.support.RawHttp;
import dev.deskcc.sim.support.TestWorld;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * v1.1 §2: a malformed request, at the protocol level or in its body, is a 4xx problem document
 * (never Jetty's HTML page, never a 500), and changes nothing. Over a plain socket, since no client
 * library sends such requests.
 */
class MalformedRequestsTest {
  private static Simulator sim;
  private static HttpClient http;
  private static int port;

  @BeforeAll
  static void start() {
    sim = Simulator.builder().fixtureJson(TestWorld.FIXTURE).build().start();
    http = new HttpClient(sim.baseUrl());
    port = sim.port();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static void assertProblem(RawHttp.Answer a, int status, String code) {
    assertThat(a.status()).as(a.toString()).isEqualTo(status);
    assertThat(a.contentType()).as(a.toString()).startsWith("application/problem+json");
    assertThat(a.body()).as(a.toString()).contains("\"code\":\"" + code + "\"").doesNotContain("<html");
  }

  private static String hr() {
    return http.get("/api/v1/departments", TestWorld.AGENT).json().path("departments").get(0).path("id").asText();
  }

  private static String ticketsCount() {
    return String.valueOf(http.get("/api/v1/tickets", TestWorld.AGENT).json().path("tickets").size());
  }

  @Test
  void a_truncated_chunked_body_is_a_bad_request() {
    String before = ticketsCount();
    String head = "POST /api/v1/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestWorld.AGENT
        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    // announces 0x100 bytes, sends 10, then the client closes its side
    assertProblem(RawHttp.send(port, head + "100\r\n{\"departme"), 400, "BAD_REQUEST");
    assertThat(ticketsCount()).isEqualTo(before);
  }

  @Test
  void protocol_level_errors_are_problem_documents() {
    assertProblem(RawHttp.send(port, "GET /api/v1/tickets/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
        400, "BAD_REQUEST");
    assertProblem(RawHttp.send(port, "GET /api/v1/tickets/a%00b HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
        400, "BAD_REQUEST");
    assertProblem(RawHttp.send(port, "GET /" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
        414, "URI_TOO_LONG");
    assertProblem(RawHttp.send(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "b".repeat(70_000)
        + "\r\nConnection: close\r\n\r\n"), 431, "HEADERS_TOO_LARGE");
    assertProblem(RawHttp.send(port, "GET / HTTP/7.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
        505, "HTTP_VERSION_NOT_SUPPORTED");
  }

  @Test
  void an_unpaired_surrogate_is_a_bad_request_and_stores_nothing() {
    String before = ticketsCount();
    for (String subject : new String[] {"\\ud800", "a\\udc00b", "\\ud800\\u0041", "\\ud800\\\\udc00"}) {
      String body = "{\"departmentId\":\"" + hr() + "\",\"subject\":\"" + subject + "\",\"description\":\"d\","
          + "\"requester\":{\"email\":\"sur@example.com\",\"name\":\"S\"}}";
      HttpClient.Answer a = http.json("POST", "/api/v1/tickets", body, TestWorld.AGENT);
      assertThat(a.status()).as(subject + ": " + a).isEqualTo(400);
      assertThat(a.code()).isEqualTo("BAD_REQUEST");
    }
    // a pair, escaped, is one character and fine
    String pair = "{\"departmentId\":\"" + hr() + "\",\"subject\":\"\\ud83d\\ude00\",\"description\":\"d\","
        + "\"requester\":{\"email\":\"sur@example.com\",\"name\":\"S\"}}";
    HttpClient.Answer ok = http.json("POST", "/api/v1/tickets", pair, TestWorld.AGENT);
    assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
    assertThat(ok.json().path("subject").asText()).isEqualTo("\uD83D\uDE00");
    assertThat(ticketsCount()).isEqualTo(String.valueOf(Integer.parseInt(before) + 1));
  }

  @Test
  void invalid_utf8_is_a_bad_request() {
    for (byte[] bad : new byte[][] {{(byte) 0xff}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xc0, (byte) 0xaf}}) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes(("{\"departmentId\":\"" + hr() + "\",\"subject\":\"x").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(bad);
      body.writeBytes(("\",\"description\":\"d\",\"requester\":{\"email\":\"u8@example.com\"}}").getBytes(StandardCharsets.UTF_8));
      HttpClient.Answer a = http.raw("POST", "/api/v1/tickets", body.toByteArray(), "application/json", TestWorld.AGENT);
      assertThat(a.status()).as(a.toString()).isEqualTo(400);
      assertThat(a.code()).isEqualTo("BAD_REQUEST");
    }
  }

  @Test
  void an_item_error_gives_an_object_item_back_as_an_object() {
    HttpClient.Answer t = http.json("POST", "/api/v1/tickets", java.util.Map.of("departmentId", hr(), "subject", "s",
        "description", "d", "requester", java.util.Map.of("email", "items@example.com")), TestWorld.AGENT);
    assertThat(t.status()).as(t.toString()).isEqualTo(201);
    HttpClient.Answer a = http.json("POST", "/api/v1/tickets/" + t.json().path("id").asText() + "/replies",
        "{\"content\":\"x\",\"to\":[{\"contactId\":\"no-such\"},{\"x\":[1]},\"not an address\",\"{not json\"]}",
        TestWorld.AGENT);
    assertThat(a.status()).as(a.toString()).isEqualTo(422);
    var values = a.json().path("errors").findValues("value");
    assertThat(values).as(a.toString()).hasSize(4);
    assertThat(values.get(0).isObject()).as(a.toString()).isTrue();
    assertThat(values.get(0).path("contactId").asText()).isEqualTo("no-such");
    assertThat(values.get(1).path("x").get(0).asInt()).as(a.toString()).isEqualTo(1);
    assertThat(values.get(2).asText()).isEqualTo("not an address");
    assertThat(values.get(3).isTextual()).isTrue();
  }
}
