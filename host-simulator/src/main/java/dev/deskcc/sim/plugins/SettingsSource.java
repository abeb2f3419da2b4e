package dev.deskcc.sim.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.sim.store.StoreReader;

/** Resolves a plugin's effective settings for a department: stored values over declared defaults. */
@FunctionalInterface
public interface SettingsSource {

  /** @return a fresh copy; never {@code null} */
  ObjectNode settings(StoreReader reader, String departmentId, String pluginId);

  /**
   * Whether the plugin is active in the department: it declares no switch ({@code
   * SettingsDescriptor.activeWhen}), or that boolean setting's effective value is {@code true}.
   * The host does not call an inactive plugin's lifecycle, recipient, field and help-center
   * extensions for the department. This default knows no switches: every plugin is active.
   */
  default boolean active(StoreReader reader, String departmentId, String pluginId) {
    return true;
  }
}
