package dev.deskcc.sim.desk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.settings.SettingsDescriptor;

/**
 * A started plugin with settings, for one department: how a settings screen renders them (the
 * plugin's own descriptor) and their current values.
 */
public record DepartmentPluginView(String pluginId, String version, SettingsDescriptor descriptor, ObjectNode settings) {}
