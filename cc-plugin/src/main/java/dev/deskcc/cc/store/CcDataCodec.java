package dev.deskcc.cc.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.host.Contacts;
import dev.deskcc.api.host.PluginData;
import dev.deskcc.api.model.ActorType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON form of {@link TicketCcData} (schema version {@value #SCHEMA_VERSION}):
 *
 * <pre>{@code
 * {"cc": "c7,c8 REPLY AGENT:a1 2026-11-26T10:00:00.123Z;c9 AGENT SYSTEM 2026-11-26T10:00:01Z",
 *  "formerCc": "c3 c4",
 *  "listChangedInVersion": 7,
 *  "held": "c9",
 *  "removedByAgent": "c3"}
 * }</pre>
 *
 * <p>{@code cc} lists the current CCs in the order they were added, in runs separated by {@code ;}:
 * each run is {@code contactId[,contactId…] source addedByType[:addedById] addedAt}, the CCs in a
 * row that share their provenance (those one change added, typically) written once with it. {@code formerCc} (absent when empty)
 * lists contacts who were CCs and no longer are, and {@code held} (absent when empty) current CCs
 * held from notifications until an agent replies, {@code removedByAgent} (absent when empty;
 * added within version 2, so older data and older plugins read it as empty or skip it) contacts an
 * agent removed and no agent added back; all space-separated contact ids. An id holding
 * a separator or {@code %} is written percent-encoded.
 *
 * <p>Why packed text: the host keeps every ticket's data in memory as a JSON tree, and a node per
 * member made each CC cost several times the heap of one string per list (figures in
 * BENCHMARKS.md, 6b). The contact's address and name are not stored at all: a read looks them up
 * from the contact ({@link CcEntry}).
 *
 * <p>Version 1 stored {@code cc} as an array of objects shaped like the {@code fields.cc} items and
 * {@code everCc} as an array of every contact ever a CC; {@link #migrate} turns it into this
 * version when read. Data written by a newer plugin is read as far as this version understands it
 * (unknown members are ignored).
 */
public final class CcDataCodec {

  /** The format this plugin writes. */
  public static final int SCHEMA_VERSION = 2;

  private static final String FORMER_CC = "formerCc";
  private static final String HELD = "held";
  private static final String REMOVED_BY_AGENT = "removedByAgent";
  private static final char ENTRY_SEPARATOR = ';';
  private static final char RUN_SEPARATOR = ',';
  private static final char PART_SEPARATOR = ' ';
  private static final char ID_SEPARATOR = ':';

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private CcDataCodec() {}

  /** Decodes the data; entries look their contact's address and name up in {@code contacts}. */
  public static TicketCcData read(PluginData data, Contacts contacts) {
    JsonNode value = migrate(data.schemaVersion(), data.value());
    List<CcEntry> entries = new ArrayList<>();
    runs(value.path("cc").asText(""),
        (id, source, by, at) -> entries.add(CcEntry.stored(id, source, by, at, contacts)));
    // The former CCs are decoded only if asked for (help-center access and writing need them; a
    // notification does not).
    TicketCcData decoded = TicketCcData.decoded(Collections.unmodifiableList(entries), value.path(FORMER_CC).asText(""),
        value.path("listChangedInVersion").asLong(0), held(value.path(HELD).asText(""), entries));
    String removed = value.path(REMOVED_BY_AGENT).asText("");
    if (removed.isEmpty()) {
      return decoded;
    }
    Set<String> ids = new LinkedHashSet<>();
    ids(removed, ids);
    return decoded.withRemovedByAgent(ids);
  }

  /** The held ids that are current CCs, in stored order. */
  private static Set<String> held(String text, List<CcEntry> entries) {
    if (text.isEmpty()) {
      return Set.of();
    }
    Set<String> held = new LinkedHashSet<>();
    ids(text, held);
    Set<String> current = new HashSet<>();
    entries.forEach(e -> current.add(e.contactId()));
    held.retainAll(current);
    return Collections.unmodifiableSet(held);
  }

  public static ObjectNode write(TicketCcData data) {
    ObjectNode root = JSON.objectNode();
    StringBuilder cc = new StringBuilder(data.entries().size() * 12 + 48);
    Set<String> current = new LinkedHashSet<>();
    List<CcEntry> entries = data.entries();
    for (int i = 0; i < entries.size(); i++) {
      CcEntry e = entries.get(i);
      if (i > 0) {
        cc.append(sameProvenance(entries.get(i - 1), e) ? RUN_SEPARATOR : ENTRY_SEPARATOR);
      }
      cc.append(escape(e.contactId()));
      if (i == entries.size() - 1 || !sameProvenance(e, entries.get(i + 1))) {
        cc.append(PART_SEPARATOR).append(e.source().name()).append(PART_SEPARATOR).append(e.addedBy().type().name());
        if (e.addedBy().id() != null) {
          cc.append(ID_SEPARATOR).append(escape(e.addedBy().id()));
        }
        cc.append(PART_SEPARATOR).append(e.addedAt());
      }
      current.add(e.contactId());
    }
    root.put("cc", cc.toString());
    List<String> former = new ArrayList<>();
    data.everCc().stream().filter(id -> !current.contains(id)).forEach(former::add);
    if (!former.isEmpty()) {
      root.put(FORMER_CC, idList(former));
    }
    root.put("listChangedInVersion", data.listChangedInVersion());
    if (!data.held().isEmpty()) {
      root.put(HELD, idList(data.held()));
    }
    if (!data.removedByAgent().isEmpty()) {
      root.put(REMOVED_BY_AGENT, idList(data.removedByAgent()));
    }
    return root;
  }

  /** The CC list as the ticket's {@code fields.cc} value shows it. */
  public static ArrayNode entries(List<CcEntry> entries) {
    ArrayNode array = JSON.arrayNode();
    entries.forEach(e -> array.add(entry(e)));
    return array;
  }

  /** One item of {@code fields.cc}: the contact's address and name as they are now. */
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

  private static boolean sameProvenance(CcEntry a, CcEntry b) {
    return a.source() == b.source() && a.addedBy().equals(b.addedBy()) && a.addedAt().equals(b.addedAt());
  }

  /** What a decoded CC is made of. */
  private interface EntrySink {
    void add(String contactId, CcSource source, AddedBy addedBy, String addedAt);
  }

  /** Decodes the {@code cc} text, run by run, each CC into {@code sink} in list order. */
  private static void runs(String cc, EntrySink sink) {
    int start = 0;
    while (start < cc.length()) {
      int end = cc.indexOf(ENTRY_SEPARATOR, start);
      if (end < 0) {
        end = cc.length();
      }
      run(cc, start, end, sink);
      start = end + 1;
    }
  }

  /** Decodes one run: {@code id[,id…] source by at}. */
  private static void run(String text, int start, int end, EntrySink sink) {
    int afterId = text.indexOf(PART_SEPARATOR, start);
    int afterSource = text.indexOf(PART_SEPARATOR, afterId + 1);
    int afterBy = text.indexOf(PART_SEPARATOR, afterSource + 1);
    if (afterId < 0 || afterSource < 0 || afterBy < 0 || afterBy >= end) {
      throw new IllegalStateException("malformed CC entry: " + text.substring(start, end));
    }
    int colon = text.indexOf(ID_SEPARATOR, afterSource + 1);
    AddedBy by = colon < 0 || colon > afterBy
        ? new AddedBy(ActorType.valueOf(text.substring(afterSource + 1, afterBy)), null)
        : new AddedBy(ActorType.valueOf(text.substring(afterSource + 1, colon)),
            IdText.unescape(text.substring(colon + 1, afterBy)));
    CcSource source = CcSource.valueOf(text.substring(afterId + 1, afterSource));
    String at = text.substring(afterBy + 1, end);
    int id = start;
    while (id < afterId) {
      int idEnd = text.indexOf(RUN_SEPARATOR, id);
      if (idEnd < 0 || idEnd > afterId) {
        idEnd = afterId;
      }
      sink.add(IdText.unescape(text.substring(id, idEnd)), source, by, at);
      id = idEnd + 1;
    }
  }

  private static String idList(Iterable<String> ids) {
    StringBuilder out = new StringBuilder();
    for (String id : ids) {
      if (!out.isEmpty()) {
        out.append(PART_SEPARATOR);
      }
      out.append(escape(id));
    }
    return out.toString();
  }

  /** Adds the ids of a stored space-separated id list to {@code into}, in order. */
  static void ids(String text, Set<String> into) {
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf(PART_SEPARATOR, start);
      if (end < 0) {
        end = text.length();
      }
      if (end > start) {
        into.add(IdText.unescape(text.substring(start, end)));
      }
      start = end + 1;
    }
  }

  /** Host ids are plain ({@code c42}); anything else is percent-encoded so it cannot split. */
  private static String escape(String id) {
    boolean plain = true;
    for (int i = 0; i < id.length() && plain; i++) {
      plain = !special(id.charAt(i));
    }
    if (plain && !id.isEmpty()) {
      return id;
    }
    StringBuilder out = new StringBuilder(id.length() + 8);
    out.append('%');  // marks an encoded id, so that an empty id survives as well
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (special(c)) {
        out.append('%').append(String.format("%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean special(char c) {
    return c == ENTRY_SEPARATOR || c == RUN_SEPARATOR || c == PART_SEPARATOR || c == ID_SEPARATOR || c == '%'
        || c <= 0x20;
  }


  /** Version 1, the first format: an object per CC, and every contact ever a CC in {@code everCc}. */
  static ObjectNode v1ToV2(JsonNode v1) {
    List<CcEntry> entries = new ArrayList<>();
    Set<String> current = new LinkedHashSet<>();
    for (JsonNode item : v1.path("cc")) {
      JsonNode by = item.path("addedBy");
      JsonNode byId = by.path("id");
      // the address and name the v1 entry repeated are the contact's: v2 reads them from it
      String email = item.path("email").asText();
      JsonNode name = item.path("name");
      CcEntry entry = new CcEntry(
          item.path("contactId").asText(),
          email,
          name.isTextual() ? name.asText() : null,
          CcSource.valueOf(item.path("source").asText()),
          new AddedBy(ActorType.valueOf(by.path("type").asText()), byId.isTextual() ? byId.asText() : null),
          item.path("addedAt").asText());
      entries.add(entry);
      current.add(entry.contactId());
    }
    Set<String> ever = new LinkedHashSet<>(current);
    v1.path("everCc").forEach(id -> ever.add(id.asText()));
    Set<String> held = new LinkedHashSet<>();
    v1.path("held").forEach(id -> held.add(id.asText()));
    return write(new TicketCcData(entries, ever, v1.path("listChangedInVersion").asLong(0), held));
  }

  /**
   * Brings data written in an older schema version to the current one, one step per version, so
   * that data written by every earlier plugin version stays readable.
   */
  static JsonNode migrate(int schemaVersion, JsonNode value) {
    if (schemaVersion < 1) {
      throw new IllegalStateException("unknown CC data schema version " + schemaVersion);
    }
    if (schemaVersion < 2) {
      value = v1ToV2(value);
    }
    return value;
  }
}
