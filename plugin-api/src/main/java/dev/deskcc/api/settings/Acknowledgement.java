package dev.deskcc.api.settings;

import java.util.Objects;

/**
 * An acknowledgement an admin must give, every time, to turn the boolean setting {@code setting}
 * from off to on. The host refuses such a change without {@code "acknowledged": true} with 409
 * {@code ACKNOWLEDGEMENT_REQUIRED}.
 *
 * @param text what the admin acknowledges
 * @param confirmLabel the confirm button's wording
 * @since 1.0
 */
public record Acknowledgement(String setting, String title, String text, String confirmLabel) {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public Acknowledgement {
    Objects.requireNonNull(setting, "setting");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(confirmLabel, "confirmLabel");
  }
}
