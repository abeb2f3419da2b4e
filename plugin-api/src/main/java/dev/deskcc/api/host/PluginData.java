package dev.deskcc.api.host;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A plugin's data for one ticket or one department.
 *
 * @param schemaVersion the plugin's own format version, so a newer plugin can migrate what an
 *     older one wrote
 * @param value the plugin's JSON; the host stores it as given and never interprets it
 * @param revision grows by one with every write, for the plugin's own optimistic checks
 * @since 1.0
 */
public record PluginData(int schemaVersion, JsonNode value, long revision) {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public PluginData {
    Objects.requireNonNull(value, "value");
  }
}
