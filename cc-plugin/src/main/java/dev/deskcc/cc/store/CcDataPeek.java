package dev.deskcc.cc.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.host.PluginData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads of a ticket's stored CC data that need less than {@link CcStore#read}: whether CCs may be
 * held, the version marker, the current CCs' ids. A reply reads the data in its check and again
 * for its recipients, and a full decode each time was most of the plugin's cost per reply.
 *
 * <p>Reads the stored format {@value #FORMAT} itself; data in any other version (older, or written
 * by a newer release) goes through {@link CcStore#read}, so these answers always agree with a full
 * read. Kept apart from {@link CcDataCodec} and {@link CcStore} on purpose: it relies on nothing of
 * theirs but {@code CcStore.read}, so a release with another codec still links.
 */
public final class CcDataPeek {

  /** The stored format read here directly (the codec's version 2). */
  static final int FORMAT = 2;

  private CcDataPeek() {}

  /** Whether the ticket's data may hold CCs from notifications; {@code false} without data. */
  public static boolean mayHoldCcs(String ticketId, PluginContext context) {
    Optional<PluginData> data = context.data().ticket(ticketId);
    if (data.isEmpty()) {
      return false;
    }
    if (data.get().schemaVersion() != FORMAT) {
      return !CcStore.read(ticketId, context).held().isEmpty();
    }
    return mayHoldCcs(data.get());
  }

  /** The ticket version that last changed the list ({@code 0} without data). */
  public static long listChangedInVersion(String ticketId, PluginContext context) {
    Optional<PluginData> data = context.data().ticket(ticketId);
    if (data.isEmpty()) {
      return 0;
    }
    if (data.get().schemaVersion() != FORMAT) {
      return CcStore.read(ticketId, context).listChangedInVersion();
    }
    return data.get().value().path("listChangedInVersion").asLong(0);
  }

  /** The current CCs' contact ids in list order and the held ones, without an entry per CC. */
  public static CurrentCcs current(String ticketId, PluginContext context) {
    Optional<PluginData> data = context.data().ticket(ticketId);
    if (data.isEmpty()) {
      return CurrentCcs.NONE;
    }
    if (data.get().schemaVersion() != FORMAT) {
      TicketCcData full = CcStore.read(ticketId, context);
      List<String> ids = new ArrayList<>(full.entries().size());
      full.entries().forEach(e -> ids.add(e.contactId()));
      return new CurrentCcs(ids, full.held());
    }
    return current(data.get());
  }

  /** {@link #mayHoldCcs(String, PluginContext)} of data in format {@value #FORMAT}. */
  static boolean mayHoldCcs(PluginData data) {
    return !data.value().path("held").asText("").isEmpty();
  }

  /**
   * {@link #current(String, PluginContext)} of data in format {@value #FORMAT}: {@code cc} is runs
   * {@code id[,id…] source by at} separated by {@code ;}; malformed text fails as the codec's does.
   */
  static CurrentCcs current(PluginData data) {
    JsonNode value = data.value();
    String cc = value.path("cc").asText("");
    List<String> ids = new ArrayList<>();
    int start = 0;
    while (start < cc.length()) {
      int end = cc.indexOf(';', start);
      if (end < 0) {
        end = cc.length();
      }
      int afterId = cc.indexOf(' ', start);
      int afterSource = cc.indexOf(' ', afterId + 1);
      int afterBy = cc.indexOf(' ', afterSource + 1);
      if (afterId < 0 || afterSource < 0 || afterBy < 0 || afterBy >= end) {
        throw new IllegalStateException("malformed CC entry: " + cc.substring(start, end));
      }
      int id = start;
      while (id < afterId) {
        int idEnd = cc.indexOf(',', id);
        if (idEnd < 0 || idEnd > afterId) {
          idEnd = afterId;
        }
        ids.add(IdText.unescape(cc.substring(id, idEnd)));
        id = idEnd + 1;
      }
      start = end + 1;
    }
    String heldText = value.path("held").asText("");
    Set<String> held = Set.of();
    if (!heldText.isEmpty()) {
      Set<String> stored = new LinkedHashSet<>();
      for (String h : heldText.split(" ")) {
        if (!h.isEmpty()) {
          stored.add(IdText.unescape(h));
        }
      }
      stored.retainAll(new HashSet<>(ids));
      held = stored;
    }
    return new CurrentCcs(ids, held);
  }
}
