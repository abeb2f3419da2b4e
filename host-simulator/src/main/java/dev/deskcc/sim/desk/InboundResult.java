package dev.deskcc.sim.desk;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What became of an inbound message: threaded into or created {@code ticketId}, or {@code
 * dropped} with a code (then the other members are {@code null}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InboundResult(String ticketId, Boolean created, String entryId, String dropped) {
  public static InboundResult taken(String ticketId, boolean created, String entryId) {
    return new InboundResult(ticketId, created, entryId, null);
  }

  public static InboundResult dropped(DroppedMail reason) {
    return new InboundResult(null, null, null, reason.name());
  }
}
