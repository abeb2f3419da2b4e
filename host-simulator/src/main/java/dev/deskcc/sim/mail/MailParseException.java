package dev.deskcc.sim.mail;

import java.util.Objects;

/**
 * An inbound message the host refuses. {@link #code()} is stable: {@code MALFORMED_MESSAGE} (HTTP
 * 400) or {@code MESSAGE_TOO_LARGE} (HTTP 413); the message says what was wrong.
 */
public final class MailParseException extends Exception {

  /** The stable codes. */
  public enum Code {
    MALFORMED_MESSAGE(400),
    MESSAGE_TOO_LARGE(413);

    private final int httpStatus;

    Code(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    /** The HTTP status the API answers with. */
    public int httpStatus() {
      return httpStatus;
    }
  }

  private final Code code;

  public MailParseException(Code code, String detail) {
    super(detail);
    this.code = Objects.requireNonNull(code, "code");
  }

  public MailParseException(Code code, String detail, Throwable cause) {
    super(detail, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  static MailParseException malformed(String detail) {
    return new MailParseException(Code.MALFORMED_MESSAGE, detail);
  }

  static MailParseException malformed(String detail, Throwable cause) {
    return new MailParseException(Code.MALFORMED_MESSAGE, detail, cause);
  }

  /** The stable code name, e.g. {@code "MALFORMED_MESSAGE"}. */
  public String code() {
    return code.name();
  }

  /** The code as an enum. */
  public Code codeEnum() {
    return code;
  }

  /** The HTTP status for this code. */
  public int httpStatus() {
    return code.httpStatus();
  }

  /** The human-readable detail. */
  public String detail() {
    return getMessage();
  }
}
