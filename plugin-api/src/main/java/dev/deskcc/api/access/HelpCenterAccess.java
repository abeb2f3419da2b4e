package dev.deskcc.api.access;

import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.Ticket;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * Grants contacts other than the requester access to a ticket in the help center.
 *
 * <p>Called by the host on request threads whenever a contact reads, lists or acts on tickets;
 * must be cheap and side-effect free (read-only context). The host asks only about contacts who
 * are neither the requester nor restricted from the ticket: a restriction always wins, and a
 * contact nobody grants access gets 404.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface HelpCenterAccess extends ExtensionPoint {

  /**
   * @return the grant, or empty for no access through this plugin
   *
   * @since 1.0
   */
  Optional<AccessGrant> access(Ticket ticket, Contact contact, PluginContext context);
}
