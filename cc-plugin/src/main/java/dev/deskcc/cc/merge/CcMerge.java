package dev.deskcc.cc.merge;

import dev.deskcc.cc.added.AddedNotice;
import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.cc.refusal.CcRefusal;
import dev.deskcc.api.error.Verdict;
import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.lifecycle.TicketsMerged;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.cc.address.CcLimit;
import dev.deskcc.cc.address.CcListRules;
import dev.deskcc.cc.settings.CcSettings;
import dev.deskcc.cc.store.AddedAt;
import dev.deskcc.cc.store.AddedBy;
import dev.deskcc.cc.store.CcEntry;
import dev.deskcc.cc.store.CcSource;
import dev.deskcc.cc.store.CcStore;
import dev.deskcc.cc.store.TicketCcData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries CCs over when tickets are merged, as the merge request's {@code ccFrom} choice asks.
 *
 * <p>{@code ccFrom} names the ticket (target or one of the sources) whose CC list the merged ticket
 * keeps, or {@code ALL} for the union (target first, then the sources in request order); left out
 * it is the target. A CC already on the target keeps its provenance; one that reaches it only
 * through the merge gets {@code source: MERGE}, added by the merging agent. The target's requester
 * cannot be its CC: if a chosen list holds them, they are left out silently (they stay the
 * requester, and merging is not refused for it).
 */
public final class CcMerge {

  /** The merge choice's key, as {@link dev.deskcc.api.field.MergeChoice#key()}. */
  public static final String CHOICE = "ccFrom";

  static final String ALL = "ALL";

  private CcMerge() {}

  public static Verdict check(TicketsMerged event, CcSettings settings, PluginContext context) {
    Ticket target = event.ticket();
    JsonNode choice = event.choices().get(CHOICE);
    Map<String, Ticket> tickets = new LinkedHashMap<>();
    tickets.put(target.id(), target);
    event.sources().forEach(s -> tickets.putIfAbsent(s.id(), s));

    List<String> chosen;
    if (choice == null || choice.isNull()) {
      chosen = List.of(target.id());
    } else if (choice.isTextual() && choice.asText().equals(ALL)) {
      chosen = List.copyOf(tickets.keySet());
    } else if (choice.isTextual() && tickets.containsKey(choice.asText())) {
      chosen = List.of(choice.asText());
    } else {
      return Verdict.refuse(
          CcRefusal.INVALID_CC_SOURCE.refusal("ccFrom must be the id of one of the merged tickets, or ALL; got " + choice));
    }

    TicketCcData before = CcStore.read(target.id(), context);
    String requesterKey =
        context.contacts().byId(target.requesterId()).flatMap(Contact::address).map(EmailAddress::key).orElse(null);
    AddedBy agent = AddedBy.of(event.actor());
    Instant now = AddedAt.now(context);

    Set<String> seen = new HashSet<>();
    List<CcEntry> merged = new ArrayList<>();
    for (String ticketId : chosen) {
      List<CcEntry> list = ticketId.equals(target.id()) ? before.entries() : CcStore.read(ticketId, context).entries();
      for (CcEntry entry : list) {
        if (entry.contactId().equals(target.requesterId()) || entry.key().equals(requesterKey)) {
          continue;
        }
        if (!seen.add(entry.key()) || !seen.add("id:" + entry.contactId())) {
          continue;
        }
        CcEntry onTarget = before.find(entry.key(), entry.contactId()).orElse(null);
        merged.add(
            onTarget != null
                ? onTarget
                : entry.withProvenance(CcSource.MERGE, agent, now));
      }
    }
    if (merged.size() > CcLimit.MAX_PER_TICKET) {
      return Verdict.refuse(CcListRules.limitExceeded(merged.size()));
    }
    TicketCcData after = before.withEntries(merged, target.version());
    CcStore.write(target.id(), before, after, context);
    AddedNotice.tell(event, target, before, after, context);
    return Verdict.accept();
  }
}
