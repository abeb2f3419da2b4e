package dev.deskcc.sim.desk.internal.operation;

import dev.deskcc.api.access.AccessGrant;
import dev.deskcc.api.lifecycle.RatingSubmitted;
import dev.deskcc.api.model.Rating;
import dev.deskcc.api.model.RatingMode;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.model.TicketStatus;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.ProblemCode;
import dev.deskcc.sim.desk.RatingList;
import dev.deskcc.sim.desk.RatingRequest;
import dev.deskcc.sim.desk.RatingView;
import dev.deskcc.sim.desk.internal.change.Details;
import dev.deskcc.sim.desk.internal.extension.Access;
import dev.deskcc.sim.store.StoreReader;
import dev.deskcc.sim.store.StoreTx;

/**
 * Ratings: contacts the help center lets rate do so while the department's rating mode has the
 * ticket open to rating (every reply: once an agent replied; on close: once closed); agents read them.
 */
public final class Ratings {
  private final DeskParts parts;

  public Ratings(DeskParts parts) {
    this.parts = parts;
  }

  public RatingView rate(Caller caller, String ticketId, RatingRequest request) {
    if (!caller.isContact()) {
      throw DeskException.forbidden("only contacts rate tickets");
    }
    if (request == null || request.rating() == null) {
      throw DeskException.badRequest("rating is required");
    }
    return parts.lifecycle().run(caller.actor(), change -> {
      StoreTx tx = change.tx();
      Access.Seen seen = parts.access().see(tx, caller, ticketId);
      Ticket t = seen.ticket();
      if (!seen.grant().map(AccessGrant::mayRate).orElse(false)) {
        throw DeskException.forbidden("you may see this ticket but not rate it");
      }
      RatingMode mode = tx.department(t.departmentId()).orElseThrow().ratingMode();
      if (!openToRating(mode, t)) {
        throw new DeskException(ProblemCode.RATING_NOT_OPEN, "the ticket is not open to rating (" + mode + ")");
      }
      Rating rating = new Rating(tx.newId("r"), request.rating(), request.comment(), caller.id(), change.now());
      tx.addRating(t.id(), rating);
      Ticket updated = TicketEdits.copy(t, t.thread(), t.status(), t.mergedInto(), t.restrictedContactIds());
      tx.putTicket(updated);
      parts.changes().history(change, t.id(), "RATED", Details.obj("rating", rating.rating().name()));
      parts.changes().process(change, new RatingSubmitted(updated, change.actor(), rating));
      return Views.rating(tx, rating);
    });
  }

  public RatingList ratings(Caller caller, String ticketId) {
    parts.access().requireAgentOrHide(caller, ticketId);
    StoreReader r = parts.lifecycle().reader();
    Ticket t = parts.access().see(r, caller, ticketId).ticket();
    return new RatingList(r.ratings(t.id()).stream().map(x -> Views.rating(r, x)).toList());
  }

  private static boolean openToRating(RatingMode mode, Ticket t) {
    return switch (mode) {
      case OFF -> false;
      case EVERY_REPLY -> t.hasAgentReply();
      case ON_CLOSE -> t.status() == TicketStatus.CLOSED;
    };
  }
}
