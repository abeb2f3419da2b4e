package dev.deskcc.api.model;

/** A happiness rating. */
public enum RatingValue {
  GOOD,
  OKAY,
  BAD
}
