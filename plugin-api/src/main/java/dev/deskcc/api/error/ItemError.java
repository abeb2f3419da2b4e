package dev.deskcc.api.error;

import java.util.Objects;

/**
 * One rejected item of a request, for example one address of a list.
 *
 * @param value the item as the request gave it (a string, or the JSON text of an object); may be
 *     {@code null} when the request gave none
 * @param code stable UPPER_SNAKE code
 * @since 1.0
 */
public record ItemError(String value, String code, String message) {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public ItemError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
