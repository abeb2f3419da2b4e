package dev.deskcc.sim.store;

import dev.deskcc.sim.mail.OutgoingMail;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The store in memory. Committed state is one immutable snapshot swapped atomically on commit, so
 * readers never see half a commit. A transaction keeps its writes in an overlay over the snapshot
 * it started from; one lock serialises write transactions, which keeps cross-request rules (caps,
 * uniqueness) simple and safe. Tables are persistent (structure-sharing) {@link OrderedTable}s,
 * so a commit costs what it changed, not the size of the world: the write lock is held briefly
 * however large the world grows.
 */
public final class InMemoryStore implements Store {

  private volatile Map<String, OrderedTable> committed = Map.of();
  private final ReentrantLock writeLock = new ReentrantLock();

  @Override
  public StoreReader read() {
    return new SnapshotReader(committed);
  }

  @Override
  public StoreTx begin() {
    return beginTx();
  }

  private InMemoryTx beginTx() {
    writeLock.lock();
    return new InMemoryTx(committed, next -> committed = next, writeLock::unlock);
  }

  @Override
  public boolean holdsWorld() {
    return committed.containsKey("world");
  }

  // ---- OutboxQueue: what the mail dispatcher drains

  @Override
  public List<OutgoingMail> pending(int max) {
    return read().outbox().stream()
        .filter(e -> e.state() == DeliveryState.PENDING)
        .limit(max)
        .map(OutboxEntry::mail)
        .toList();
  }

  @Override
  public void delivered(long seq) {
    updateDelivery(seq, null, true);
  }

  @Override
  public void failed(long seq, String reason, boolean permanent) {
    updateDelivery(seq, reason, permanent);
  }

  private void updateDelivery(long seq, String reason, boolean done) {
    try (InMemoryTx tx = beginTx()) {
      tx.<OutboxEntry>typed("outbox", seq).ifPresent(e -> {
        DeliveryState state = reason == null ? DeliveryState.DELIVERED
            : done ? DeliveryState.FAILED : DeliveryState.PENDING;
        tx.updateOutbox(new OutboxEntry(e.mail(), state, e.attempts() + 1, reason));
      });
      tx.commit();
    }
  }
}
