package dev.deskcc.sim.desk.internal.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small JSON values for history details and request bodies. */
public final class Details {
  private Details() {}

  public static ObjectNode obj(String... kv) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      o.put(kv[i], kv[i + 1]);
    }
    return o;
  }

  public static ObjectNode namesDetail(java.util.Collection<String> names) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    names.forEach(o.putArray("names")::add);
    return o;
  }

  public static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    out.addAll(node.properties());
    return out;
  }

  static List<JsonNode> iterableValues(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    node.elements().forEachRemaining(out::add);
    return out;
  }
}
