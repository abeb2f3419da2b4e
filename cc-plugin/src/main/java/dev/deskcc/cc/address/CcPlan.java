package dev.deskcc.cc.address;

import dev.deskcc.api.error.Refusal;
import dev.deskcc.cc.store.CcEntry;
import java.util.List;
import java.util.Objects;

/** What an all-or-nothing CC request comes to: the new list, or the refusal. */
public sealed interface CcPlan permits CcPlan.Accepted, CcPlan.Refused {

  /**
   * The request may go ahead.
   *
   * @param kept current entries that stay, in their order
   * @param additions addresses joining, in request order, after {@code kept}
   */
  record Accepted(List<CcEntry> kept, List<CcCandidate> additions) implements CcPlan {
    public Accepted {
      kept = List.copyOf(kept);
      additions = List.copyOf(additions);
    }

    public int size() {
      return kept.size() + additions.size();
    }
  }

  /** The request is refused; nothing changes. */
  record Refused(Refusal refusal) implements CcPlan {
    public Refused {
      Objects.requireNonNull(refusal, "refusal");
    }
  }
}
