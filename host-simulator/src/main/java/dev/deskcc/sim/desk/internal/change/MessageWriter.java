package dev.deskcc.sim.desk.internal.change;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.notify.RecipientLine;
import dev.deskcc.sim.mail.MessageIds;
import dev.deskcc.sim.mail.OutgoingMail;
import dev.deskcc.sim.recipient.Suppressions;
import dev.deskcc.sim.store.DeskAddressIndex;
import dev.deskcc.sim.store.HistoryEvent;
import dev.deskcc.sim.store.StoreTx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes one message of a change to the outbox, the host's own and a plugin's alike: leaves out
 * the withheld, the actor, the desk's own addresses and suppressed people (recording the last as
 * withholdings), then gives the message its sender and threading headers.
 */
final class MessageWriter {

  private MessageWriter() {}

  /**
   * What to send: {@code recipients} in order, each on its line; {@code html} may be {@code null}.
   *
   * @param event the outbox message's {@code event} name
   * @param sender the {@code From} mailbox; {@code null} for the department's from-address
   */
  record Draft(String ticketId, String event, Map<EmailAddress, RecipientLine> recipients, Set<EmailAddress> withheld,
      String subject, String text, String html, boolean ratingInvite, EmailAddress sender) {}

  /** The message written, or empty when nobody was left to send it to. */
  static Optional<OutgoingMail> write(Change change, Draft draft) {
    StoreTx tx = change.tx();
    // Screened once per recipient with everything read up front: a plugin may add many (a
    // ticket's CCs), and each look-up in the store here was a large share of sending the mail.
    EmailAddress actorAddress = Notifier.actorAddress(tx, change.actor()).orElse(null);
    DeskAddressIndex deskAddresses = tx.deskAddresses();
    List<EmailAddress> to = new ArrayList<>();
    List<EmailAddress> copied = new ArrayList<>(draft.recipients().size());
    List<EmailAddress> privately = new ArrayList<>();
    for (Map.Entry<EmailAddress, RecipientLine> r : draft.recipients().entrySet()) {
      EmailAddress address = r.getKey();
      boolean excluded = draft.withheld().contains(address)
          || address.equals(actorAddress)
          || deskAddresses.find(address).isPresent();
      if (!excluded) {
        // contract §6: a muted or bouncing person is left out, recorded as a withholding
        Optional<Suppressions.Suppressed> suppressed = Suppressions.of(tx, draft.ticketId(), address);
        suppressed.ifPresent(s -> recordWithholding(change, draft.ticketId(), draft.event(), address,
            s.reason().name(), null));
        excluded = suppressed.isPresent();
      }
      if (excluded) {
        continue;
      }
      switch (r.getValue()) {
        case TO -> to.add(address);
        case CC -> copied.add(address);
        case PRIVATE -> {
          // an actual recipient (listed in cc) whose copy is its own
          copied.add(address);
          privately.add(address);
        }
      }
    }
    if (to.isEmpty() && copied.isEmpty()) {
      return Optional.empty();
    }
    Ticket ticket = tx.ticket(draft.ticketId()).orElseThrow();
    Department dept = tx.department(ticket.departmentId()).orElseThrow();
    EmailAddress from = draft.sender() != null ? draft.sender()
        : dept.fromAddresses().isEmpty() ? dept.supportAddresses().get(0) : dept.fromAddresses().get(0);
    EmailAddress replyTo = dept.supportAddresses().isEmpty() ? null : dept.supportAddresses().get(0);
    List<String> previous = tx.messageIds(ticket.id());
    List<String> references = previous.subList(Math.max(0, previous.size() - 10), previous.size());
    String messageId = MessageIds.create(from.domain());
    OutgoingMail mail = new OutgoingMail(tx.nextOutboxSeq(), ticket.id(), draft.event(), from, replyTo,
        to, copied, draft.subject(), draft.text(), messageId,
        previous.isEmpty() ? null : previous.get(previous.size() - 1), references, draft.ratingInvite(),
        draft.html(), privately);
    tx.addOutbox(mail);
    tx.addMessageId(ticket.id(), messageId);
    return Optional.of(mail);
  }

  /** A {@code RECIPIENT_WITHHELD} history event; {@code pluginId} {@code null} for the host's own. */
  static void recordWithholding(Change change, String ticketId, String event, EmailAddress address, String reason,
      String pluginId) {
    ObjectNode detail = JsonNodeFactory.instance.objectNode();
    detail.put("email", address.address());
    detail.put("reason", reason);
    if (pluginId != null) {
      detail.put("plugin", pluginId);
    }
    detail.put("event", event);
    change.tx().addHistory(ticketId, new HistoryEvent(change.now(), change.actor(), "RECIPIENT_WITHHELD", detail));
  }
}
