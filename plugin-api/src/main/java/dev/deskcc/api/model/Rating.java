package dev.deskcc.api.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A happiness rating given by a contact.
 *
 * @param comment may be {@code null}
 * @since 1.0
 */
public record Rating(String id, RatingValue rating, String comment, String raterContactId, Instant at) {
  public Rating {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(rating, "rating");
    Objects.requireNonNull(raterContactId, "raterContactId");
    Objects.requireNonNull(at, "at");
  }
}
