package dev.deskcc.sim.desk.internal.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.lifecycle.FieldsUpdated;
import dev.deskcc.api.lifecycle.TicketClosed;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.model.TicketStatus;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.PatchTicketRequest;
import dev.deskcc.sim.desk.ProblemCode;
import dev.deskcc.sim.desk.TicketView;
import dev.deskcc.sim.desk.internal.change.Details;
import dev.deskcc.sim.desk.internal.change.TicketChanges;
import dev.deskcc.sim.desk.internal.extension.FieldCatalog;
import dev.deskcc.sim.store.StoreTx;
import java.util.List;
import java.util.Map;

/** Ticket details: replacing plugin-field values and/or closing, with an optional expected version. */
public final class TicketDetails {
  private final DeskParts parts;

  public TicketDetails(DeskParts parts) {
    this.parts = parts;
  }

  public TicketView patch(Caller caller, String ticketId, PatchTicketRequest request, Long expectedVersion) {
    parts.access().requireAgentOrHide(caller, ticketId);
    if (request == null) {
      throw DeskException.badRequest("a body is required");
    }
    requireNoNullField(request);
    TicketChanges changes = parts.changes();
    return parts.lifecycle().run(caller.actor(), change -> {
      StoreTx tx = change.tx();
      Ticket t = parts.access().see(tx, caller, ticketId).ticket();
      if (expectedVersion != null && expectedVersion != t.version()) {
        throw new DeskException(ProblemCode.VERSION_CONFLICT, "the ticket is at version " + t.version()
            + ", not " + expectedVersion);
      }
      if (request.status() != null && request.status() != TicketStatus.CLOSED && request.status() != t.status()) {
        throw new DeskException(ProblemCode.UNSUPPORTED_STATUS, "a ticket can only be set to CLOSED here");
      }
      TicketChanges.requireNotMerged(t);
      Map<String, JsonNode> fields = request.fields() == null ? Map.of() : request.fields();
      parts.fields().requireKnown(tx, t.departmentId(), fields);
      if (!fields.isEmpty()) {
        Ticket updated = TicketEdits.copy(t, t.thread(), t.status(), t.mergedInto(), t.restrictedContactIds());
        // the fields' owners decide what a value means, so "nothing changed" is judged on the values
        // they show before and after: a PATCH that changes nothing makes no version and no event
        List<FieldCatalog.Contributed> defs = parts.fields().contributed(tx, t.departmentId());
        Map<String, JsonNode> before = parts.fields().values(tx, t, false, defs);
        changes.process(change, new FieldsUpdated(updated, change.actor(), fields));
        if (!parts.fields().values(tx, updated, false, defs).equals(before)) {
          tx.putTicket(updated);
          changes.history(change, t.id(), "FIELDS_UPDATED", Details.namesDetail(fields.keySet()));
          t = updated;
        }
      }
      if (request.status() == TicketStatus.CLOSED && t.status() != TicketStatus.CLOSED) {
        Ticket closed = TicketEdits.copy(t, t.thread(), TicketStatus.CLOSED, null, t.restrictedContactIds());
        tx.putTicket(closed);
        changes.statusChange(change, t, TicketStatus.CLOSED);
        changes.process(change, new TicketClosed(closed, change.actor()));
      }
      return ticketId;
    }, (committed, id) -> parts.views().renderer(committed).render(committed.ticket(id).orElseThrow(), false, null));
  }

  /**
   * {@code null} is no field's value (contract v1.1: {@code "cc": null} is 400): a client that
   * means "empty" sends the empty value, and a null that slipped into a request changes nothing.
   */
  private static void requireNoNullField(PatchTicketRequest request) {
    if (request.fields() == null) {
      return;
    }
    request.fields().forEach((name, value) -> {
      if (value == null || value.isNull()) {
        throw DeskException.badRequest("field '" + name + "' cannot be null; send its empty value to clear it");
      }
    });
  }
}
