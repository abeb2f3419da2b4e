package dev.deskcc.sim.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.store.jdbc.StoreFailure;
import dev.deskcc.sim.support.HttpClient;
import dev.deskcc.sim.support.TestWorld;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Simulator.Builder.dataDir} and {@code .database}: the fixture is loaded into an empty
 * store only; a later start serves the kept world, its fixture ids, and its counters.
 */
@ExtendWith(EmbeddedPostgresDb.Resolver.class)
class SimulatorKeepsItsWorldTest {
  private static final String OTHER_WORLD = TestWorld.FIXTURE.replace("\"Acme\"", "\"Other Corp\"");

  @TempDir Path dir;

  private static String createTicket(Simulator sim, String hr) {
    HttpClient.Answer created = new HttpClient(sim.baseUrl()).json("POST", "/api/v1/tickets", Map.of(
        "departmentId", hr, "subject", "kept", "description", "d",
        "requester", Map.of("email", "ann@example.com")), TestWorld.ADMIN);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return created.json().path("id").asText();
  }

  private void keepsTheWorld(Simulator.Builder first, Simulator.Builder second) {
    String ticket;
    String hr;
    try (Simulator sim = first.fixtureJson(TestWorld.FIXTURE).build().start()) {
      hr = sim.fixtureIds().ids().get("hr");
      ticket = createTicket(sim, hr);
    }
    try (Simulator sim = second.fixtureJson(OTHER_WORLD).build().start()) {
      HttpClient http = new HttpClient(sim.baseUrl());
      assertThat(sim.fixtureIds().ids()).containsEntry("hr", hr);
      HttpClient.Answer kept = http.get("/api/v1/tickets/" + ticket, TestWorld.ADMIN);
      assertThat(kept.status()).isEqualTo(200);
      assertThat(kept.json().path("number").asLong()).isEqualTo(101);
      String next = createTicket(sim, hr);
      assertThat(http.get("/api/v1/tickets/" + next, TestWorld.ADMIN).json().path("number").asLong())
          .as("ticket numbers go on").isEqualTo(102);
      assertThat(http.get("/sim/outbox", null).json().path("messages").findValuesAsText("seq"))
          .as("outbox seq goes on").containsExactly("1", "2");
    }
  }

  @Test
  void a_data_folder_keeps_the_world_and_the_fixture_is_loaded_only_into_an_empty_one() {
    keepsTheWorld(Simulator.builder().dataDir(dir.resolve("data")), Simulator.builder().dataDir(dir.resolve("data")));
  }

  @Test
  void a_postgresql_database_keeps_the_world_likewise(EmbeddedPostgresDb postgres) {
    String url = postgres.newDatabase();
    keepsTheWorld(Simulator.builder().database(url, null), Simulator.builder().database(url, null));
  }

  @Test
  void a_data_folder_that_is_a_file_stops_the_start_with_a_clear_error() throws Exception {
    Path file = java.nio.file.Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> Simulator.builder().dataDir(file).fixtureJson(TestWorld.FIXTURE).build().start())
        .isInstanceOf(StoreFailure.class).hasMessageContaining(file.toString());
  }
}
