package dev.deskcc.api.settings;

/** JSON type of a setting's value; the host refuses other types with 400. */
public enum SettingType {
  BOOLEAN,
  TEXT,
  TEXT_LIST
}
