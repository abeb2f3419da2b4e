package dev.deskcc.api.lifecycle;

import dev.deskcc.api.model.EmailAddress;
import java.util.List;
import java.util.Objects;

/**
 * The facts of a received message that a plugin may act on; the host has parsed the MIME.
 *
 * @param messageId may be {@code null} when the message had none
 * @param automated the message is automatic: RFC 3834 {@code Auto-Submitted} other than {@code
 *     no} in any of its instances, {@code Precedence: bulk|junk|list}, a {@code List-Id}, or an
 *     empty {@code Return-Path}. It must not add people nor cause notifications to them. (Mail
 *     whose {@code From} is one of the desk's own addresses, and delivery reports, never reach
 *     plugins: the host drops them.)
 * @param addressedToDesk a support address is in {@code To} or {@code Cc} (false when the desk got
 *     it only as a {@code Bcc} or envelope recipient)
 */
public record InboundMail(
    EmailAddress from,
    List<EmailAddress> to,
    List<EmailAddress> cc,
    String subject,
    String messageId,
    boolean automated,
    boolean addressedToDesk) {
  /** Checks the components: a required one that is {@code null} is refused, lists are copied (immutable). */
  public InboundMail {
    Objects.requireNonNull(from, "from");
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    Objects.requireNonNull(subject, "subject");
  }
}
