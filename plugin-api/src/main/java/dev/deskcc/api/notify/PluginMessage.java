package dev.deskcc.api.notify;

import dev.deskcc.api.model.EmailAddress;
import java.util.List;
import java.util.Objects;

/**
 * A message a plugin sends about a ticket through the host's {@link Outbox}. The host gives it
 * its sender, Reply-To, Message-ID and threading headers (replies to it thread into the ticket),
 * and each contact recipient's copy its own unsubscribe link, as for its own messages.
 *
 * @param ticketId the ticket it is about; not {@code null}
 * @param event its event name, shown as the outbox message's {@code event}
 * @param recipients each with the line its copy is addressed on; an address named twice counts
 *     once (its first line)
 * @param subject one line; line breaks are replaced when rendered
 * @param text the plain-text body; not {@code null}
 * @param html the HTML alternative, or {@code null} for plain text only. The plugin escapes what
 *     it puts in it; the host sends it as given
 * @since 1.3
 */
public record PluginMessage(
    String ticketId, PluginEvent event, List<Recipient> recipients, String subject, String text, String html) {

  /** Checks the components: the required ones must not be {@code null}; the list is copied. */
  public PluginMessage {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(event, "event");
    recipients = List.copyOf(recipients);
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
  }

  /**
   * One recipient of a plugin's message.
   *
   * @param line {@link RecipientLine#PRIVATE} for a copy addressed to this recipient alone
   * @since 1.3
   */
  public record Recipient(EmailAddress address, RecipientLine line) {
    /** Checks the components: none may be {@code null}. */
    public Recipient {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(line, "line");
    }
  }
}
