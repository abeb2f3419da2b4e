package dev.deskcc.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.deskcc.api.error.RefusalKind;
import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.ProblemCode;
import dev.deskcc.sim.support.HttpClient;
import dev.deskcc.sim.support.HttpClient.Answer;
import dev.deskcc.sim.support.TestWorld;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The host's problem codes ({@link ProblemCode}) agree with the API reference: every code a route
 * can answer is documented on a route of the document the server serves, every code is answered by
 * something in the main code, and no route documents a code the server answers only around the
 * routes.
 *
 * <p>Which code each route answers is checked per answer by the distribution's {@code
 * OpenApiConformance} (every integration-test answer against the live document); this test is what
 * fails when a code is added and documented nowhere, or documented and answered by nothing.
 */
class ProblemCodeContractTest {
  /**
   * Classes that only document codes: the route tables (their lambdas are part of the methods that
   * list the routes, so a table's own throw sites are not told apart from its declarations; they
   * answer through {@link DeskException} and {@link Call}, which count) and the OpenAPI generator.
   */
  private static final Set<Class<?>> DOCUMENTING = Set.of(ApiRoutes.class, ConsoleRoutes.class, Route.class,
      OpenApi.class, ProblemCode.class);

  private static Simulator sim;
  private static JsonNode served;
  private static JavaClasses main;

  @BeforeAll
  static void start() {
    sim = Simulator.builder().fixtureJson(TestWorld.FIXTURE).build().start();
    Answer a = new HttpClient(sim.baseUrl()).get("/api/v1/openapi.json", null);
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    served = a.json();
    main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.deskcc.sim");
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void every_code_a_route_can_answer_is_documented_on_a_route() {
    Set<String> documented = documentedCodes().keySet();
    List<String> undocumented = Arrays.stream(ProblemCode.values()).filter(ProblemCode::routed)
        .map(Enum::name).filter(code -> !documented.contains(code)).toList();
    assertThat(undocumented).as("codes no route declares (Route.Builder.errors in ApiRoutes)").isEmpty();
  }

  @Test
  void no_route_documents_a_code_the_server_answers_around_the_routes() {
    Map<String, List<String>> documented = documentedCodes();
    Map<String, List<String>> misplaced = new TreeMap<>();
    Arrays.stream(ProblemCode.values()).filter(code -> !code.routed())
        .filter(code -> documented.containsKey(code.name()))
        .forEach(code -> misplaced.put(code.name(), documented.get(code.name())));
    assertThat(misplaced).as("codes marked not routed, yet documented on these operations").isEmpty();
  }

  @Test
  void every_documented_code_is_a_host_code_with_the_status_it_is_documented_under() {
    List<String> wrong = new ArrayList<>();
    served.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
        op.getValue().path("responses").properties().forEach(response -> response.getValue()
            .path("x-deskcc-codes").forEach(code -> {
              String where = op.getKey().toUpperCase() + " " + path.getKey() + " " + response.getKey();
              try {
                int status = ProblemCode.valueOf(code.asText()).status();
                if (!String.valueOf(status).equals(response.getKey())) {
                  wrong.add(where + ": " + code.asText() + " is " + status);
                }
              } catch (IllegalArgumentException e) {
                // no plugin is loaded here, so every documented code is the host's
                wrong.add(where + ": " + code.asText() + " is no host code");
              }
            }))));
    assertThat(wrong).isEmpty();
  }

  @Test
  void every_code_is_answered_by_something_in_the_main_code() {
    Set<String> answered = main.get(ProblemCode.class).getFieldAccessesToSelf().stream()
        .filter(ProblemCodeContractTest::answers)
        .map(access -> access.getTarget().getName())
        .collect(Collectors.toCollection(TreeSet::new));
    List<String> unanswered = Arrays.stream(ProblemCode.values()).map(Enum::name)
        .filter(code -> !answered.contains(code)).toList();
    assertThat(unanswered)
        .as("codes only the route tables or the OpenAPI generator mention: documented, never answered")
        .isEmpty();
  }

  @Test
  void a_codes_title_is_the_reason_phrase_of_its_status() {
    // the titles Javalin gave before the codes owned them, so problem documents stay byte-identical
    for (ProblemCode code : ProblemCode.values()) {
      assertThat(code.title()).as(code.name()).isEqualTo(HttpStatus.forStatus(code.status()).getMessage());
    }
    for (RefusalKind kind : RefusalKind.values()) {
      int status = ProblemCode.status(kind);
      assertThat(ProblemCode.title(status)).as(kind.name()).isEqualTo(HttpStatus.forStatus(status).getMessage());
    }
  }

  @Test
  void a_refusal_is_answered_with_its_codes_status_title_and_name() {
    Answer a = new HttpClient(sim.baseUrl()).get("/api/v1/tickets/no-such-ticket", TestWorld.AGENT);
    assertThat(a.status()).as(a.toString()).isEqualTo(ProblemCode.NOT_FOUND.status());
    assertThat(a.code()).isEqualTo(ProblemCode.NOT_FOUND.name());
    assertThat(a.json().path("title").asText()).isEqualTo(ProblemCode.NOT_FOUND.title());
    assertThat(a.json().path("type").asText()).isEqualTo("https://deskcc.dev/problems/not-found");
  }

  /**
   * A mention of a code that answers with it: not in a class that only documents codes, not where
   * the fixture loader reads a refusal it caught, and in {@link DeskException} only in a factory
   * something calls.
   */
  private static boolean answers(JavaFieldAccess access) {
    JavaCodeUnit origin = access.getOrigin();
    String owner = origin.getOwner().getName();
    if (DOCUMENTING.stream().anyMatch(c -> owner.equals(c.getName()) || owner.startsWith(c.getName() + "$"))) {
      return false;
    }
    if (owner.startsWith("dev.deskcc.sim.fixture.")) {
      return false;
    }
    if (owner.equals(DeskException.class.getName())) {
      return origin.getCallsOfSelf().stream().anyMatch(call -> !call.getOriginOwner().isEquivalentTo(DeskException.class));
    }
    return true;
  }

  /** Every code of the served document, with the operations that document it. */
  private static Map<String, List<String>> documentedCodes() {
    Map<String, List<String>> codes = new TreeMap<>();
    served.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
        op.getValue().path("responses").forEach(response -> response.path("x-deskcc-codes").forEach(code ->
            codes.computeIfAbsent(code.asText(), c -> new ArrayList<>())
                .add(op.getKey().toUpperCase() + " " + path.getKey())))));
    return codes;
  }
}
