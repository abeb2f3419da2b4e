package dev.deskcc.sim.desk.internal.extension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.settings.PluginSettings;
import dev.deskcc.api.settings.SettingDefinition;
import dev.deskcc.api.settings.SettingsDescriptor;
import dev.deskcc.sim.plugins.PluginExtension;
import dev.deskcc.sim.plugins.PluginHost;
import dev.deskcc.sim.plugins.SettingsSource;
import dev.deskcc.sim.store.StoreReader;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plugin settings as plugins see them: the declared defaults with the stored values over them.
 * Descriptors are cached per extension instance (a plugin must describe itself the same way every
 * time), so the hot path does not call the plugin.
 */
public final class SettingsDefaults implements SettingsSource {
  private final PluginHost host;
  private final Map<Object, SettingsDescriptor> descriptors = new ConcurrentHashMap<>();

  public SettingsDefaults(PluginHost host) {
    this.host = host;
  }

  Optional<PluginExtension<PluginSettings>> extension(String pluginId) {
    return host.extension(pluginId, PluginSettings.class);
  }

  /** The plugin's descriptor, if it is started and has settings. */
  Optional<SettingsDescriptor> descriptor(String pluginId) {
    return extension(pluginId).map(ext -> descriptors.computeIfAbsent(ext.extension(),
        e -> host.call(ext, "SETTINGS", null, PluginSettings::describe)));
  }

  @Override
  public ObjectNode settings(StoreReader reader, String departmentId, String pluginId) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    descriptor(pluginId).ifPresent(d -> {
      for (SettingDefinition s : d.settings()) {
        out.set(s.name(), s.defaultValue().deepCopy());
      }
    });
    reader.pluginSettings(departmentId, pluginId).ifPresent(stored ->
        stored.properties().forEach(f -> out.set(f.getKey(), f.getValue().deepCopy())));
    return out;
  }

  /** Reads the switch's one value (stored, else declared default) without copying anything. */
  @Override
  public boolean active(StoreReader reader, String departmentId, String pluginId) {
    Optional<SettingsDescriptor> descriptor = descriptor(pluginId);
    if (descriptor.isEmpty() || descriptor.get().activeWhen() == null) {
      return true;
    }
    String name = descriptor.get().activeWhen();
    JsonNode value = reader.pluginSettings(departmentId, pluginId).map(stored -> stored.get(name)).orElse(null);
    if (value == null) {
      value = descriptor.get().settings().stream().filter(s -> s.name().equals(name)).findFirst()
          .map(SettingDefinition::defaultValue).orElse(null);
    }
    return value != null && value.isBoolean() && value.booleanValue();
  }
}
