package dev.deskcc.sim.desk;

import java.util.List;

/** One message the host sent, as {@code /sim/outbox} shows it. Addresses are bare addr-specs. */
public record OutboxMessageView(
    long seq,
    String ticketId,
    String event,
    String from,
    String replyTo,
    List<String> to,
    List<String> cc,
    String subject,
    String messageId,
    String inReplyTo,
    List<String> references,
    boolean ratingInvite,
    String body,
    String delivery) {}
