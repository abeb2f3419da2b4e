package dev.deskcc.sim.desk;

import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * One message the host sent, as {@code /sim/outbox} shows it. Addresses are bare addr-specs.
 *
 * @param delivery {@code PENDING}, {@code DELIVERED} or {@code FAILED} with the mail gateway
 *     (without a gateway every message stays {@code PENDING}: the outbox is where mail ends)
 * @param deliveryAttempts how many delivery attempts failed so far, or were made until delivered
 * @param deliveryError the last failed attempt's reason ({@code HTTP 503: …}, an I/O error), else
 *     {@code null}
 * @param unsubscribe address to unsubscribe URL, one per contact recipient (never agents)
 * @param privateRecipients the recipients (among {@code to}/{@code cc}) whose copy is addressed to
 *     them alone and whom no other copy shows (contract §6 private CCs)
 * @param html the HTML alternative of {@code body}; {@code null} for plain text (the host's own
 *     messages)
 */
public record OutboxMessageView(
    long seq,
    String ticketId,
    String event,
    String from,
    @Nullable String replyTo,
    List<String> to,
    List<String> cc,
    String subject,
    @Nullable String messageId,
    @Nullable String inReplyTo,
    List<String> references,
    boolean ratingInvite,
    String body,
    String delivery,
    int deliveryAttempts,
    @Nullable String deliveryError,
    Map<String, String> unsubscribe,
    List<String> privateRecipients,
    @Nullable String html) {

  /** The same message with each contact recipient's unsubscribe URL (contract §6). */
  public OutboxMessageView withUnsubscribe(Map<String, String> links) {
    return new OutboxMessageView(seq, ticketId, event, from, replyTo, to, cc, subject, messageId, inReplyTo,
        references, ratingInvite, body, delivery, deliveryAttempts, deliveryError,
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(links)), privateRecipients, html);
  }
}
