package dev.deskcc.sim.store;

import dev.deskcc.sim.mail.OutboxQueue;

/**
 * The platform's data: one interface for every backing (in memory now; databases later).
 * Transactions are the only way to write; {@link #read()} sees committed state only. The store is
 * also the outbox queue that mail delivery drains.
 */
public interface Store extends OutboxQueue {

  /** A consistent view of what is committed now. */
  StoreReader read();

  /** Opens a write transaction, waiting while another is open. */
  StoreTx begin();
}
