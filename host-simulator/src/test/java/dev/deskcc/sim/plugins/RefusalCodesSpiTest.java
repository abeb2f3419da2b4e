package dev.deskcc.sim.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.support.HttpClient;
import dev.deskcc.sim.support.PluginJar;
import dev.deskcc.sim.support.TestWorld;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform 1.2 extension point {@code RefusalCodes}, used by a plugin that knows nothing of CC:
 * the served API reference lists its codes under the status of their kind on every route that
 * runs the plugins' checks, marked as the plugin's, and drops them when the plugin stops.
 */
class RefusalCodesSpiTest {
  @TempDir
  static Path plugins;

  private static Simulator sim;
  private static HttpClient http;

  @BeforeAll
  static void start() {
    PluginJar.plugin("quota").requires(">=1.2.0 & <2.0.0")
        .extension("rc.quota.Codes", """
            package rc.quota;
            import dev.deskcc.api.error.*;
            import java.util.List;
            public class Codes implements RefusalCodes {
              public List<RefusalCode> refusalCodes() {
                return List.of(new RefusalCode("QUOTA_EXCEEDED", RefusalKind.INVALID, "too many tickets today"),
                    new RefusalCode("QUOTA_LOCKED", RefusalKind.CONFLICT, "the quota is being recounted"));
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

  private static JsonNode served() {
    HttpClient.Answer a = http.get("/api/v1/openapi.json", null);
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    return a.json();
  }

  @Test
  void a_declared_code_is_listed_under_its_status_on_plugin_checked_routes_only() {
    JsonNode doc = served();
    JsonNode create = doc.at("/paths/~1api~1v1~1tickets/post/responses");
    assertThat(texts(create.at("/422/x-deskcc-codes"))).contains("UNKNOWN_DEPARTMENT", "QUOTA_EXCEEDED");
    assertThat(create.at("/422/x-deskcc-plugin/QUOTA_EXCEEDED/plugin").asText()).isEqualTo("quota");
    assertThat(create.at("/422/x-deskcc-plugin/QUOTA_EXCEEDED/description").asText()).isEqualTo("too many tickets today");
    assertThat(create.at("/422/x-deskcc-plugin").has("UNKNOWN_DEPARTMENT")).isFalse();
    assertThat(texts(create.at("/409/x-deskcc-codes"))).contains("QUOTA_LOCKED");
    assertThat(create.at("/409/x-deskcc-plugin/QUOTA_LOCKED/plugin").asText()).isEqualTo("quota");
    // a read runs no check
    JsonNode list = doc.at("/paths/~1api~1v1~1tickets/get/responses");
    assertThat(list.toString()).doesNotContain("QUOTA_");
  }

  @Test
  void writes_document_the_concurrent_changes_answer_and_reads_do_not() {
    JsonNode paths = served().path("paths");
    assertThat(texts(paths.at("/~1api~1v1~1tickets/post/responses/503/x-deskcc-codes")))
        .containsExactly("CONCURRENT_CHANGES");
    assertThat(paths.at("/~1api~1v1~1tickets/get/responses").has("503")).isFalse();
  }

  @Test
  void the_codes_leave_the_reference_with_the_plugin() {
    try {
      assertThat(http.json("POST", "/sim/plugins/quota/stop", null, null).status()).isEqualTo(200);
      assertThat(served().toString()).doesNotContain("QUOTA_").doesNotContain("x-deskcc-plugin");
    } finally {
      http.json("POST", "/sim/plugins/quota/start", null, null);
    }
    assertThat(served().toString()).contains("QUOTA_EXCEEDED");
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
