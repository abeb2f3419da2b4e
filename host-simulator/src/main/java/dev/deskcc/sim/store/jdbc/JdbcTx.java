package dev.deskcc.sim.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.host.PluginData;
import dev.deskcc.api.model.Agent;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.Org;
import dev.deskcc.api.model.Rating;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.sim.mail.OutgoingMail;
import dev.deskcc.sim.store.DataScope;
import dev.deskcc.sim.store.DeliveryState;
import dev.deskcc.sim.store.HistoryEvent;
import dev.deskcc.sim.store.OutboxEntry;
import dev.deskcc.sim.store.StoreTx;
import dev.deskcc.sim.store.TokenOwner;
import dev.deskcc.sim.store.UniqueAddressException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * One write transaction on one JDBC connection: every write goes to the database at once, inside
 * the transaction, and {@link #commit()} commits them together. The caller of the constructor has
 * already taken the world lock; {@link #commit()} and {@link #rollback()} end the transaction and
 * hand the lock back through {@code release}.
 */
final class JdbcTx extends JdbcReads implements StoreTx {
  private static final String WORLD_TABLES_IN_DELETE_ORDER =
      "outbox,attachments,ratings,history,plugin_settings,plugin_data,message_ids,tickets,contacts,tokens,agents,docs";

  private final Connection connection;
  private final Sql sql;
  private final Runnable release;
  private volatile boolean open = true;

  JdbcTx(Connection connection, StoreJson json, Runnable release) {
    super(json);
    this.connection = connection;
    this.sql = new Sql(connection);
    this.release = release;
  }

  @Override
  <T> T with(Function<Sql, T> read) {
    ensureOpen();
    return read.apply(sql);
  }

  private void ensureOpen() {
    if (!open) {
      throw new IllegalStateException("transaction is over");
    }
  }

  private Sql write() {
    ensureOpen();
    return sql;
  }

  /** UPDATE, and INSERT when there was nothing to update; safe because writers are serialised. */
  private void upsert(String update, String insert, Object[] updateParams, Object[] insertParams) {
    if (write().update(update, updateParams) == 0) {
      sql.update(insert, insertParams);
    }
  }

  private void putDoc(String kind, String id, Object value) {
    String body = json.write(value);
    upsert("UPDATE docs SET body = ? WHERE kind = ? AND id = ?", "INSERT INTO docs (kind, id, body) VALUES (?, ?, ?)",
        new Object[] {body, kind, id}, new Object[] {kind, id, body});
  }

  private long counterValue(String name, long none) {
    return write().one("SELECT counter_value FROM counters WHERE name = ?", rs -> rs.getLong(1), name).orElse(none);
  }

  private void setCounter(String name, long value) {
    upsert("UPDATE counters SET counter_value = ? WHERE name = ?", "INSERT INTO counters (name, counter_value) VALUES (?, ?)",
        new Object[] {value, name}, new Object[] {name, value});
  }

  private long nextCounter(String name, long first) {
    long next = counterValue(name, first - 1) + 1;
    setCounter(name, next);
    return next;
  }

  @Override
  public void clear() {
    for (String table : WORLD_TABLES_IN_DELETE_ORDER.split(",")) {
      write().update("DELETE FROM " + table);
    }
    sql.update("DELETE FROM counters WHERE name <> 'id'");
    setCounter("world", 1);
  }

  @Override
  public String newId(String prefix) {
    return prefix + nextCounter("id", 1);
  }

  @Override
  public long nextTicketNumber() {
    return nextCounter("ticketNumber", 101);
  }

  @Override
  public void putOrg(Org org) {
    putDoc("org", "org", org);
  }

  @Override
  public void putDepartment(Department department) {
    putDoc("department", department.id(), department);
  }

  @Override
  public void putLayout(String departmentId, List<String> fieldNames) {
    putDoc("layout", departmentId, List.copyOf(fieldNames));
  }

  @Override
  public void putAgent(Agent agent) {
    String key = agent.email().key();
    write().one("SELECT id FROM agents WHERE address_key = ?", rs -> rs.getString(1), key)
        .filter(owner -> !owner.equals(agent.id()))
        .ifPresent(owner -> {
          throw new UniqueAddressException(agent.email().address());
        });
    String body = json.write(agent);
    upsert("UPDATE agents SET address_key = ?, body = ? WHERE id = ?",
        "INSERT INTO agents (id, address_key, body) VALUES (?, ?, ?)",
        new Object[] {key, body, agent.id()}, new Object[] {agent.id(), key, body});
  }

  @Override
  public void putToken(String token, TokenOwner owner) {
    upsert("UPDATE tokens SET owner_type = ?, owner_id = ? WHERE token = ?",
        "INSERT INTO tokens (token, owner_type, owner_id) VALUES (?, ?, ?)",
        new Object[] {owner.type().name(), owner.id(), token}, new Object[] {token, owner.type().name(), owner.id()});
  }

  @Override
  public void putContact(Contact contact) {
    String key = contact.address().map(a -> a.key()).orElse(null);
    if (key != null) {
      // checked before writing: a unique-constraint violation would end the whole transaction in PostgreSQL
      write().one("SELECT id FROM contacts WHERE address_key = ?", rs -> rs.getString(1), key)
          .filter(owner -> !owner.equals(contact.id()))
          .ifPresent(owner -> {
            throw new UniqueAddressException(contact.email().address());
          });
    }
    String body = json.write(contact);
    upsert("UPDATE contacts SET address_key = ?, body = ? WHERE id = ?",
        "INSERT INTO contacts (id, address_key, body) VALUES (?, ?, ?)",
        new Object[] {key, body, contact.id()}, new Object[] {contact.id(), key, body});
  }

  @Override
  public void putTicket(Ticket ticket, String description) {
    String body = json.write(ticket);
    String text = description == null ? "" : description;
    upsert("UPDATE tickets SET ticket_number = ?, version = ?, description = ?, body = ? WHERE id = ?",
        "INSERT INTO tickets (id, ticket_number, version, description, body) VALUES (?, ?, ?, ?, ?)",
        new Object[] {ticket.number(), ticket.version(), text, body, ticket.id()},
        new Object[] {ticket.id(), ticket.number(), ticket.version(), text, body});
  }

  @Override
  public void putTicket(Ticket ticket) {
    String body = json.write(ticket);
    upsert("UPDATE tickets SET ticket_number = ?, version = ?, body = ? WHERE id = ?",
        "INSERT INTO tickets (id, ticket_number, version, description, body) VALUES (?, ?, ?, '', ?)",
        new Object[] {ticket.number(), ticket.version(), body, ticket.id()},
        new Object[] {ticket.id(), ticket.number(), ticket.version(), body});
  }

  @Override
  public void addMessageId(String ticketId, String messageId) {
    if (ticketByMessageId(messageId).isEmpty()) {
      write().update("INSERT INTO message_ids (message_id, ticket_id) VALUES (?, ?)", messageId, ticketId);
    }
  }

  @Override
  public PluginData putPluginData(String pluginId, DataScope scope, String id, int schemaVersion, JsonNode value) {
    long revision = pluginData(pluginId, scope, id).map(PluginData::revision).orElse(0L) + 1;
    String body = json.write(value);
    upsert("UPDATE plugin_data SET schema_version = ?, revision = ?, body = ? WHERE plugin_id = ? AND scope = ? AND id = ?",
        "INSERT INTO plugin_data (plugin_id, scope, id, schema_version, revision, body) VALUES (?, ?, ?, ?, ?, ?)",
        new Object[] {schemaVersion, revision, body, pluginId, scope.name(), id},
        new Object[] {pluginId, scope.name(), id, schemaVersion, revision, body});
    return new PluginData(schemaVersion, value.deepCopy(), revision);
  }

  @Override
  public void putPluginSettings(String departmentId, String pluginId, ObjectNode settings) {
    String body = json.write(settings);
    upsert("UPDATE plugin_settings SET body = ? WHERE department_id = ? AND plugin_id = ?",
        "INSERT INTO plugin_settings (department_id, plugin_id, body) VALUES (?, ?, ?)",
        new Object[] {body, departmentId, pluginId}, new Object[] {departmentId, pluginId, body});
  }

  @Override
  public void addHistory(String ticketId, HistoryEvent event) {
    write().update("INSERT INTO history (ticket_id, body) VALUES (?, ?)", ticketId, json.write(event));
  }

  @Override
  public long nextOutboxSeq() {
    return counterValue("outboxSeq", 0) + 1;
  }

  @Override
  public void addOutbox(OutgoingMail mail) {
    long next = nextOutboxSeq();
    if (mail.seq() != next) {
      throw new IllegalArgumentException("outbox seq must be " + next);
    }
    setCounter("outboxSeq", mail.seq());
    sql.update("INSERT INTO outbox (seq, ticket_id, state, attempts, body) VALUES (?, ?, ?, 0, ?)",
        mail.seq(), mail.ticketId(), DeliveryState.PENDING.name(), json.write(mail));
  }

  @Override
  public void updateOutbox(OutboxEntry entry) {
    write().update("UPDATE outbox SET state = ?, attempts = ?, last_error = ?, body = ? WHERE seq = ?",
        entry.state().name(), entry.attempts(), entry.lastError(), json.write(entry.mail()), entry.seq());
  }

  @Override
  public void addRating(String ticketId, Rating rating) {
    // one per rater: the body holds the rater, so the rater's earlier row is found by reading the ticket's few rows
    record RatingRow(long ord, String body) {}
    for (RatingRow row : write().list("SELECT ord, body FROM ratings WHERE ticket_id = ?",
        rs -> new RatingRow(rs.getLong(1), rs.getString(2)), ticketId)) {
      if (json.read(row.body(), Rating.class).raterContactId().equals(rating.raterContactId())) {
        sql.update("DELETE FROM ratings WHERE ord = ?", row.ord());
      }
    }
    sql.update("INSERT INTO ratings (ticket_id, body) VALUES (?, ?)", ticketId, json.write(rating));
  }

  @Override
  public void putAttachment(String sha256, byte[] content) {
    if (write().one("SELECT 1 FROM attachments WHERE sha256 = ?", rs -> 1, sha256).isEmpty()) {
      sql.update("INSERT INTO attachments (sha256, content) VALUES (?, ?)", sha256, content.clone());
    }
  }

  @Override
  public void putMeta(String key, JsonNode value) {
    putDoc("meta", key, value);
  }

  @Override
  public void commit() {
    ensureOpen();
    try {
      connection.commit();
    } catch (SQLException e) {
      // not committed: the change is not acknowledged (the caller answers with an error)
      end(false);
      throw Sql.failure("COMMIT", e);
    }
    end(true);
  }

  @Override
  public void rollback() {
    if (open) {
      end(false);
    }
  }

  @Override
  public void close() {
    rollback();
  }

  private void end(boolean committed) {
    open = false;
    try {
      if (!committed) {
        connection.rollback();
      }
    } catch (SQLException e) {
      // the connection is closed below; the database drops what was not committed
    } finally {
      try {
        connection.close();
      } catch (SQLException e) {
        // returned to (or dropped from) the pool either way
      } finally {
        release.run();
      }
    }
  }
}
