package dev.deskcc.api.lifecycle;

import dev.deskcc.api.host.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * Reacts to a ticket change after it has been committed.
 *
 * <p>Called by the host after the change's answer is decided, for every started plugin, with a
 * read-only context that sees the committed state. It cannot undo the change. An exception or a
 * time-out is logged with the plugin's id and otherwise ignored: a failing reaction never fails
 * the request nor stops other plugins' reactions.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface TicketChangeReaction extends ExtensionPoint {

  /**
   * @param event never {@code null}; the committed change
   * @param context never {@code null}; read-only
   * @since 1.0
   */
  void react(TicketEvent event, PluginContext context);
}
