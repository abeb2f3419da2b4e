package dev.deskcc.api.notify;

import dev.deskcc.api.lifecycle.TicketEvent;
import dev.deskcc.api.model.EmailAddress;
import java.util.List;
import java.util.Objects;

/**
 * One message the host is about to send for a change, with the recipients the host chose itself
 * (the requester, and the addresses a reply named). Plugins add or withhold recipients.
 *
 * @param cause the change that causes the message (its ticket is the ticket as changed)
 * @param ratingInvite whether the message invites a happiness rating
 * @param to the host's own To recipients
 * @param cc the host's own Cc recipients
 * @since 1.0
 */
public record Notification(
    OutboundEvent event, TicketEvent cause, boolean ratingInvite, List<EmailAddress> to, List<EmailAddress> cc) {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public Notification {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(cause, "cause");
    to = List.copyOf(to);
    cc = List.copyOf(cc);
  }
}
