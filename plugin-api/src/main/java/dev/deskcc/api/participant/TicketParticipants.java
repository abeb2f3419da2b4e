package dev.deskcc.api.participant;

import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Ticket;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * Names the contacts a plugin makes part of a ticket's conversation: people the host does not
 * know as the ticket's own (its requester and the agents of its department), such as a CC
 * plugin's current and former CCs, or a watchers plugin's watchers.
 *
 * <p>The host asks when it must decide whether a message comes from someone who belongs on the
 * ticket: an inbound mail whose only link to a ticket is a {@code [#number]} in its subject
 * threads into that ticket only for its participants (anyone can type a number), and starts a
 * new ticket otherwise. The host asks only about contacts who are neither the ticket's requester
 * nor an agent of its department, and only plugins that are active in the ticket's department;
 * one plugin saying yes is enough.
 *
 * <p>Called on request threads, possibly inside a change (the context then sees the change's
 * state but is read-only). Must be cheap and free of side effects. An exception fails the request
 * naming the plugin, as in every other callback.
 *
 * @since 1.2
 */
@FunctionalInterface
public interface TicketParticipants extends ExtensionPoint {

  /**
   * Whether {@code contact} takes part in {@code ticket} through this plugin, now or in the past
   * (someone who was a participant may still answer the thread).
   *
   * @param ticket never {@code null}
   * @param contact never {@code null}; may be a contact the host just created for an unknown sender
   * @param context never {@code null}; read-only
   * @since 1.2
   */
  boolean participates(Ticket ticket, Contact contact, PluginContext context);

  /**
   * The addresses this plugin has the host mail about {@code ticket} now (a CC plugin's current
   * CCs), for what the host shows agents about the people it mails: whose mail is suppressed
   * (muted, bouncing) is listed for these as for the requester. Called when an agent reads a
   * ticket, outside any change, with the same threading and cost rules as {@link #participates}.
   * The default names nobody.
   *
   * @param ticket never {@code null}
   * @param context never {@code null}; read-only
   * @return never {@code null}; empty for nobody
   * @since 1.3
   */
  default Set<EmailAddress> mailedAbout(Ticket ticket, PluginContext context) {
    return Set.of();
  }
}
