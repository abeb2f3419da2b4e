package dev.deskcc.api.error;

import java.util.Objects;

/** The outcome of a check: the change may go ahead, or it is refused. */
public sealed interface Verdict permits Verdict.Accepted, Verdict.Refused {

  /** The change may go ahead (with whatever the check wrote through its context). */
  record Accepted() implements Verdict {}

  /** The change is refused; the host rolls back everything, the writes of every plugin included. */
  record Refused(Refusal refusal) implements Verdict {
    public Refused {
      Objects.requireNonNull(refusal, "refusal");
    }
  }

  Accepted ACCEPT = new Accepted();

  static Verdict accept() {
    return ACCEPT;
  }

  static Verdict refuse(Refusal refusal) {
    return new Refused(refusal);
  }
}
