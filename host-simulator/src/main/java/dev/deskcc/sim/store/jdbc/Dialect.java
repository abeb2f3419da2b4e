package dev.deskcc.sim.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** What differs between the databases the store runs on; the SQL is otherwise shared. */
enum Dialect {
  /** An embedded H2 file: one process owns it (H2 locks the file), so a JVM lock serialises writes. */
  H2("CHARACTER LARGE OBJECT", "BINARY LARGE OBJECT", " FOR UPDATE"),
  /**
   * PostgreSQL shared by any number of nodes: write transactions run side by side and lock what
   * they touch (see {@link JdbcTx}); each holds the shared side of the world lock, which only a
   * fixture load takes exclusively.
   */
  POSTGRES("TEXT", "BYTEA", " FOR UPDATE SKIP LOCKED");

  /**
   * The advisory lock key of "the world" (any constant; "deskcc" in ASCII): every write
   * transaction holds it shared, a fixture load ({@link JdbcTx#clear()}) exclusively.
   */
  static final long WORLD_LOCK = 0x6465736b6363L;
  /** The first key of the two-key advisory locks on Message-IDs (the second is the id's hash). */
  static final int MESSAGE_ID_LOCKS = 0x6d736764;
  /** The advisory lock key held while a node decides whether to load the fixture. */
  static final long START_LOCK = WORLD_LOCK + 1;

  private final String text;
  private final String blob;
  private final String claimLocking;

  Dialect(String text, String blob, String claimLocking) {
    this.text = text;
    this.blob = blob;
    this.claimLocking = claimLocking;
  }

  /** Flyway placeholders of the shared migrations. */
  Map<String, String> placeholders() {
    return Map.of("text", text, "blob", blob);
  }

  /** Appended to the select that claims outbox messages for delivery. */
  String claimLocking() {
    return claimLocking;
  }

  /**
   * Starts a write transaction on PostgreSQL: the shared side of the world lock, so that changes
   * never wait for each other here but a fixture load, which takes it exclusively, waits for every
   * open change and holds off new ones.
   */
  void beginWrite(Connection connection) throws SQLException {
    if (this == POSTGRES) {
      try (Statement s = connection.createStatement()) {
        s.execute("SELECT pg_advisory_xact_lock_shared(" + WORLD_LOCK + ")");
      }
    }
  }

  /** A query whose one row is the sequence's next value (PostgreSQL; H2 keeps counter rows). */
  String nextValue(String sequence) {
    return "SELECT nextval('" + sequence + "')";
  }
}
