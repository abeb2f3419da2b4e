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
 */
@FunctionalInterface
public interface TicketChangeCheck extends ExtensionPoint {

  /**
   * @param event never {@code null}
   * @param context never {@code null}; writable
   * @return never {@code null}
   */
  Verdict check(TicketEvent event, PluginContext context);
}
