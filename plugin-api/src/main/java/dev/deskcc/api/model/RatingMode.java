package dev.deskcc.api.model;

/**
 * When a department invites happiness ratings.
 *
 * @since 1.0
 */
public enum RatingMode {
  /** No ratings. */
  OFF,
  /** Every agent reply invites a rating. */
  EVERY_REPLY,
  /** Closing the ticket invites a rating. */
  ON_CLOSE
}
