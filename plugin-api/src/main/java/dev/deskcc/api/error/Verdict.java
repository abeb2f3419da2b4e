package dev.deskcc.api.error;

import java.util.Objects;

/**
 * The outcome of a check: the change may go ahead, or it is refused.
 *
 * @since 1.0
 */
public sealed interface Verdict permits Verdict.Accepted, Verdict.Refused {

  /**
   * The change may go ahead (with whatever the check wrote through its context).
   *
   * @since 1.0
   */
  record Accepted() implements Verdict {}

  /**
   * The change is refused; the host rolls back everything, the writes of every plugin included.
   *
   * @since 1.0
   */
  record Refused(Refusal refusal) implements Verdict {
    public Refused {
      Objects.requireNonNull(refusal, "refusal");
    }
  }

  /**
   * The one accepting verdict; {@link #accept()} returns it.
   *
   * @since 1.0
   */
  Accepted ACCEPT = new Accepted();

  /**
   * The change may go ahead.
   *
   * @since 1.0
   */
  static Verdict accept() {
    return ACCEPT;
  }

  /**
   * The change is refused for {@code refusal} (not {@code null}).
   *
   * @since 1.0
   */
  static Verdict refuse(Refusal refusal) {
    return new Refused(refusal);
  }
}
