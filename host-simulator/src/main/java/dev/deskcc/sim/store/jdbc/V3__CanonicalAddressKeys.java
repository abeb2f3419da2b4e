package dev.deskcc.sim.store.jdbc;

import dev.deskcc.api.model.Agent;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.EmailAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Rewrites the stored {@code address_key} of agents and contacts to {@link EmailAddress#key()}'s
 * canonical form (contract v1.1: unneeded quotes dropped, domains in punycode). Keys written
 * before were the lower-cased address, which differs only for quoted or non-ASCII addresses; the
 * body (the address as written) is not touched. Should two rows come to share a key (a contact
 * {@code "ann"@x.test} beside {@code ann@x.test}), the first keeps it and the other keeps its old
 * key: it stays readable by id, and address look-ups find the first, as they would find one
 * contact for one mailbox.
 *
 * <p>Version 3 (Flyway reads it from the class name): after V2's locking schema, and last, so it
 * reads rows in their newest shape. It is idempotent (a key already canonical is left alone).
 */
final class V3__CanonicalAddressKeys extends BaseJavaMigration {
  private final StoreJson json = new StoreJson();

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    rekey(c, "agents", body -> Optional.of(json.read(body, Agent.class).email()));
    rekey(c, "contacts", body -> json.read(body, Contact.class).address());
  }

  private static void rekey(Connection c, String table, Function<String, Optional<EmailAddress>> address)
      throws SQLException {
    record Row(String id, String key, String body) {}
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT id, address_key, body FROM " + table + " ORDER BY id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    for (Row row : rows) {
      String key = address.apply(row.body()).map(EmailAddress::key).orElse(null);
      if (key == null || key.equals(row.key()) || taken(c, table, key)) {
        continue;
      }
      try (PreparedStatement u = c.prepareStatement("UPDATE " + table + " SET address_key = ? WHERE id = ?")) {
        u.setString(1, key);
        u.setString(2, row.id());
        u.executeUpdate();
      }
    }
  }

  private static boolean taken(Connection c, String table, String key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + table + " WHERE address_key = ?")) {
      s.setString(1, key);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }
}
