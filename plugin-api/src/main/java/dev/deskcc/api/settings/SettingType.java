package dev.deskcc.api.settings;

/**
 * JSON type of a setting's value; the host refuses other types with 400 {@code BAD_REQUEST}.
 *
 * @since 1.0
 */
public enum SettingType {
  /** {@code true} or {@code false}; rendered as a check box. */
  BOOLEAN,
  /** A JSON string; rendered as a text box. */
  TEXT,
  /** A JSON array of strings; rendered as a list editor. */
  TEXT_LIST,
  /**
   * One of the setting's {@link SettingDefinition#choices()}, as a JSON string; rendered as a
   * select. The host refuses a string outside the choices with 422 {@code INVALID_CHOICE} (a
   * non-string with 400 {@code BAD_REQUEST}), so a plugin reads only declared values. Needs
   * platform 1.2.0 ({@code Plugin-Requires: >=1.2.0}).
   *
   * @since 1.2
   */
  CHOICE
}
