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
    Map<String, String> unsubscribe) {

  /** The same message with each contact recipient's unsubscribe URL (contract §6). */
  public OutboxMessageView withUnsubscribe(Map<String, String> links) {
    return new OutboxMessageView(seq, ticketId, event, from, replyTo, to, cc, subject, messageId, inReplyTo,
        references, ratingInvite, body, delivery, deliveryAttempts, deliveryError,
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(links)));
  }
}
