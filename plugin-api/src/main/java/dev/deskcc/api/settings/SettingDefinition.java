package dev.deskcc.api.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Objects;

/**
 * One setting, as a settings screen shows it.
 *
 * <pre>{@code
 * SettingDefinition.choice("mailFromUnknownSenders", "Mail from unknown senders", "What happens to …",
 *     List.of("HOLD_CCS", "NOTIFY_CCS"), "HOLD_CCS")
 * }</pre>
 *
 * @param name the key in the settings JSON
 * @param label the screen's label
 * @param help one or two sentences under the label
 * @param type the JSON type of the value
 * @param defaultValue the value until an admin sets one; of {@code type} (for {@link
 *     SettingType#CHOICE}, one of {@code choices})
 * @param choices for {@link SettingType#CHOICE} the allowed values, in display order (at least
 *     one, no repeats); empty for every other type. In the plugin description JSON the key
 *     {@code "choices"} is present only for {@code CHOICE}. Since 1.2.
 * @since 1.0
 */
public record SettingDefinition(
    String name,
    String label,
    String help,
    SettingType type,
    JsonNode defaultValue,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> choices) {

  /**
   * @throws IllegalArgumentException when {@code choices} does not fit {@code type}, or a choice
   *     setting's default is not one of them
   * @since 1.2
   */
  public SettingDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    choices = choices == null ? List.of() : List.copyOf(choices);
    if (type == SettingType.CHOICE) {
      if (choices.isEmpty() || choices.stream().distinct().count() != choices.size()) {
        throw new IllegalArgumentException("choice setting '" + name + "' needs distinct choices, at least one");
      }
      if (!defaultValue.isTextual() || !choices.contains(defaultValue.textValue())) {
        throw new IllegalArgumentException(
            "choice setting '" + name + "': default " + defaultValue + " is not one of " + choices);
      }
    } else if (!choices.isEmpty()) {
      throw new IllegalArgumentException("setting '" + name + "' of type " + type + " takes no choices");
    }
  }

  /**
   * A setting of a type without choices (every type but {@link SettingType#CHOICE}), as in platform 1.0.
   *
   * @since 1.0
   */
  public SettingDefinition(String name, String label, String help, SettingType type, JsonNode defaultValue) {
    this(name, label, help, type, defaultValue, List.of());
  }

  /**
   * A {@link SettingType#CHOICE} setting.
   *
   * @since 1.2
   */
  public static SettingDefinition choice(
      String name, String label, String help, List<String> choices, String defaultChoice) {
    return new SettingDefinition(
        name, label, help, SettingType.CHOICE, JsonNodeFactory.instance.textNode(defaultChoice), choices);
  }

  /**
   * Whether {@code value} is a value of this setting's type (for {@link SettingType#CHOICE}: a
   * string, whichever); the host refuses other values with 400 {@code BAD_REQUEST}.
   *
   * @since 1.2
   */
  public boolean hasType(JsonNode value) {
    return switch (type) {
      case BOOLEAN -> value.isBoolean();
      case TEXT, CHOICE -> value.isTextual();
      case TEXT_LIST -> value.isArray() && allTextual(value);
    };
  }

  /**
   * Whether {@code value} is one of the allowed values: of the type, and for {@link
   * SettingType#CHOICE} one of {@link #choices()}.
   *
   * @since 1.2
   */
  public boolean allows(JsonNode value) {
    return hasType(value) && (type != SettingType.CHOICE || choices.contains(value.textValue()));
  }

  private static boolean allTextual(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isTextual()) {
        return false;
      }
    }
    return true;
  }
}
