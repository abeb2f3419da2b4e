package dev.deskcc.api.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a ticket's conversation.
 *
 * @param authorEmail the author's address; {@code null} when the author has none
 * @param to for replies and mail: the addresses the message went (or came) to; empty otherwise
 * @param cc for replies and mail: the addresses copied; empty otherwise
 * @param editedAt {@code null} until the entry is edited
 * @since 1.0
 */
public record ThreadEntry(
    String id,
    EntryKind kind,
    boolean isPublic,
    Actor author,
    EmailAddress authorEmail,
    String content,
    List<EmailAddress> to,
    List<EmailAddress> cc,
    List<Attachment> attachments,
    Instant createdAt,
    Instant editedAt,
    boolean deleted) {
  public ThreadEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(content, "content");
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    attachments = List.copyOf(attachments);
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
