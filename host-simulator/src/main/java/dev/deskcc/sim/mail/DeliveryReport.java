package dev.deskcc.sim.mail;

import dev.deskcc.api.model.EmailAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a delivery status notification (RFC 3464; RFC 6533 for its UTF-8 form) says: which message
 * it reports on and what became of each recipient it names.
 *
 * <p>A report whose structure cannot be read is still a report, with no recipients and no
 * original id: the desk drops it either way, and only a readable one can mark a bounce.
 *
 * @param originalMessageId the reported message's Message-ID, angle brackets included, from the
 *     report's {@code text/rfc822-headers} or {@code message/rfc822} part; {@code null} when the
 *     report carries neither or the header is missing
 * @param recipients one entry per per-recipient block that names a valid Internet mail address, in
 *     the report's order, at most {@link MailParser#MAX_RECIPIENTS}; blocks naming only other
 *     address types (X.400, say) or no valid address are left out
 */
public record DeliveryReport(String originalMessageId, List<Recipient> recipients) {

  public DeliveryReport {
    recipients = List.copyOf(recipients);
  }

  /**
   * One per-recipient block.
   *
   * @param address the {@code Final-Recipient} (else the {@code Original-Recipient}) of type
   *     {@code rfc822} (or {@code utf-8} in a global report)
   * @param action what the reporting MTA did; {@link Action#UNKNOWN} for a missing or unknown value
   * @param actionText the {@code Action} value as written, lower case ({@code ""} when missing),
   *     so an unknown action stays distinguishable from another
   * @param status the {@code Status} code such as {@code 5.1.1} without comments; {@code null}
   *     when missing
   * @param diagnosticCode the {@code Diagnostic-Code} text after its type ({@code smtp;}),
   *     unfolded; {@code null} when missing
   */
  public record Recipient(
      EmailAddress address, Action action, String actionText, String status, String diagnosticCode) {

    public Recipient {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(action, "action");
      actionText = actionText == null ? "" : actionText;
    }
  }

  /** The {@code Action} field of a per-recipient block (RFC 3464 §2.3.3). */
  public enum Action {
    /** The message could not be delivered: a bounce. */
    FAILED,
    /** Not delivered yet; the MTA keeps trying. */
    DELAYED,
    /** Delivered to the recipient's mailbox. */
    DELIVERED,
    /** Passed on to a system that sends no reports. */
    RELAYED,
    /** Delivered and passed on to further addresses (a list or an alias). */
    EXPANDED,
    /** Missing, or a value RFC 3464 does not define; the record keeps the text. */
    UNKNOWN;

    /** The action a field's keyword (its value without comments) names, case-insensitive. */
    static Action of(String text) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "failed" -> FAILED;
        case "delayed" -> DELAYED;
        case "delivered" -> DELIVERED;
        case "relayed" -> RELAYED;
        case "expanded" -> EXPANDED;
        default -> UNKNOWN;
      };
    }
  }
}
