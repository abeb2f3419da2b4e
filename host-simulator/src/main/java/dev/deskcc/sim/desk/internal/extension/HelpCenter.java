package dev.deskcc.sim.desk.internal.extension;

import dev.deskcc.api.access.AccessGrant;
import dev.deskcc.api.access.HelpCenterAccess;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.sim.desk.internal.change.PluginCalls;
import dev.deskcc.sim.plugins.PluginExtension;
import dev.deskcc.sim.store.StoreReader;
import java.util.Optional;

/**
 * Who sees a ticket in the help center: the requester, else whom a started plugin grants access;
 * a restriction always wins, and so does a department without a help center.
 */
public final class HelpCenter {
  public static final String REQUESTER = "REQUESTER";

  private final PluginCalls plugins;

  public HelpCenter(PluginCalls plugins) {
    this.plugins = plugins;
  }

  public Optional<AccessGrant> access(StoreReader reader, Ticket ticket, Contact contact) {
    if (ticket.restrictedContactIds().contains(contact.id())) {
      return Optional.empty();
    }
    // contract v1.1: a department without a help center shows its tickets to no contact, requester
    // or CC; every contact path (list, read, reply, comment, rate) asks here, so all answer 404
    if (!reader.department(ticket.departmentId()).map(Department::helpCenter).orElse(false)) {
      return Optional.empty();
    }
    if (ticket.requesterId().equals(contact.id())) {
      return Optional.of(new AccessGrant(REQUESTER, true));
    }
    for (PluginExtension<HelpCenterAccess> ext : plugins.host().extensions(HelpCenterAccess.class)) {
      if (!plugins.active(ext.pluginId(), ticket.departmentId(), reader)) {
        continue;
      }
      Optional<AccessGrant> grant = plugins.read(ext, "ACCESS", null, reader,
          (a, ctx) -> a.access(ticket, contact, ctx));
      if (grant.isPresent()) {
        return grant;
      }
    }
    return Optional.empty();
  }
}
