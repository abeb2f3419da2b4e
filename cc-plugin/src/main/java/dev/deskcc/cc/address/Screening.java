package dev.deskcc.cc.address;

import java.util.Objects;

/** The address rules' answer for one item. */
public sealed interface Screening permits Screening.Acceptable, Screening.Rejected {

  /** The item may become a CC. */
  record Acceptable(CcCandidate candidate) implements Screening {
    public Acceptable {
      Objects.requireNonNull(candidate, "candidate");
    }
  }

  /**
   * The item may not become a CC.
   *
   * @param value the item as the request gave it (a string, or the JSON text of an object)
   * @param key the address's identity when the item named one, else {@code null}
   */
  record Rejected(String value, String key, AddressCode code, String message) implements Screening {
    public Rejected {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }
}
