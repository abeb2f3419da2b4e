package dev.deskcc.api.error;

/**
 * What kind of refusal; the host maps each to one HTTP status.
 *
 * @since 1.0
 */
public enum RefusalKind {
  /** The request is well-formed but breaks a rule (HTTP 422). */
  INVALID,
  /** The request conflicts with the current state (HTTP 409). */
  CONFLICT,
  /** The actor may not do this (HTTP 403). */
  FORBIDDEN
}
