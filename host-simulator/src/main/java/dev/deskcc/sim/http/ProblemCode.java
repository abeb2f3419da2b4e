package dev.deskcc.sim.http;

/** The host's own problem codes and their HTTP status, as the API reference lists them per route. */
public enum ProblemCode {
  BAD_REQUEST(400),
  MALFORMED_MESSAGE(400),
  UNAUTHENTICATED(401),
  FORBIDDEN(403),
  EDITION_NOT_SUPPORTED(403),
  NOT_FOUND(404),
  ACKNOWLEDGEMENT_REQUIRED(409),
  FIELD_LOCKED(409),
  COMMENT_DELETED(409),
  RATING_NOT_OPEN(409),
  TICKET_MERGED(409),
  VERSION_CONFLICT(412),
  PAYLOAD_TOO_LARGE(413),
  MESSAGE_TOO_LARGE(413),
  UNSUPPORTED_MEDIA_TYPE(415),
  UNKNOWN_FIELD(422),
  /** A CHOICE setting given a value outside its choices. */
  INVALID_CHOICE(422),
  UNKNOWN_DEPARTMENT(422),
  UNKNOWN_CONTACT(422),
  UNSUPPORTED_STATUS(422),
  HELP_CENTER_UNAVAILABLE(422),
  INVALID_REQUESTER(422),
  REQUESTER_IS_DESK_ADDRESS(422),
  INVALID_ADDRESS(422),
  INVALID_RECIPIENTS(422),
  INVALID_MERGE_SOURCE(422),
  NO_DEPARTMENT(422),
  PLUGIN_FAILED(500),
  /** A change that lost its race with other changes more times than the host retries it. */
  CONCURRENT_CHANGES(503);

  private final int status;

  ProblemCode(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }
}
