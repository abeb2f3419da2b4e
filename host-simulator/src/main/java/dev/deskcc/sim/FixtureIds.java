package dev.deskcc.sim;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.sim.desk.FixtureResult;
import dev.deskcc.sim.desk.SimUser;
import dev.deskcc.sim.store.Store;
import dev.deskcc.sim.store.StoreTx;
import java.util.List;
import java.util.Map;

/**
 * The last fixture's ids and users, kept in the store beside the world they name, so that a
 * restarted simulator (or another node on the same database) answers {@code GET /sim/fixtures}
 * as the one that loaded it.
 */
final class FixtureIds {
  private static final String KEY = "fixture";

  private final Store store;
  private final ObjectMapper mapper;

  FixtureIds(Store store, ObjectMapper mapper) {
    this.store = store;
    this.mapper = mapper;
  }

  FixtureResult read() {
    return store.read().meta(KEY).map(this::fromJson).orElseGet(() -> new FixtureResult(Map.of()));
  }

  FixtureResult write(FixtureResult result) {
    ObjectNode node = mapper.createObjectNode();
    node.set("ids", mapper.valueToTree(result.ids()));
    node.set("users", mapper.valueToTree(result.users()));
    try (StoreTx tx = store.begin()) {
      tx.putMeta(KEY, node);
      tx.commit();
    }
    return result;
  }

  private FixtureResult fromJson(JsonNode node) {
    Map<String, String> ids = mapper.convertValue(node.path("ids"), new TypeReference<Map<String, String>>() {});
    List<SimUser> users = mapper.convertValue(node.path("users"), new TypeReference<List<SimUser>>() {});
    return new FixtureResult(ids == null ? Map.of() : ids, users);
  }
}
