package dev.deskcc.api.lifecycle;

import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.ThreadEntry;
import dev.deskcc.api.model.Ticket;
import java.util.Objects;

/**
 * An agent replied from the reply editor. The entry's {@code to}/{@code cc} are filled in with
 * the message's actual recipients once recipients are gathered.
 *
 * @param to the editor's To list as given; absent means the requester
 * @param cc the editor's Cc list as given; absent means the host's default
 * @since 1.0
 */
public record AgentReplied(Ticket ticket, Actor actor, ThreadEntry entry, RecipientInput to, RecipientInput cc)
    implements TicketEvent {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public AgentReplied {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(cc, "cc");
  }
}
