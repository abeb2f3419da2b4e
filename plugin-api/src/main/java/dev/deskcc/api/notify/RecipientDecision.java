package dev.deskcc.api.notify;

import dev.deskcc.api.model.EmailAddress;
import java.util.Objects;

/**
 * What a plugin says about one recipient of a {@link Notification}.
 *
 * @since 1.0
 */
public sealed interface RecipientDecision permits RecipientDecision.Add, RecipientDecision.Withhold {

  /**
   * The address the decision is about; never {@code null}.
   *
   * @since 1.0
   */
  EmailAddress address();

  /**
   * Send the message to this address too. The host sends each address at most once per message
   * and never to the person whose action caused it.
   *
   * @since 1.0
   */
  record Add(EmailAddress address, RecipientLine line) implements RecipientDecision {
    public Add {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(line, "line");
    }
  }

  /**
   * Do not send this message to this address, whoever added it. The host records the withholding
   * in the ticket history with the reason, whether or not the address was a recipient.
   *
   * @param reason a stable UPPER_SNAKE code, such as {@code CONTACT_RESTRICTED}
   * @since 1.0
   */
  record Withhold(EmailAddress address, String reason) implements RecipientDecision {
    public Withhold {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
