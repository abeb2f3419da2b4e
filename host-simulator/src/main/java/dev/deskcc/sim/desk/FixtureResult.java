package dev.deskcc.sim.desk;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/**
 * Ids of the keyed objects a fixture created, by key; and the fixture's users with a token, which
 * only simulator control shows ({@code GET /sim/users}), never the {@code /sim/fixtures} answer.
 */
public record FixtureResult(Map<String, String> ids, @JsonIgnore List<SimUser> users) {
  public FixtureResult {
    users = users == null ? List.of() : List.copyOf(users);
  }

  public FixtureResult(Map<String, String> ids) {
    this(ids, List.of());
  }
}
