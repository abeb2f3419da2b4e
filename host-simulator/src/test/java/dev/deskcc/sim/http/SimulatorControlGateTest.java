package dev.deskcc.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.support.HttpClient;
import dev.deskcc.sim.support.RawHttp;
import dev.deskcc.sim.support.TestWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The v1.1 gate of {@code /sim}: loopback Host, own Origin, JSON bodies only; over a real socket. */
class SimulatorControlGateTest {
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

  private static RawHttp.Answer get(String path, String host, String origin) {
    return RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
        + (origin == null ? "" : "Origin: " + origin + "\r\n") + "Connection: close\r\n\r\n");
  }

  private static RawHttp.Answer post(String path, String origin, String type, String body) {
    return RawHttp.send(port, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
        + (origin == null ? "" : "Origin: " + origin + "\r\n")
        + (type == null ? "" : "Content-Type: " + type + "\r\n")
        + "Content-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n"
        + "Connection: close\r\n\r\n" + body);
  }

  private static void assertForbidden(RawHttp.Answer a) {
    assertThat(a.status()).as(a.toString()).isEqualTo(403);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.body()).contains("\"code\":\"FORBIDDEN\"").doesNotContain("tok-");
  }

  @Test
  void a_foreign_host_header_gets_no_tokens() {
    assertForbidden(get("/sim/users", "rebound.attacker.test:" + port, null));
    assertForbidden(get("/sim/users", "rebound.attacker.test", null));
    assertForbidden(get("/sim/users", "127.0.0.1.attacker.test", null));
    assertForbidden(get("/sim/outbox", "evil.test", null));
    // an unknown /sim path is gated before routing, so it tells a foreign host nothing either
    assertForbidden(get("/sim/nothing-here", "evil.test", null));
  }

  @Test
  void the_local_names_with_any_port_or_none_are_served() {
    for (String host : new String[] {"127.0.0.1", "127.0.0.1:" + port, "localhost", "LOCALHOST:" + port, "[::1]", "[::1]:9"}) {
      RawHttp.Answer a = get("/sim/users", host, null);
      assertThat(a.status()).as(host + ": " + a).isEqualTo(200);
      assertThat(a.body()).contains("tok-alice");
    }
  }

  @Test
  void only_the_simulators_own_origin_may_call_simulator_control() {
    assertForbidden(get("/sim/users", "127.0.0.1:" + port, "http://127.0.0.1:" + (port == 65535 ? 1 : port + 1)));
    assertForbidden(get("/sim/users", "127.0.0.1:" + port, "http://attacker.test"));
    assertForbidden(get("/sim/users", "127.0.0.1:" + port, "null"));
    assertForbidden(get("/sim/users", "127.0.0.1:" + port, "https://127.0.0.1:" + port));
    for (String origin : new String[] {"http://127.0.0.1:" + port, "http://localhost:" + port, "http://[::1]:" + port}) {
      assertThat(get("/sim/users", "127.0.0.1:" + port, origin).status()).as(origin).isEqualTo(200);
    }
  }

  @Test
  void a_cross_site_form_cannot_stop_a_plugin_or_replace_the_world() {
    String before = http.get("/sim/fixtures", null).raw();
    String foreign = "http://127.0.0.1:" + (port == 65535 ? 1 : port + 1);
    assertForbidden(post("/sim/plugins/anything/stop", foreign, "text/plain", "x=1"));
    assertForbidden(post("/sim/fixtures", foreign, "text/plain", TestWorld.FIXTURE));
    assertThat(http.get("/sim/fixtures", null).raw()).isEqualTo(before);
  }

  @Test
  void replacing_the_world_takes_json_only() {
    String before = http.get("/sim/fixtures", null).raw();
    for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
      RawHttp.Answer a = post("/sim/fixtures", null, type, TestWorld.FIXTURE);
      assertThat(a.status()).as(type + ": " + a).isEqualTo(415);
      assertThat(a.contentType()).startsWith("application/problem+json");
      assertThat(a.body()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");
    }
    assertThat(post("/sim/fixtures", null, null, TestWorld.FIXTURE).status()).as("no type").isEqualTo(415);
    assertThat(http.get("/sim/fixtures", null).raw()).as("nothing replaced").isEqualTo(before);
    RawHttp.Answer json = post("/sim/fixtures", "http://localhost:" + port, "application/json; charset=utf-8", TestWorld.FIXTURE);
    assertThat(json.status()).as(json.toString()).isEqualTo(200);
  }

  @Test
  void every_answer_carries_the_security_headers() {
    for (String path : new String[] {"/", "/console/js/app.js", "/api/v1/tickets", "/sim/users", "/no/such/route"}) {
      RawHttp.Answer a = get(path, "127.0.0.1:" + port, null);
      assertThat(a.header("Content-Security-Policy")).as(path)
          .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'")
          .doesNotContain("unsafe-inline");
      assertThat(a.header("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(a.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(a.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
    }
  }
}
