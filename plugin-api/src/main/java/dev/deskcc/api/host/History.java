package dev.deskcc.api.host;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ticket's audit log. Event types are UPPER_SNAKE; the host prefixes nothing, so a plugin
 * should pick names that say what happened ({@code CC_SKIPPED}).
 *
 * @since 1.0
 */
public interface History {

  /**
   * Records an event on the ticket with the change's actor and time (needs a writable context).
   *
   * @param detail a JSON object, or {@code null} for none
   * @since 1.0
   */
  void record(String ticketId, String type, JsonNode detail);
}
