package dev.deskcc.cc.settings;

import java.util.Arrays;
import java.util.Optional;

/**
 * What happens to CCs that mail from an unknown sender adds (setting {@value
 * CcSettings#MAIL_FROM_UNKNOWN_SENDERS}). A sender is <em>known</em> on a ticket when an agent has
 * already answered on it and the sender is its requester or one of its CCs who is not held
 * themselves; everyone else, and every sender of a new ticket, is unknown.
 *
 * <p>Why: anyone can write to a support address with twenty strangers in {@code Cc}. If those
 * strangers were notified at once, every notification (its subject is the ticket's subject, its
 * text the customer's words) would carry the sender's text to them: the desk would relay spam.
 */
public enum MailSenderPolicy {

  /**
   * The CCs are recorded on the ticket but receive nothing until an agent replies on it: an agent
   * has then looked at the ticket and answers in their own words. The safe default.
   */
  HOLD_CCS,

  /** The CCs are notified at once, like every other CC (the desk can then relay a stranger's text). */
  NOTIFY_CCS;

  /** The policy named {@code text}, exactly as written, if there is one. */
  public static Optional<MailSenderPolicy> parse(String text) {
    return Arrays.stream(values()).filter(p -> p.name().equals(text)).findFirst();
  }
}
