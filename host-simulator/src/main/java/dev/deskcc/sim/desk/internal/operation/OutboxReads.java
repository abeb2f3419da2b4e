package dev.deskcc.sim.desk.internal.operation;

import dev.deskcc.sim.desk.OutboxView;
import dev.deskcc.sim.mail.OutgoingMail;
import dev.deskcc.sim.recipient.UnsubscribeLinks;
import dev.deskcc.sim.store.OutboxEntry;
import dev.deskcc.sim.store.Store;
import dev.deskcc.sim.store.StoreReader;
import java.util.List;

/** What the host sent, as committed: the outbox view (filtered) and the messages themselves. */
public final class OutboxReads {
  private final Store store;

  public OutboxReads(Store store) {
    this.store = store;
  }

  public OutboxView view(String ticketId, Long afterSeq) {
    return new OutboxView(of(store.read(), ticketId).stream()
        .filter(e -> afterSeq == null || e.seq() > afterSeq)
        .map(Views::outbox)
        .toList());
  }

  /** The view with each message's unsubscribe links (contract §6), made from one committed state. */
  public OutboxView view(String ticketId, Long afterSeq, String baseUrl) {
    StoreReader r = store.read();
    return new OutboxView(of(r, ticketId).stream()
        .filter(e -> afterSeq == null || e.seq() > afterSeq)
        .map(e -> Views.outbox(e).withUnsubscribe(UnsubscribeLinks.of(r, e.mail(), baseUrl)))
        .toList());
  }

  /** The whole outbox, or one ticket's from the store's index (not a filter of the whole). */
  private static List<OutboxEntry> of(StoreReader r, String ticketId) {
    return ticketId == null ? r.outbox() : r.outbox(ticketId);
  }

  public List<OutgoingMail> mail() {
    return store.read().outbox().stream().map(e -> e.mail()).toList();
  }
}
