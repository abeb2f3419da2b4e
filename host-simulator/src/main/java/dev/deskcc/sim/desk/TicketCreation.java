package dev.deskcc.sim.desk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.lifecycle.TicketCreated;
import dev.deskcc.api.model.Agent;
import dev.deskcc.api.model.Channel;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.model.TicketStatus;
import dev.deskcc.sim.store.StoreTx;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** New tickets from agents (with a requester) and from the help center (the contact is the requester). */
final class TicketCreation {
  private final DeskParts parts;

  TicketCreation(DeskParts parts) {
    this.parts = parts;
  }

  TicketView create(Caller caller, CreateTicketRequest request) {
    if (request == null) {
      throw DeskException.badRequest("a ticket is required");
    }
    if (request.departmentId() == null) {
      throw DeskException.badRequest("departmentId is required");
    }
    if (request.subject() == null || request.subject().isBlank()) {
      throw DeskException.badRequest("subject is required");
    }
    // Parsed before the store's write lock (it needs no state); a bad address is still refused at its
    // place in the order of checks below, after the department and the caller's rights.
    Requester requesterInput = caller.isContact() ? null : Requester.of(request.requester());
    return parts.lifecycle().run(caller.actor(), change -> {
      StoreTx tx = change.tx();
      Department dept = tx.department(request.departmentId())
          .orElseThrow(() -> DeskException.invalid("UNKNOWN_DEPARTMENT", "no department " + request.departmentId()));
      Contact requester;
      Channel channel;
      if (caller.isContact()) {
        if (!dept.helpCenter()) {
          throw DeskException.invalid("HELP_CENTER_UNAVAILABLE", "department " + dept.name() + " has no help center");
        }
        requester = Access.me(tx, caller);
        channel = Channel.HELP_CENTER;
      } else {
        Agent agent = Access.agent(tx, caller);
        if (!Access.mayWork(agent, dept.id())) {
          throw DeskException.forbidden("you are not an agent of department " + dept.name());
        }
        requester = Contacts.findOrCreate(tx, requesterInput.address(), request.requester().name());
        channel = Channel.AGENT;
      }
      Map<String, JsonNode> fields = request.fields() == null ? Map.of() : request.fields();
      parts.fields().requireKnown(tx, dept.id(), fields);
      Ticket ticket = new Ticket(tx.newId("t"), tx.nextTicketNumber(), dept.id(), request.subject().strip(),
          TicketStatus.OPEN, channel, requester.id(), List.of(), 1, null, Set.of(), change.now());
      tx.putTicket(ticket, request.description() == null ? "" : request.description());
      parts.changes().history(change, ticket.id(), "TICKET_CREATED", Details.obj("channel", channel.name()));
      parts.changes().process(change, new TicketCreated(ticket, change.actor(), fields));
      return ticket.id();
    }, (committed, ticketId) -> parts.views().renderer(committed).render(committed.ticket(ticketId).orElseThrow(),
        caller.isContact(), caller.isContact() ? HelpCenter.REQUESTER : null));
  }

  /** The requester an agent named, parsed; or the refusal, kept for its turn among the checks. */
  private record Requester(EmailAddress parsed, DeskException refusal) {
    static Requester of(RequesterInput input) {
      if (input == null || input.email() == null) {
        return new Requester(null, DeskException.badRequest("requester.email is required"));
      }
      try {
        return new Requester(RecipientLists.parseOr422(input.email(), "INVALID_REQUESTER"), null);
      } catch (DeskException e) {
        return new Requester(null, e);
      }
    }

    EmailAddress address() {
      if (refusal != null) {
        throw refusal;
      }
      return parsed;
    }
  }
}
