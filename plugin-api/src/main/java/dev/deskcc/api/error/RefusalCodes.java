package dev.deskcc.api.error;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Declares the refusal codes a plugin may answer with, so that the host's published API reference
 * lists them under the routes that run plugin checks (a client generated from it then knows them).
 *
 * <p>Called by the host on any thread, when the plugin starts and whenever the reference is built
 * again; it is not called while a change runs. Must be cheap, free of side effects and return the
 * same list every time. A code the plugin refuses with but does not declare still reaches the
 * caller; it is only missing from the reference. An exception leaves the plugin's codes out of the
 * reference (the host logs it) and does not stop the plugin.
 *
 * @since 1.2
 */
@FunctionalInterface
public interface RefusalCodes extends ExtensionPoint {

  /**
   * Every code the plugin's checks ({@link dev.deskcc.api.lifecycle.TicketChangeCheck}, {@link
   * dev.deskcc.api.settings.PluginSettings}) may refuse with.
   *
   * @return never {@code null}; no code twice
   * @since 1.2
   */
  List<RefusalCode> refusalCodes();
}
