package dev.deskcc.sim.mail;

import java.util.Objects;

/**
 * An inbound message the host refuses. {@link #code()} is stable: {@code MALFORMED_MESSAGE} or
 * {@code MESSAGE_TOO_LARGE}, the host problem codes of the same names (which own their HTTP
 * status); the message says what was wrong.
 */
public final class MailParseException extends Exception {

  /** The stable codes. */
  public enum Code {
    MALFORMED_MESSAGE,
    MESSAGE_TOO_LARGE
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

  /** The human-readable detail. */
  public String detail() {
    return getMessage();
  }
}
