package dev.deskcc.sim.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.sim.store.StoreReader;

/** Resolves a plugin's effective settings for a department: stored values over declared defaults. */
@FunctionalInterface
public interface SettingsSource {

  /** @return a fresh copy; never {@code null} */
  ObjectNode settings(StoreReader reader, String departmentId, String pluginId);
}
