package dev.deskcc.api.field;

/**
 * How a generic UI renders and edits a field's value.
 *
 * <p>{@link #ADDRESS_LIST}: the value is a JSON array of objects with at least {@code email} and
 * {@code name} (plus any provenance members the plugin adds, such as {@code source}, {@code
 * addedBy}, {@code addedAt}); input is an array of address strings ({@code "Ann <ann@x.org>"}) or
 * {@code {"contactId": "…"}} objects, and replaces the whole list.
 *
 * @since 1.0
 */
public enum ValueType {
  TEXT,
  NUMBER,
  BOOLEAN,
  TEXT_LIST,
  ADDRESS_LIST
}
