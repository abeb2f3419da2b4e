package dev.deskcc.api.field;

import java.util.Objects;

/**
 * A ticket field a plugin contributes to a department: it appears on the department's tickets
 * (in {@code fields}) and in its layout.
 *
 * @param name the field's key in ticket JSON and layouts; lower camel case, unique on the host
 * @param lockedReason while non-{@code null}, the field cannot be removed from the layout, and
 *     this text says why; {@code null} for a removable field
 * @param visibleToContacts whether help-center users see the value
 * @param mergeChoice the choice the merge dialog offers for this field; {@code null} for none
 * @since 1.0
 */
public record FieldDefinition(
    String name,
    String label,
    String helpText,
    ValueType type,
    String lockedReason,
    boolean visibleToContacts,
    MergeChoice mergeChoice) {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public FieldDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(helpText, "helpText");
    Objects.requireNonNull(type, "type");
  }

  /**
   * Whether admins cannot remove the field from the layout ({@code lockedReason} is set).
   *
   * @since 1.0
   */
  public boolean locked() {
    return lockedReason != null;
  }
}
