package dev.deskcc.api.host;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The calling plugin's own data. A plugin sees only what it wrote: data is kept per plugin id.
 * Data survives the plugin being stopped, disabled or removed, and is there again when it comes
 * back.
 *
 * @since 1.0
 */
public interface PluginDataStore {

  /**
   * This plugin's data of the ticket, as of the change being made; empty if it never wrote any.
   *
   * @since 1.0
   */
  Optional<PluginData> ticket(String ticketId);

  /**
   * Writes the ticket's data (needs a writable context). Returns what is now stored.
   *
   * @since 1.0
   */
  PluginData putTicket(String ticketId, int schemaVersion, JsonNode value);

  /**
   * This plugin's data of the department; empty if it never wrote any.
   *
   * @since 1.0
   */
  Optional<PluginData> department(String departmentId);

  /**
   * Writes the department's data (needs a writable context). Returns what is now stored.
   *
   * @since 1.0
   */
  PluginData putDepartment(String departmentId, int schemaVersion, JsonNode value);
}
