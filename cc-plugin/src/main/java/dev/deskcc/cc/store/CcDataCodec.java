package dev.deskcc.cc.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.host.PluginData;
import dev.deskcc.api.model.ActorType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON form of {@link TicketCcData} (schema version {@value #SCHEMA_VERSION}):
 *
 * <pre>{@code
 * {"cc": [{"contactId", "email", "name", "source", "addedBy": {"type", "id"}, "addedAt"}],
 *  "everCc": ["<contactId>", ...],
 *  "listChangedInVersion": 7,
 *  "held": ["<contactId>", ...]}
 * }</pre>
 *
 * <p>{@code held} (optional, absent when empty) lists current CCs held from notifications until an
 * agent replies; a plugin version that predates it reads the data without it.
 *
 * <p>Each {@code cc} entry has exactly the shape of one item of the ticket's {@code fields.cc}
 * value. Older schema versions are migrated by {@link #migrate} when read; data written by a newer
 * plugin is read as far as this version understands it (unknown members are ignored).
 */
public final class CcDataCodec {

  /** The format this plugin writes. */
  public static final int SCHEMA_VERSION = 1;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private CcDataCodec() {}

  public static TicketCcData read(PluginData data) {
    JsonNode value = migrate(data.schemaVersion(), data.value());
    List<CcEntry> entries = new ArrayList<>();
    for (JsonNode item : value.path("cc")) {
      entries.add(entry(item));
    }
    Set<String> ever = new LinkedHashSet<>();
    for (JsonNode id : value.path("everCc")) {
      ever.add(id.asText());
    }
    Set<String> held = new LinkedHashSet<>();
    for (JsonNode id : value.path("held")) {
      held.add(id.asText());
    }
    return new TicketCcData(entries, ever, value.path("listChangedInVersion").asLong(0), held);
  }

  public static ObjectNode write(TicketCcData data) {
    ObjectNode root = JSON.objectNode();
    root.set("cc", entries(data.entries()));
    ArrayNode ever = root.putArray("everCc");
    data.everCc().forEach(ever::add);
    root.put("listChangedInVersion", data.listChangedInVersion());
    if (!data.held().isEmpty()) {
      ArrayNode held = root.putArray("held");
      data.held().forEach(held::add);
    }
    return root;
  }

  /** The CC list as the ticket's {@code fields.cc} value shows it. */
  public static ArrayNode entries(List<CcEntry> entries) {
    ArrayNode array = JSON.arrayNode();
    entries.forEach(e -> array.add(entry(e)));
    return array;
  }

  static ObjectNode entry(CcEntry e) {
    ObjectNode node = JSON.objectNode();
    node.put("contactId", e.contactId());
    node.put("email", e.email());
    node.put("name", e.name());
    node.put("source", e.source().name());
    ObjectNode by = node.putObject("addedBy");
    by.put("type", e.addedBy().type().name());
    by.put("id", e.addedBy().id());
    node.put("addedAt", e.addedAt());
    return node;
  }

  static CcEntry entry(JsonNode node) {
    JsonNode by = node.path("addedBy");
    JsonNode name = node.path("name");
    JsonNode byId = by.path("id");
    return new CcEntry(
        node.path("contactId").asText(),
        node.path("email").asText(),
        name.isTextual() ? name.asText() : null,
        CcSource.valueOf(node.path("source").asText()),
        new AddedBy(ActorType.valueOf(by.path("type").asText()), byId.isTextual() ? byId.asText() : null),
        node.path("addedAt").asText());
  }

  /**
   * Brings data written in an older schema version to the current one. Version 1 is the first;
   * a later version adds a step here ({@code if (version < 2) value = v1ToV2(value);}) so that
   * data written by every earlier plugin version stays readable.
   */
  static JsonNode migrate(int schemaVersion, JsonNode value) {
    if (schemaVersion < 1) {
      throw new IllegalStateException("unknown CC data schema version " + schemaVersion);
    }
    return value;
  }
}
