package dev.deskcc.api.model;

/**
 * Thrown by {@link EmailAddress#parse(String)}; carries the text as given and why it failed.
 *
 * @since 1.0
 */
public final class InvalidEmailAddressException extends IllegalArgumentException {
  private final String input;

  /**
   * @param input the text that is no address
   * @param reason why, for the message
   * @since 1.0
   */
  public InvalidEmailAddressException(String input, String reason) {
    super("not a valid address: " + reason);
    this.input = input;
  }

  /**
   * The text as it was given; may be {@code null}.
   *
   * @since 1.0
   */
  public String input() {
    return input;
  }
}
