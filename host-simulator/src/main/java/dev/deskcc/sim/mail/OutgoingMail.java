package dev.deskcc.sim.mail;

import dev.deskcc.api.model.EmailAddress;
import java.util.List;
import java.util.Objects;

/**
 * One message in the outbox, as the host queued it.
 *
 * @param seq the outbox sequence number (the queue's key)
 * @param ticketId the ticket the message is about
 * @param event what caused it (e.g. the notification event name)
 * @param from sender mailbox
 * @param replyTo Reply-To mailbox; may be {@code null}
 * @param to To mailboxes
 * @param cc Cc mailboxes
 * @param subject subject line (line breaks are stripped when rendered)
 * @param textBody plain-text body
 * @param messageId Message-ID with angle brackets, e.g. {@code <uuid@domain>}
 * @param inReplyTo In-Reply-To id with brackets; may be {@code null}
 * @param references References ids with brackets
 * @param ratingInvite whether the message invites the requester to rate the ticket
 * @param htmlBody the HTML alternative of the body; {@code null} for plain text only (the host's
 *     own messages)
 * @param privateRecipients recipients (among {@code to} and {@code cc}) whose copy is addressed to
 *     them alone and whom no other copy shows (contract §6 private CCs); never {@code null}
 */
public record OutgoingMail(
    long seq,
    String ticketId,
    String event,
    EmailAddress from,
    EmailAddress replyTo,
    List<EmailAddress> to,
    List<EmailAddress> cc,
    String subject,
    String textBody,
    String messageId,
    String inReplyTo,
    List<String> references,
    boolean ratingInvite,
    String htmlBody,
    List<EmailAddress> privateRecipients) {

  /** A plain-text message every recipient's copy shows in full. */
  public OutgoingMail(long seq, String ticketId, String event, EmailAddress from, EmailAddress replyTo,
      List<EmailAddress> to, List<EmailAddress> cc, String subject, String textBody, String messageId,
      String inReplyTo, List<String> references, boolean ratingInvite) {
    this(seq, ticketId, event, from, replyTo, to, cc, subject, textBody, messageId, inReplyTo, references,
        ratingInvite, null, List.of());
  }

  public OutgoingMail {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(messageId, "messageId");
    to = List.copyOf(to);
    cc = cc == null ? List.of() : List.copyOf(cc);
    subject = subject == null ? "" : subject;
    textBody = textBody == null ? "" : textBody;
    references = references == null ? List.of() : List.copyOf(references);
    privateRecipients = privateRecipients == null ? List.of() : List.copyOf(privateRecipients);
  }

  /** Whether {@code address} (by {@link EmailAddress#key()}) gets a private copy. */
  public boolean isPrivate(EmailAddress address) {
    return privateRecipients.stream().anyMatch(p -> p.key().equals(address.key()));
  }

  /**
   * The To line {@code recipient}'s copy shows ({@code null} for the copy every non-private
   * recipient shares): a private recipient alone, else {@link #to()} without private recipients.
   */
  public List<EmailAddress> visibleTo(EmailAddress recipient) {
    if (recipient != null && isPrivate(recipient)) {
      return List.of(recipient);
    }
    return to.stream().filter(a -> !isPrivate(a)).toList();
  }

  /** The Cc line {@code recipient}'s copy shows: none for a private recipient, else the non-private CCs. */
  public List<EmailAddress> visibleCc(EmailAddress recipient) {
    if (recipient != null && isPrivate(recipient)) {
      return List.of();
    }
    return cc.stream().filter(a -> !isPrivate(a)).toList();
  }
}
