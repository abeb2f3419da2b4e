package dev.deskcc.cc.settings;

import java.util.Optional;

/** Whether a ticket's CCs see one another (setting {@code ccVisibility}, contract §6). */
public enum CcVisibility {
  /** Every copy shows the requester and the CCs; contacts see the whole CC list. */
  VISIBLE,
  /**
   * Each CC's copy is addressed to that CC alone, the requester's copy shows no CC, and a contact
   * sees no CC other than themselves.
   */
  PRIVATE;

  /** The value spelled {@code text}, if it is one. */
  public static Optional<CcVisibility> parse(String text) {
    for (CcVisibility v : values()) {
      if (v.name().equals(text)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
