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
    boolean ratingInvite) {

  public OutgoingMail {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(messageId, "messageId");
    to = List.copyOf(to);
    cc = cc == null ? List.of() : List.copyOf(cc);
    subject = subject == null ? "" : subject;
    textBody = textBody == null ? "" : textBody;
    references = references == null ? List.of() : List.copyOf(references);
  }
}
