package dev.deskcc.sim.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
 * and {@code docs/openapi.json} is that document.
 */
class OpenApiDocumentTest {
  /** Where the committed reference lives, from this module's directory. */
  private static final Path COMMITTED = Path.of("..", "docs", "openapi.json");
  private static final Path GENERATED = Path.of("target", "openapi.json");

  private static Simulator sim;
  private static HttpClient http;
  private static JsonNode served;

  @BeforeAll
  static void start() {
    sim = Simulator.builder().fixtureJson(TestWorld.FIXTURE).build().start();
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
      fail("docs/openapi.json is missing; refresh it with: cp host-simulator/target/openapi.json docs/openapi.json");
    }
    JsonNode committed = pretty.readTree(COMMITTED.toFile());
    if (!committed.equals(served)) {
      fail("docs/openapi.json differs from what the server serves (the route table changed); refresh it with: "
          + "cp host-simulator/target/openapi.json docs/openapi.json");
    }
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
