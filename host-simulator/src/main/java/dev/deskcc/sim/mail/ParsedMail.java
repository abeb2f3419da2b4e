package dev.deskcc.sim.mail;

import dev.deskcc.api.lifecycle.InboundMail;
import dev.deskcc.api.lifecycle.InboundMail.InvalidRecipient;
import dev.deskcc.api.model.EmailAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host needs from one inbound message, already decoded.
 *
 * @param from the author (never null: a message without a valid From is refused)
 * @param to the To mailboxes that parsed; invalid ones are left out
 * @param cc the Cc mailboxes that parsed; invalid ones are left out
 * @param invalidRecipients the To and Cc addresses that are not valid, as written, each with its
 *     position among all To-then-Cc addresses taken in (as {@link InboundMail} carries them)
 * @param envelopeRecipients the mailboxes named by Delivered-To and X-Original-To
 * @param subject decoded subject, empty when missing
 * @param messageId the Message-ID as in the header, angle brackets included; may be {@code null}
 * @param references In-Reply-To ids, then References ids, without duplicates, brackets kept
 * @param autoSubmitted true for automated mail: Auto-Submitted other than "no" in any instance,
 *     Precedence bulk, junk or list, a List-Id, or an empty Return-Path
 * @param textBody the plain-text body (HTML turned into text when there is no plain part)
 * @param attachments files and inline images
 * @param report what a delivery status notification ({@code multipart/report;
 *     report-type=delivery-status}) says: a bounce or another report about mail the desk sent;
 *     {@code null} for any other message (read it through {@link #deliveryReport()})
 */
public record ParsedMail(
    EmailAddress from,
    List<EmailAddress> to,
    List<EmailAddress> cc,
    List<InvalidRecipient> invalidRecipients,
    List<EmailAddress> envelopeRecipients,
    String subject,
    String messageId,
    List<String> references,
    boolean autoSubmitted,
    String textBody,
    List<MailAttachment> attachments,
    DeliveryReport report) {

  public ParsedMail {
    Objects.requireNonNull(from, "from");
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    invalidRecipients = List.copyOf(invalidRecipients);
    envelopeRecipients = List.copyOf(envelopeRecipients);
    subject = subject == null ? "" : subject;
    references = List.copyOf(references);
    textBody = textBody == null ? "" : textBody;
    attachments = List.copyOf(attachments);
  }

  /** The delivery report this message is; empty when it is no delivery status notification. */
  public Optional<DeliveryReport> deliveryReport() {
    return Optional.ofNullable(report);
  }
}
