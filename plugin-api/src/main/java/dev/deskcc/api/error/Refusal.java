package dev.deskcc.api.error;

import java.util.List;
import java.util.Objects;

/**
 * Why a change is refused: a stable code, a human message and, where the request held a list,
 * one {@link ItemError} per rejected item (every one, not only the first).
 *
 * @since 1.0
 */
public record Refusal(RefusalKind kind, String code, String message, List<ItemError> items) {
  public Refusal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    items = List.copyOf(items);
  }

  /**
   * A rule refusal (422) without items.
   *
   * @since 1.0
   */
  public static Refusal invalid(String code, String message) {
    return new Refusal(RefusalKind.INVALID, code, message, List.of());
  }

  /**
   * A rule refusal (422) listing the rejected items.
   *
   * @since 1.0
   */
  public static Refusal invalid(String code, String message, List<ItemError> items) {
    return new Refusal(RefusalKind.INVALID, code, message, items);
  }

  /**
   * A refusal because the ticket's state does not allow the change (409), without items.
   *
   * @since 1.0
   */
  public static Refusal conflict(String code, String message) {
    return new Refusal(RefusalKind.CONFLICT, code, message, List.of());
  }

  /**
   * A refusal because the actor may not make the change (403), without items.
   *
   * @since 1.0
   */
  public static Refusal forbidden(String code, String message) {
    return new Refusal(RefusalKind.FORBIDDEN, code, message, List.of());
  }
}
