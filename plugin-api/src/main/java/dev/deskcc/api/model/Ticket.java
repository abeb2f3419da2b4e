package dev.deskcc.api.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A ticket as the host holds it, without plugin-owned field values (those live in plugin data).
 *
 * @param subject a single line ({@link SingleLine})
 * @param requesterId the requester contact's id
 * @param version grows by one with every committed change
 * @param mergedInto the target ticket's id once {@link TicketStatus#MERGED}, else {@code null}
 * @param restrictedContactIds contacts barred from this ticket in the help center
 * @since 1.0
 */
public record Ticket(
    String id,
    long number,
    String departmentId,
    String subject,
    TicketStatus status,
    Channel channel,
    String requesterId,
    List<ThreadEntry> thread,
    long version,
    String mergedInto,
    Set<String> restrictedContactIds,
    Instant createdAt) {
  public Ticket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(departmentId, "departmentId");
    Objects.requireNonNull(subject, "subject");
    subject = SingleLine.of(subject);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(requesterId, "requesterId");
    thread = List.copyOf(thread);
    restrictedContactIds = Set.copyOf(restrictedContactIds);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * The thread entry with this id, if the ticket has it.
   *
   * @since 1.0
   */
  public Optional<ThreadEntry> entry(String entryId) {
    return thread.stream().filter(e -> e.id().equals(entryId)).findFirst();
  }

  /**
   * Whether an agent has replied publicly on this ticket.
   *
   * @since 1.0
   */
  public boolean hasAgentReply() {
    return thread.stream().anyMatch(e -> e.kind() == EntryKind.REPLY && e.author().isAgent());
  }
}
