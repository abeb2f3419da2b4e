package dev.deskcc.sim.plugins;

import java.util.Objects;

/**
 * An extension instance of a started plugin.
 *
 * @param point the extension point it is used as
 */
public record PluginExtension<T>(String pluginId, Class<T> point, T extension) {
  public PluginExtension {
    Objects.requireNonNull(pluginId, "pluginId");
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(extension, "extension");
  }
}
