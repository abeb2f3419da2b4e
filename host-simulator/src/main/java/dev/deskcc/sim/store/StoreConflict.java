package dev.deskcc.sim.store;

/**
 * A concurrent change got in the way of this transaction (a deadlock between row locks, a
 * serialisation failure, a key another transaction inserted first): the database rolled it back,
 * nothing of it is committed, and the change may run again from the start and will see the other
 * change's result. The change engine retries it a bounded number of times; only then does a
 * client see an error.
 */
public final class StoreConflict extends RuntimeException {
  private final String sqlState;

  public StoreConflict(String sqlState, String message, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  /** The database's SQLSTATE: {@code 40001}, {@code 40P01} or {@code 23505}. */
  public String sqlState() {
    return sqlState;
  }
}
