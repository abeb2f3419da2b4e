package dev.deskcc.sim.desk.internal.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.error.ItemError;
import dev.deskcc.api.host.DeskAddressKind;
import dev.deskcc.api.lifecycle.TicketCreated;
import dev.deskcc.api.model.Agent;
import dev.deskcc.api.model.Channel;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.model.TicketStatus;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.CreateTicketRequest;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.ProblemCode;
import dev.deskcc.sim.desk.RequesterInput;
import dev.deskcc.sim.desk.TicketView;
import dev.deskcc.sim.desk.internal.change.Details;
import dev.deskcc.sim.desk.internal.change.RecipientLists;
import dev.deskcc.sim.desk.internal.extension.Access;
import dev.deskcc.sim.desk.internal.extension.HelpCenter;
import dev.deskcc.sim.store.StoreTx;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** New tickets from agents (with a requester) and from the help center (the contact is the requester). */
public final class TicketCreation {
  private final DeskParts parts;

  public TicketCreation(DeskParts parts) {
    this.parts = parts;
  }

  public TicketView create(Caller caller, CreateTicketRequest request) {
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
          .orElseThrow(() -> new DeskException(ProblemCode.UNKNOWN_DEPARTMENT, "no department " + request.departmentId()));
      Contact requester;
      Channel channel;
      if (caller.isContact()) {
        if (!dept.helpCenter()) {
          throw new DeskException(ProblemCode.HELP_CENTER_UNAVAILABLE, "department " + dept.name() + " has no help center");
        }
        requester = Access.me(tx, caller);
        channel = Channel.HELP_CENTER;
      } else {
        Agent agent = Access.agent(tx, caller);
        if (!Access.mayWork(agent, dept.id())) {
          throw DeskException.forbidden("you are not an agent of department " + dept.name());
        }
        EmailAddress address = requesterInput.address();
        refuseDeskAddress(tx, address, request.requester().email());
        requester = Contacts.findOrCreate(tx, address, request.requester().name());
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
        caller.isContact(), caller.isContact() ? HelpCenter.REQUESTER : null, caller.actor()));
  }

  /**
   * The desk's own support and from-addresses (any department's, plus-tagged forms included) are
   * never a requester: the desk would write to itself, and every reply would loop back in. 422
   * {@code REQUESTER_IS_DESK_ADDRESS} with one item whose code says which kind it is ({@code
   * SUPPORT_ADDRESS} or {@code FROM_ADDRESS}, as for CCs).
   */
  private static void refuseDeskAddress(StoreTx tx, EmailAddress address, String given) {
    tx.deskAddress(address).ifPresent(desk -> {
      String code = desk.kind() == DeskAddressKind.SUPPORT ? "SUPPORT_ADDRESS" : "FROM_ADDRESS";
      throw new DeskException(ProblemCode.REQUESTER_IS_DESK_ADDRESS, "the requester cannot be one of the desk's own addresses",
          List.of(new ItemError(given, code, "this is one of the desk's own addresses")));
    });
  }

  /** The requester an agent named, parsed; or the refusal, kept for its turn among the checks. */
  private record Requester(EmailAddress parsed, DeskException refusal) {
    static Requester of(RequesterInput input) {
      if (input == null || input.email() == null) {
        return new Requester(null, DeskException.badRequest("requester.email is required"));
      }
      try {
        return new Requester(RecipientLists.parseOr422(input.email(), ProblemCode.INVALID_REQUESTER), null);
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
