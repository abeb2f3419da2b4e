package dev.deskcc.sim.desk;

import jakarta.annotation.Nullable;
import dev.deskcc.api.field.FieldDefinition;
import dev.deskcc.api.field.MergeChoice;
import dev.deskcc.api.field.ValueType;

/**
 * A ticket field as a layout (and a generic UI) shows it; {@code plugin} is {@code null} for the
 * host's own fields. Beyond the contract's {@code name, label, locked, plugin}: the definition a
 * plugin published, so a UI renders the field without knowing it.
 *
 * @param lockedReason why it cannot leave the layout; {@code null} while removable
 * @param mergeChoice the merge dialog's choice for it; {@code null} for none
 */
public record LayoutFieldView(
    String name,
    String label,
    boolean locked,
    @Nullable String plugin,
    String helpText,
    ValueType type,
    @Nullable String lockedReason,
    boolean visibleToContacts,
    @Nullable MergeChoice mergeChoice) {

  /** One of the host's own fields (text, no merge choice). */
  public static LayoutFieldView host(String name, String label, boolean locked, String lockedReason) {
    return new LayoutFieldView(name, label, locked, null, "", ValueType.TEXT, lockedReason, true, null);
  }

  /** A field a plugin contributes, as its definition says. */
  public static LayoutFieldView of(FieldDefinition d, String pluginId) {
    return new LayoutFieldView(d.name(), d.label(), d.locked(), pluginId, d.helpText(), d.type(), d.lockedReason(),
        d.visibleToContacts(), d.mergeChoice());
  }
}
