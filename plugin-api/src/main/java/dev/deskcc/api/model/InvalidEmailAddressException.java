package dev.deskcc.api.model;

/** Thrown by {@link EmailAddress#parse(String)}; carries the text as given and why it failed. */
public final class InvalidEmailAddressException extends IllegalArgumentException {
  private final String input;

  /**
   * @param input the text that is no address
   * @param reason why, for the message
   */
  public InvalidEmailAddressException(String input, String reason) {
    super("not a valid address: " + reason);
    this.input = input;
  }

  /** The text as it was given; may be {@code null}. */
  public String input() {
    return input;
  }
}
