package dev.deskcc.sim.desk;

import dev.deskcc.api.error.ItemError;
import dev.deskcc.api.error.Refusal;
import java.util.List;

/**
 * Every refusal of the desk: an HTTP status, a stable UPPER_SNAKE code, a human detail and the
 * rejected items. The HTTP layer turns it into a problem document in one place.
 */
public final class DeskException extends RuntimeException {
  private final int status;
  private final String code;
  private final List<ItemError> errors;

  public DeskException(int status, String code, String detail, List<ItemError> errors) {
    super(detail);
    this.status = status;
    this.code = code;
    this.errors = List.copyOf(errors);
  }

  public DeskException(int status, String code, String detail) {
    this(status, code, detail, List.of());
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String detail() {
    return getMessage();
  }

  public List<ItemError> errors() {
    return errors;
  }

  /** A plugin's refusal, kept with its code and items. */
  public static DeskException of(Refusal refusal) {
    return new DeskException(status(refusal.kind()), refusal.code(), refusal.message(), refusal.items());
  }

  /** The HTTP status a refusal of this kind is answered with (the API reference lists it there). */
  public static int status(dev.deskcc.api.error.RefusalKind kind) {
    return switch (kind) {
      case INVALID -> 422;
      case CONFLICT -> 409;
      case FORBIDDEN -> 403;
    };
  }

  public static DeskException badRequest(String detail) {
    return new DeskException(400, "BAD_REQUEST", detail);
  }

  public static DeskException notFound(String detail) {
    return new DeskException(404, "NOT_FOUND", detail);
  }

  public static DeskException forbidden(String detail) {
    return new DeskException(403, "FORBIDDEN", detail);
  }

  public static DeskException invalid(String code, String detail) {
    return new DeskException(422, code, detail);
  }

  public static DeskException conflict(String code, String detail) {
    return new DeskException(409, code, detail);
  }
}
