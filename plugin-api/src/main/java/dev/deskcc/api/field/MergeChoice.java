package dev.deskcc.api.field;

import java.util.Objects;

/**
 * A choice the merge dialog offers for a field: the member {@code key} of the merge request names
 * the ticket (one of the merged ones) whose value survives, or {@code ALL} where {@code allowsAll}.
 *
 * @since 1.0
 */
public record MergeChoice(String key, String label, boolean allowsAll) {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public MergeChoice {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
  }
}
