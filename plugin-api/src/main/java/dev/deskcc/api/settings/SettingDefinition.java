package dev.deskcc.api.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One setting, as a settings screen shows it.
 *
 * @param defaultValue the value until an admin sets one; of {@code type}
 */
public record SettingDefinition(String name, String label, String help, SettingType type, JsonNode defaultValue) {
  public SettingDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
  }
}
