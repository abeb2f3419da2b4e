package dev.deskcc.api.model;

/**
 * A happiness rating.
 *
 * @since 1.0
 */
public enum RatingValue {
  GOOD,
  OKAY,
  BAD
}
