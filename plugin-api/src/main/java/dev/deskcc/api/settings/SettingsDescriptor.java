package dev.deskcc.api.settings;

import dev.deskcc.api.model.Edition;
import java.util.List;
import java.util.Objects;

/**
 * A plugin's per-department settings as a generic settings screen renders them.
 *
 * @param minimumEdition the org edition needed to change them; the host refuses writes below it
 *     with 403 {@code EDITION_NOT_SUPPORTED}
 * @param acknowledgement {@code null} when switching on needs no acknowledgement
 */
public record SettingsDescriptor(
    String title,
    String description,
    List<SettingDefinition> settings,
    Edition minimumEdition,
    Acknowledgement acknowledgement) {
  public SettingsDescriptor {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    settings = List.copyOf(settings);
    Objects.requireNonNull(minimumEdition, "minimumEdition");
  }
}
