package dev.deskcc.api.settings;

import dev.deskcc.api.model.Edition;
import java.util.List;
import java.util.Objects;

/**
 * A plugin's per-department settings as a generic settings screen renders them.
 *
 * <p><b>The on/off switch ({@link #activeWhen()}, since platform 1.1.0).</b> A plugin that is
 * switched on and off per department by one of its boolean settings can name that setting here.
 * Where its effective value (the stored value, else the declared default) is not {@code true},
 * the host treats the plugin as inactive for that department and does not call its {@link
 * dev.deskcc.api.lifecycle.TicketChangeCheck}, {@link
 * dev.deskcc.api.lifecycle.TicketChangeReaction}, {@link dev.deskcc.api.notify.RecipientContributor},
 * {@link dev.deskcc.api.field.FieldContributor} and {@link dev.deskcc.api.access.HelpCenterAccess}
 * for events, tickets and fields of that department (the department is the event's ticket's,
 * {@code event.ticket().departmentId()}; for a merge, the target's). {@link PluginSettings}
 * (describe, validate) is still called, so the switch can be turned on. The host behaves as if the
 * plugin had accepted the change, contributed no recipients and no fields, and granted no access.
 * Declaring a switch is therefore only correct for a plugin that does exactly that by itself in
 * such a department; it saves the calls. Without a switch ({@code null}) the host calls the
 * plugin for every department, as platform 1.0 did.
 *
 * <p><b>Guarantee:</b> on every host of platform 1.1.0 or later (ensure it with {@code
 * Plugin-Requires: >=1.1.0}), the extension points above are never called for a department
 * where the switch is not {@code true}, so such a plugin need not check the switch itself: {@code
 * new SettingsDescriptor(title, description, settings, edition, acknowledgement, "enabled")} is
 * all it takes.
 *
 * @param minimumEdition the org edition needed to change them; the host refuses writes below it
 *     with 403 {@code EDITION_NOT_SUPPORTED}
 * @param acknowledgement {@code null} when switching on needs no acknowledgement
 * @param activeWhen {@code null}, or the name of a {@link SettingType#BOOLEAN} setting of {@code
 *     settings} that switches the plugin on for a department (since 1.1)
 * @since 1.0
 */
public record SettingsDescriptor(
    String title,
    String description,
    List<SettingDefinition> settings,
    Edition minimumEdition,
    Acknowledgement acknowledgement,
    String activeWhen) {
  /**
   * @throws IllegalArgumentException when {@code activeWhen} names no boolean setting of {@code
   *     settings}
   * @since 1.1
   */
  public SettingsDescriptor {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    settings = List.copyOf(settings);
    Objects.requireNonNull(minimumEdition, "minimumEdition");
    if (activeWhen != null
        && settings.stream().noneMatch(s -> s.name().equals(activeWhen) && s.type() == SettingType.BOOLEAN)) {
      throw new IllegalArgumentException(
          "activeWhen '" + activeWhen + "' must name a BOOLEAN setting of the descriptor");
    }
  }

  /**
   * A descriptor without an on/off switch: the host calls the plugin in every department (platform 1.0).
   *
   * @since 1.0
   */
  public SettingsDescriptor(
      String title,
      String description,
      List<SettingDefinition> settings,
      Edition minimumEdition,
      Acknowledgement acknowledgement) {
    this(title, description, settings, minimumEdition, acknowledgement, null);
  }
}
