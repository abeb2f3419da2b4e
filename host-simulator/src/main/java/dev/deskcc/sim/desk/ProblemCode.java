package dev.deskcc.sim.desk;

import dev.deskcc.api.error.RefusalKind;

/**
 * The host's own problem codes, the one place that says which HTTP status (and title) each is
 * answered with. The desk refuses with them ({@link DeskException}), the HTTP layer writes them as
 * problem documents, and each route declares the ones it can answer with for the API reference.
 * Plugins' codes are not here: a plugin declares its own, and {@link #status(RefusalKind)} gives
 * the status of their kind.
 *
 * <p>A new code is answered by something and declared on the routes that can answer it; {@code
 * ProblemCodeContractTest} fails otherwise.
 */
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
  /** A layout that lists a field twice, when that is the first of its unknown or repeated fields. */
  DUPLICATE_FIELD(422),
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
  CONCURRENT_CHANGES(503),

  // answered by the server around the routes, so no route declares them
  METHOD_NOT_ALLOWED(405, false),
  REQUEST_TIMEOUT(408, false),
  URI_TOO_LONG(414, false),
  HEADERS_TOO_LARGE(431, false),
  HTTP_VERSION_NOT_SUPPORTED(505, false),
  /** An unexpected failure; its details go to the log, never into the answer. */
  INTERNAL_ERROR(500, false);

  private final int status;
  private final boolean routed;

  ProblemCode(int status) {
    this(status, true);
  }

  ProblemCode(int status, boolean routed) {
    this.status = status;
    this.routed = routed;
  }

  /** The HTTP status the code is answered with. */
  public int status() {
    return status;
  }

  /** The problem document's {@code title}: the status's reason phrase. */
  public String title() {
    return title(status);
  }

  /**
   * True when a route answers with the code, so routes declare it; false for what the server
   * answers before or around any route (an unknown method, a URI too long, an unexpected failure).
   */
  public boolean routed() {
    return routed;
  }

  /** The HTTP status a plugin's refusal of this kind is answered with. */
  public static int status(RefusalKind kind) {
    return switch (kind) {
      case INVALID -> 422;
      case CONFLICT -> 409;
      case FORBIDDEN -> 403;
    };
  }

  /**
   * The reason phrase of a status the host answers with ("Error" for any other), the {@code title}
   * of every problem document, a plugin's refusals' included. The phrases are those of RFC 9110.
   */
  public static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 412 -> "Precondition Failed";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Server Error";
      case 503 -> "Service Unavailable";
      case 505 -> "HTTP Version Not Supported";
      default -> "Error";
    };
  }
}
