package dev.deskcc.sim.store.jdbc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Outbox seqs on PostgreSQL. Readers page through the outbox with {@code afterSeq}, so seqs must
 * grow by one per message and become visible in ascending order. Giving them inside each change
 * would make every change that sends mail hold the one counter row through its commit: commits
 * would take turns (figure 7 measured it as the cluster's bottleneck). Instead a change writes
 * its messages with a temporary negative seq (from a sequence, no lock), commits, and then, before
 * it is answered, numbers every unnumbered message in one short transaction of its own under the
 * counter row's lock: the first of several changes waiting there numbers the messages of all of
 * them, the others find theirs done and commit nothing. Messages a node committed but did not
 * number (it died in between) are numbered by the next numbering on any node, at the latest by a
 * delivery poll; until then no reader sees them.
 */
final class OutboxNumbering {
  private OutboxNumbering() {}

  /** A temporary seq for a message written inside a change: negative, unique, in writing order. */
  static long temporarySeq(Sql sql) {
    return -sql.one("SELECT nextval('outbox_unnumbered')", rs -> rs.getLong(1)).orElseThrow();
  }

  /** Whether some committed message waits for its seq. */
  static boolean pending(Sql sql) {
    return sql.one("SELECT 1 FROM outbox WHERE seq < 0 LIMIT 1", rs -> 1).isPresent();
  }

  /** Numbers every unnumbered message, oldest first, in one transaction on {@code connection}. */
  static void number(Connection connection, StoreJson json) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    Sql sql = new Sql(connection);
    try {
      String lock = "SELECT counter_value FROM counters WHERE name = 'outboxSeq' FOR UPDATE";
      long last = sql.one(lock, rs -> rs.getLong(1)).orElseGet(() -> {
        sql.update("INSERT INTO counters (name, counter_value) VALUES ('outboxSeq', 0) ON CONFLICT (name) DO NOTHING");
        return sql.one(lock, rs -> rs.getLong(1)).orElseThrow();
      });
      record Unnumbered(long seq, String body) {}
      List<Unnumbered> rows = sql.list("SELECT seq, body FROM outbox WHERE seq < 0 ORDER BY seq DESC",
          rs -> new Unnumbered(rs.getLong(1), rs.getString(2)));
      for (Unnumbered row : rows) {
        long seq = ++last;
        ObjectNode body = (ObjectNode) json.tree(row.body());
        body.put("seq", seq);
        sql.update("UPDATE outbox SET seq = ?, body = ? WHERE seq = ?", seq, json.write(body), row.seq());
      }
      if (!rows.isEmpty()) {
        sql.update("UPDATE counters SET counter_value = ? WHERE name = 'outboxSeq'", last);
      }
      connection.commit();
    } catch (RuntimeException | SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }
}
