package dev.deskcc.api.notify;

import dev.deskcc.api.host.PluginContext;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Adds or withholds recipients of the mail the host sends.
 *
 * <p>Called by the host inside the change's transaction, after every check accepted it and
 * before commit, once per message, for every started plugin. The context is writable (a plugin may
 * record history) and sees the change's state. An exception fails the request naming the plugin,
 * as in a check.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface RecipientContributor extends ExtensionPoint {

  /**
   * @return never {@code null}; empty for no opinion
   *
   * @since 1.0
   */
  List<RecipientDecision> recipients(Notification notification, PluginContext context);
}
