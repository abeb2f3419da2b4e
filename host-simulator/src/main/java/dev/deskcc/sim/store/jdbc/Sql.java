package dev.deskcc.sim.store.jdbc;

import dev.deskcc.sim.store.StoreConflict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Plain JDBC with parameters, on one connection. */
final class Sql {
  /**
   * SQLSTATEs that mean "a concurrent transaction got in the way, run again": serialization
   * failure, deadlock detected, and a unique key another transaction inserted first (two nodes
   * taking in the same message, say), which on a retry the change sees and handles.
   */
  private static final Set<String> CONFLICTS = Set.of("40001", "40P01", "23505");

  private final Connection connection;
  private final Consumer<StoreConflict> onConflict;

  Sql(Connection connection) {
    this(connection, conflict -> { });
  }

  /** Statements whose conflicts are also reported to {@code onConflict} (a transaction marks itself lost). */
  Sql(Connection connection, Consumer<StoreConflict> onConflict) {
    this.connection = connection;
    this.onConflict = onConflict;
  }

  /** Runs a statement that returns nothing (a lock function, say). */
  void execute(String sql, Object... params) {
    try (PreparedStatement ps = prepare(sql, params)) {
      ps.execute();
    } catch (SQLException e) {
      throw fail(sql, e);
    }
  }

  /** Maps one row. */
  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  <T> List<T> list(String sql, Row<T> row, Object... params) {
    try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row.map(rs));
      }
      return out;
    } catch (SQLException e) {
      throw fail(sql, e);
    }
  }

  <T> Optional<T> one(String sql, Row<T> row, Object... params) {
    List<T> rows = list(sql, row, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  int update(String sql, Object... params) {
    try (PreparedStatement ps = prepare(sql, params)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw fail(sql, e);
    }
  }

  private PreparedStatement prepare(String sql, Object... params) throws SQLException {
    PreparedStatement ps = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        Object p = params[i];
        if (p == null) {
          ps.setNull(i + 1, Types.NULL);
        } else if (p instanceof Instant instant) {
          ps.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (p instanceof byte[] bytes) {
          ps.setBytes(i + 1, bytes);
        } else {
          ps.setObject(i + 1, p);
        }
      }
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }

  private RuntimeException fail(String sql, SQLException e) {
    if (e.getSQLState() != null && CONFLICTS.contains(e.getSQLState())) {
      StoreConflict conflict = new StoreConflict(e.getSQLState(),
          "concurrent change (" + e.getSQLState() + "): " + e.getMessage() + " [" + firstWords(sql) + "]", e);
      onConflict.accept(conflict);
      return conflict;
    }
    return failure(sql, e);
  }

  static StoreFailure failure(String sql, SQLException e) {
    return new StoreFailure(StoreFailure.Code.STORE_FAILURE,
        "database statement failed (" + e.getSQLState() + "): " + e.getMessage() + " [" + firstWords(sql) + "]", e);
  }

  private static String firstWords(String sql) {
    String flat = sql.strip().replaceAll("\\s+", " ");
    return flat.length() <= 60 ? flat : flat.substring(0, 60) + "…";
  }
}
