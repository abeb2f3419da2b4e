package dev.deskcc.api.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A recipient list as a request gave it: each item is a JSON string (an address, with or
 * without a display name) or an object such as {@code {"contactId": "…"}}.
 *
 * @param given whether the request had the list at all (an absent list means "the default")
 * @since 1.0
 */
public record RecipientInput(boolean given, List<JsonNode> items) {
  public RecipientInput {
    items = List.copyOf(items);
  }

  /**
   * A list the request did not give (the default applies).
   *
   * @since 1.0
   */
  public static RecipientInput absent() {
    return new RecipientInput(false, List.of());
  }
}
