package dev.deskcc.sim.mail;

import java.time.Duration;
import java.util.Objects;

/** What one delivery attempt to the mail gateway came to. */
public sealed interface DeliveryResult {

  /** The gateway accepted the message; it must not be sent again. */
  record Delivered(int status) implements DeliveryResult {}

  /**
   * The gateway could not take the message now (5xx, 429, 408, I/O error, timeout); try again
   * after {@code delay}.
   */
  record RetryLater(Duration delay, String reason) implements DeliveryResult {
    public RetryLater {
      Objects.requireNonNull(delay, "delay");
      Objects.requireNonNull(reason, "reason");
      if (delay.isNegative()) {
        delay = Duration.ZERO;
      }
    }
  }

  /**
   * The gateway refused the message for good (a 4xx other than 408/429, or a message that cannot
   * be encoded); sending it again would fail the same way.
   *
   * @param status the HTTP status, or 0 when the request was never sent
   */
  record Failed(int status, String reason) implements DeliveryResult {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
