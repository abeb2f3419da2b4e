package dev.deskcc.sim.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.support.HttpClient;
import dev.deskcc.sim.support.HttpClient.Answer;
import dev.deskcc.sim.support.TestWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the running server serves describes exactly the routes Javalin registered,
 * and {@code docs/openapi.json} is that document as the distribution serves it, with the cc
 * plugin loaded.
 *
 * <p>This module cannot load the cc plugin (the plugin's tests depend on this module), so by
 * default the server runs without plugins and the committed document is compared without the codes
 * it marks {@code x-deskcc-plugin}. With {@code -Ddeskcc.openapi.pluginsDir=DIR} the server loads
 * the plugins of DIR and the comparison is whole: that is how the document is regenerated.
 */
class OpenApiDocumentTest {
  /** Where the committed reference lives, from this module's directory. */
  private static final Path COMMITTED = Path.of("..", "docs", "openapi.json");
  private static final Path GENERATED = Path.of("target", "openapi.json");
  private static final String PLUGINS_DIR = System.getProperty("deskcc.openapi.pluginsDir", "");
  private static final String REFRESH = "refresh it with: mvn -B -o -pl cc-plugin -am package -DskipTests && "
      + "mkdir -p /tmp/deskcc-plugins && cp cc-plugin/target/secondary-contacts-*.jar /tmp/deskcc-plugins/ && "
      + "mvn -B -o -pl host-simulator -am test -Dtest=OpenApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false "
      + "-Ddeskcc.openapi.pluginsDir=/tmp/deskcc-plugins "
      + "&& cp host-simulator/target/openapi.json docs/openapi.json";

  private static Simulator sim;
  private static HttpClient http;
  private static JsonNode served;

  @BeforeAll
  static void start() {
    Simulator.Builder builder = Simulator.builder().fixtureJson(TestWorld.FIXTURE);
    if (!PLUGINS_DIR.isBlank()) {
      builder.pluginsDir(Path.of(PLUGINS_DIR));
    }
    sim = builder.build().start();
    http = new HttpClient(sim.baseUrl());
    Answer a = http.get("/api/v1/openapi.json", null);
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("application/json");
    served = a.json();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void the_document_is_openapi_3_1_and_needs_no_token() {
    assertThat(served.path("openapi").asText()).isEqualTo("3.1.0");
    assertThat(served.path("paths").size()).isGreaterThan(10);
  }

  @Test
  void every_registered_route_is_documented_and_every_documented_route_is_registered() {
    Answer a = http.get("/sim/routes", null);
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    Set<String> registered = new TreeSet<>();
    a.json().get("routes").forEach(r -> {
      String[] parts = r.asText().split(" ", 2);
      registered.add(parts[0] + " " + OpenApi.path(parts[1]));
    });
    assertThat(documented()).containsExactlyInAnyOrderElementsOf(registered);
  }

  @Test
  void every_route_that_the_document_secures_refuses_a_missing_token() {
    List<String> secured = new ArrayList<>();
    served.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
      if (!op.getValue().path("security").isEmpty()) {
        secured.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }));
    assertThat(secured).isNotEmpty();
    for (String route : secured) {
      String[] parts = route.split(" ", 2);
      Answer a = http.json(parts[0], parts[1].replaceAll("\\{[^}]+}", "x"), null, null);
      assertThat(a.status()).as(route + " -> " + a).isEqualTo(401);
      assertThat(a.code()).isEqualTo("UNAUTHENTICATED");
    }
  }

  @Test
  void every_schema_reference_names_a_schema_of_the_document() {
    Set<String> refs = new HashSet<>();
    collectRefs(served, refs);
    JsonNode schemas = served.path("components").path("schemas");
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/components/schemas/");
      assertThat(schemas.has(ref.substring("#/components/schemas/".length()))).as(ref).isTrue();
    }
  }

  @Test
  void docs_openapi_json_is_what_the_server_serves() throws IOException {
    ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.createDirectories(GENERATED.getParent());
    Files.writeString(GENERATED, pretty.writeValueAsString(served) + "\n");
    if (!Files.exists(COMMITTED)) {
      fail("docs/openapi.json is missing; " + REFRESH);
    }
    JsonNode committed = pretty.readTree(COMMITTED.toFile());
    if (PLUGINS_DIR.isBlank()) {
      assertThat(served.toString()).as("no plugin is loaded here").doesNotContain("x-deskcc-plugin");
      assertThat(committed.toString()).as("the committed document lists the cc plugin's codes")
          .contains("x-deskcc-plugin");
      committed = withoutPluginCodes(committed);
    }
    if (!committed.equals(served)) {
      fail("docs/openapi.json differs from what the server serves (the route table changed); " + REFRESH);
    }
  }

  @Test
  void dropping_plugin_codes_restores_the_host_entry() throws IOException {
    ObjectMapper m = new ObjectMapper();
    JsonNode withPlugin = m.readTree("{\"paths\": {\"/t\": {\"post\": {\"responses\": {"
        + "\"409\": {\"description\": \"X, P\", \"x-deskcc-codes\": [\"X\", \"P\"], \"x-deskcc-plugin\": {\"P\": {\"plugin\": \"p\"}}},"
        + "\"403\": {\"description\": \"Q\", \"x-deskcc-codes\": [\"Q\"], \"x-deskcc-plugin\": {\"Q\": {\"plugin\": \"p\"}}}}}}}}");
    assertThat(withoutPluginCodes(withPlugin)).isEqualTo(m.readTree("{\"paths\": {\"/t\": {\"post\": {\"responses\": {"
        + "\"409\": {\"description\": \"X\", \"x-deskcc-codes\": [\"X\"]}}}}}}"));
  }

  /**
   * The document as a server without plugins serves it: every code marked {@code x-deskcc-plugin}
   * leaves its entry, and an entry left with no code leaves the operation (OpenApi lists a status
   * only for codes it has, and describes an entry by its codes joined).
   */
  private static JsonNode withoutPluginCodes(JsonNode document) {
    JsonNode copy = document.deepCopy();
    copy.path("paths").forEach(path -> path.forEach(op -> {
      ObjectNode responses = (ObjectNode) op.path("responses");
      List<String> emptied = new ArrayList<>();
      responses.properties().forEach(entry -> {
        JsonNode marks = entry.getValue().path("x-deskcc-plugin");
        if (marks.isMissingNode()) {
          return;
        }
        List<String> codes = new ArrayList<>();
        entry.getValue().path("x-deskcc-codes").forEach(code -> {
          if (!marks.has(code.asText())) {
            codes.add(code.asText());
          }
        });
        ObjectNode response = (ObjectNode) entry.getValue();
        response.remove("x-deskcc-plugin");
        ArrayNode kept = response.putArray("x-deskcc-codes");
        codes.forEach(kept::add);
        response.put("description", String.join(", ", codes));
        if (codes.isEmpty()) {
          emptied.add(entry.getKey());
        }
      });
      emptied.forEach(responses::remove);
    }));
    return copy;
  }

  private static Set<String> documented() {
    Set<String> out = new TreeSet<>();
    served.get("paths").properties().forEach(path -> path.getValue().properties()
        .forEach(op -> out.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
    return out;
  }

  private static void collectRefs(JsonNode node, Set<String> refs) {
    if (node.isObject()) {
      node.properties().forEach(e -> {
        if (e.getKey().equals("$ref")) {
          refs.add(e.getValue().asText());
        } else {
          collectRefs(e.getValue(), refs);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, refs));
    }
  }
}
