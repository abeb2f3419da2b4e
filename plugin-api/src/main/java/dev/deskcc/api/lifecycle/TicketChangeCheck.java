package dev.deskcc.api.lifecycle;

import dev.deskcc.api.error.Verdict;
import dev.deskcc.api.host.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * Checks a ticket change before it is committed.
 *
 * <p>Called by the host on the request's thread (or a worker thread the host bounds with a
 * time-out), once per change, for every started plugin, in plugin-id order. The context is
 * writable: contacts created, plugin data written and history recorded here commit with the
 * change. Return {@link Verdict#refuse} to refuse it: everything, every plugin's writes included,
 * is rolled back and the refusal becomes the answer (422/409/403 by its kind).
 *
 * <p>An implementation must be fast, must not block on I/O, must not keep the context, and should
 * ignore events it has no interest in by returning {@link Verdict#accept()}. An exception, or not
 * returning within the host's time-out, fails the request with an error naming the plugin.
 *
 * <p><b>What is locked while a check runs.</b> Changes to different tickets run side by side
 * (on one node and across nodes sharing a database); the host locks at the grain of the work
 * until the change commits or rolls back:
 * <ul>
 *   <li>the event's ticket, and for {@link TicketsMerged} every ticket of the merge: no other
 *       change to them runs meanwhile, so a read-modify-write of the ticket's plugin data
 *       ({@code context.data().ticket(id)} then {@code putTicket}) cannot lose an update, and a
 *       rule checked against it (a cap, a uniqueness within the ticket) still holds at commit;
 *   <li>any other ticket whose data or record the check reads through the context: it is locked
 *       from that read on (reading it may wait for a change to it);
 *   <li>a department whose plugin data the check reads or writes ({@code
 *       context.data().department(id)}): changes reading it in that department take turns, so
 *       read it only where the rule needs it;
 *   <li>nothing else: settings, the directory and contacts are read as committed. A contact
 *       created through {@code context.contacts().findOrCreate} is one contact per address
 *       even when two changes create it at once.
 * </ul>
 * A check may therefore be called more than once for one change: when the transaction loses a
 * race it cannot win by waiting (a deadlock between two changes' locks, say) the host rolls it
 * back and runs the whole change again, calling the checks again on the fresh state. Only the
 * writes of the run that commits count; keep a check free of effects outside the context.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface TicketChangeCheck extends ExtensionPoint {

  /**
   * @param event never {@code null}
   * @param context never {@code null}; writable
   * @return never {@code null}
   * @since 1.0
   */
  Verdict check(TicketEvent event, PluginContext context);
}
