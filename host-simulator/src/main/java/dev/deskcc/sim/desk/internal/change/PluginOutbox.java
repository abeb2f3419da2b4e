package dev.deskcc.sim.desk.internal.change;

import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.notify.Outbox;
import dev.deskcc.api.notify.PluginMessage;
import dev.deskcc.api.notify.RecipientLine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A plugin's own mail, written with the change like the host's: the same loop safety, suppression
 * and threading ({@link MessageWriter}); each contact recipient's copy gets its unsubscribe link
 * when rendered, as every message does.
 */
final class PluginOutbox implements Outbox {
  private final Change change;

  PluginOutbox(Change change) {
    this.change = change;
  }

  @Override
  public boolean send(PluginMessage message) {
    Objects.requireNonNull(message, "message");
    if (change.tx().ticket(message.ticketId()).isEmpty()) {
      throw new IllegalArgumentException("no ticket " + message.ticketId());
    }
    Map<EmailAddress, RecipientLine> recipients = new LinkedHashMap<>();
    for (PluginMessage.Recipient r : message.recipients()) {
      recipients.putIfAbsent(r.address(), r.line());
    }
    return MessageWriter.write(change, new MessageWriter.Draft(message.ticketId(), message.event().name(), recipients,
        Set.of(), message.subject(), message.text(), message.html(), false, null)).isPresent();
  }
}
