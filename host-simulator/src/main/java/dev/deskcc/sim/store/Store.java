package dev.deskcc.sim.store;

import dev.deskcc.sim.mail.OutboxQueue;

/**
 * The platform's data: one interface for every backing (in memory, an H2 file under a data
 * folder, PostgreSQL shared by several nodes). Transactions are the only way to write;
 * {@link #read()} sees committed state only. The store is also the outbox queue that mail
 * delivery drains.
 */
public interface Store extends OutboxQueue, AutoCloseable {

  /**
   * What is committed now. In memory the reader is one snapshot; a database-backed reader answers
   * each call from the committed state at that call.
   */
  StoreReader read();

  /**
   * Opens a write transaction. A {@linkplain #singleWriter() single-writer} store waits while
   * another is open; otherwise transactions run side by side and lock what they touch (see
   * {@link StoreTx}).
   */
  StoreTx begin();

  /**
   * Whether one write transaction runs at a time (in memory, an H2 file): then a caller gains
   * nothing from running changes side by side, and may queue them. {@code false} for PostgreSQL.
   */
  default boolean singleWriter() {
    return true;
  }

  /** Whether a world was ever stored here (a fixture load committed); a fresh store holds none. */
  boolean holdsWorld();

  /**
   * Runs {@code work} while no other node sharing this store runs its own: so that of several
   * nodes started at once on an empty database exactly one loads the fixture.
   */
  default <T> T exclusively(java.util.function.Supplier<T> work) {
    return work.get();
  }

  /** Releases files and connections; the in-memory store has none. */
  @Override
  default void close() {}
}
