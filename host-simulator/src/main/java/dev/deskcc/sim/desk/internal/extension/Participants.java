package dev.deskcc.sim.desk.internal.extension;

import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.participant.TicketParticipants;
import dev.deskcc.sim.desk.internal.change.Change;
import dev.deskcc.sim.desk.internal.change.PluginCalls;
import dev.deskcc.sim.plugins.PluginExtension;
import dev.deskcc.sim.store.StoreReader;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who takes part in a ticket: its requester, an agent of its department, or whom an active
 * plugin names ({@link TicketParticipants}). The one rule behind "a ticket number alone is no
 * key": mail that names a ticket only by {@code [#number]} threads into it for these people only.
 */
public final class Participants {
  private final PluginCalls plugins;

  public Participants(PluginCalls plugins) {
    this.plugins = plugins;
  }

  /** Whether {@code sender} takes part in {@code ticket}, as the change sees both. */
  public boolean includes(Change change, Ticket ticket, Contact sender) {
    if (ticket.requesterId().equals(sender.id())) {
      return true;
    }
    boolean agentOfDepartment = sender.address()
        .flatMap(a -> change.tx().agentByAddress(a))
        .filter(agent -> Access.mayWork(agent, ticket.departmentId()))
        .isPresent();
    if (agentOfDepartment) {
      return true;
    }
    for (PluginExtension<TicketParticipants> ext : plugins.host().extensions(TicketParticipants.class)) {
      if (!plugins.active(ext.pluginId(), ticket.departmentId(), change)) {
        continue;
      }
      Boolean yes = plugins.read(ext, "PARTICIPANTS", null, change.tx(), change.settings(),
          (p, ctx) -> p.participates(ticket, sender, ctx));
      if (yes) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whom the active plugins have the host mail about {@code ticket} now, as committed ({@link
   * TicketParticipants#mailedAbout}): what agents are shown of the people the desk mails.
   */
  public Set<EmailAddress> mailedAbout(StoreReader reader, Ticket ticket) {
    Set<EmailAddress> out = new LinkedHashSet<>();
    for (PluginExtension<TicketParticipants> ext : plugins.host().extensions(TicketParticipants.class)) {
      if (plugins.active(ext.pluginId(), ticket.departmentId(), reader)) {
        out.addAll(plugins.read(ext, "PARTICIPANTS", null, reader, (p, ctx) -> p.mailedAbout(ticket, ctx)));
      }
    }
    return out;
  }
}
