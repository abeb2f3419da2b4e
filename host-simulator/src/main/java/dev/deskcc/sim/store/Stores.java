package dev.deskcc.sim.store;

import dev.deskcc.sim.store.jdbc.JdbcStore;
import java.nio.file.Path;

/** Chooses the store a simulator keeps its world in. */
public final class Stores {
  /** The environment variable with the PostgreSQL password (never an option: argv is visible). */
  public static final String DATABASE_PASSWORD_ENV = "DESKCC_DATABASE_PASSWORD";

  private Stores() {}

  /**
   * An H2 file database in {@code dataDir}, PostgreSQL at {@code jdbcUrl}, or (neither given) the
   * world in memory.
   *
   * @throws IllegalArgumentException when both are given
   * @throws dev.deskcc.sim.store.jdbc.StoreFailure when the folder or database is not usable
   */
  public static Store open(Path dataDir, String jdbcUrl, String password) {
    if (dataDir != null && jdbcUrl != null) {
      throw new IllegalArgumentException("keep the world in a data folder or in a database, not both");
    }
    if (dataDir != null) {
      return JdbcStore.h2(dataDir);
    }
    if (jdbcUrl != null) {
      return JdbcStore.postgres(jdbcUrl, password);
    }
    return new InMemoryStore();
  }
}
