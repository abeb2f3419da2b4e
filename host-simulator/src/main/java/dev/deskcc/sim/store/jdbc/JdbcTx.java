package dev.deskcc.sim.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.host.PluginData;
import dev.deskcc.api.model.Agent;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Org;
import dev.deskcc.api.model.Rating;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.sim.mail.OutgoingMail;
import dev.deskcc.sim.store.DataScope;
import dev.deskcc.sim.store.DeliveryState;
import dev.deskcc.sim.store.Bounce;
import dev.deskcc.sim.store.HistoryEvent;
import dev.deskcc.sim.store.Mute;
import dev.deskcc.sim.store.OutboxEntry;
import dev.deskcc.sim.store.StoreTx;
import dev.deskcc.sim.store.TokenOwner;
import dev.deskcc.sim.store.UniqueAddressException;
import dev.deskcc.sim.store.StoreConflict;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One write transaction on one JDBC connection: every write goes to the database at once, inside
 * the transaction, and {@link #commit()} commits them together; {@link #commit()} and {@link
 * #rollback()} end it and run {@code release} (the H2 store's JVM lock).
 *
 * <p>Locks ({@link Dialect#POSTGRES}; under H2 the JVM lock already makes this the only writer):
 * the store took the shared side of the world lock in {@code begin}. Reading a ticket locks its
 * row ({@code FOR UPDATE}) until the end, so a read-modify-write of a ticket, of its thread or of
 * a plugin's data of it cannot interleave with another; under READ COMMITTED the locked read, and
 * every later statement, sees every commit made before the lock was granted. Outbox messages are
 * held back to commit and numbered after it (see {@link #addOutbox}, {@link OutboxNumbering}).
 */
final class JdbcTx extends JdbcReads implements StoreTx {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbcTx.class);
  private static final String WORLD_TABLES_IN_DELETE_ORDER =
      "mutes,bounces,outbox,attachments,ratings,history,plugin_settings,plugin_data,message_ids,tickets,contacts,tokens,agents,docs";

  private final Connection connection;
  private final Dialect dialect;
  private final Sql sql;
  private final Runnable release;
  /** Tickets (and departments, prefixed) this transaction holds locks on: each is locked once. */
  private final Set<String> locked = new HashSet<>();
  /** Messages of this change, numbered for real at commit. */
  private final List<OutgoingMail> outgoing = new ArrayList<>();
  private long outboxBase = -1;
  private boolean numberAfterCommit;
  private volatile StoreConflict conflict;
  private volatile boolean open = true;

  JdbcTx(Connection connection, Dialect dialect, StoreJson json, Runnable release) {
    super(json);
    this.connection = connection;
    this.dialect = dialect;
    this.sql = new Sql(connection, c -> {
      if (conflict == null) {
        conflict = c;
      }
    });
    this.release = release;
  }

  @Override
  <T> T with(Function<Sql, T> read) {
    ensureOpen();
    return read.apply(sql);
  }

  @Override
  public boolean conflicted() {
    return conflict != null;
  }

  // ---- locks at the grain of the work (PostgreSQL only; see the class comment)

  private boolean locks() {
    return dialect == Dialect.POSTGRES;
  }

  private void lockTicket(String ticketId) {
    if (locks() && ticketId != null && locked.add("t:" + ticketId)) {
      write().one("SELECT 1 FROM tickets WHERE id = ? FOR UPDATE", rs -> 1, ticketId);
    }
  }

  @Override
  public void lockTickets(Collection<String> ticketIds) {
    // ascending id: every transaction that locks several tickets takes them in this one order
    new TreeSet<>(ticketIds).forEach(this::lockTicket);
  }

  @Override
  public void lockDepartment(String departmentId) {
    if (locks() && departmentId != null && locked.add("d:" + departmentId)) {
      write().one("SELECT 1 FROM docs WHERE kind = 'department' AND id = ? FOR UPDATE", rs -> 1, departmentId);
    }
  }

  /** A read in a write transaction may be the start of a write: the ticket is locked first. */
  @Override
  public Optional<Ticket> ticket(String id) {
    lockTicket(id);
    return super.ticket(id);
  }

  @Override
  public Optional<Ticket> ticketByNumber(long number) {
    Optional<Ticket> seen = super.ticketByNumber(number);
    // the number never changes, so the ticket found is the one to lock; read again once locked
    return seen.isPresent() ? ticket(seen.get().id()) : seen;
  }

  /**
   * Looking a Message-ID up in a write transaction locks that id (an advisory key of its own) for
   * the rest of it: two nodes taking in the same message at once both find it unknown otherwise,
   * and would both thread it. The second now waits, then finds the first one's commit and drops
   * the message as a duplicate.
   */
  @Override
  public Optional<String> ticketByMessageId(String messageId) {
    if (locks() && messageId != null && locked.add("m:" + messageId)) {
      write().execute("SELECT pg_advisory_xact_lock(?, hashtext(?))", Dialect.MESSAGE_ID_LOCKS, messageId);
    }
    return super.ticketByMessageId(messageId);
  }

  /** A plugin's read-modify-write of its data: the ticket, or the department, is locked first. */
  @Override
  public Optional<PluginData> pluginData(String pluginId, DataScope scope, String id) {
    lockScope(scope, id);
    return super.pluginData(pluginId, scope, id);
  }

  private void lockScope(DataScope scope, String id) {
    if (scope == DataScope.TICKET) {
      lockTicket(id);
    } else {
      lockDepartment(id);
    }
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

  /**
   * UPDATE, and INSERT when there was nothing to update. Writers of one row hold its ticket or
   * department lock; should two insert one new row at once anyway, the second gets a unique
   * violation, a {@link StoreConflict}, and its change runs again.
   */
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

  private long nextValue(String sequence) {
    return write().one(dialect.nextValue(sequence), rs -> rs.getLong(1)).orElseThrow();
  }

  /**
   * The one operation that still takes the whole world: a fixture load replaces everything, so it
   * takes the exclusive side of the world lock (every other write transaction holds the shared
   * side) and waits until no other change is open on any node.
   */
  @Override
  public void clear() {
    if (locks()) {
      write().execute("SELECT pg_advisory_xact_lock(" + Dialect.WORLD_LOCK + ")");
    }
    outgoing.clear();
    outboxBase = 0;
    for (String table : WORLD_TABLES_IN_DELETE_ORDER.split(",")) {
      write().update("DELETE FROM " + table);
    }
    // 'idBase' stays: ids are never reused; ticket numbers restart at 101 without resetting the
    // sequence (a reset is not transactional): the base moves so that its next value is 101
    sql.update("DELETE FROM counters WHERE name NOT IN ('id', 'idBase')");
    if (locks()) {
      setCounter("ticketNumberBase", nextValue("ticket_numbers") - 100);
    }
    setCounter("outboxSeq", 0);
    setCounter("world", 1);
  }

  /**
   * PostgreSQL: from a sequence, no lock, so transactions on every node take ids side by side.
   * H2 (a single writer) keeps its counter row.
   */
  @Override
  public String newId(String prefix) {
    return prefix + (locks() ? counterValue("idBase", 0) + nextValue("ids") : nextCounter("id", 1));
  }

  /**
   * PostgreSQL: from a sequence, shifted by the base {@link #clear()} set (only a fixture load
   * moves it); a rolled-back change leaves a gap. H2 (a single writer) keeps its gapless counter.
   */
  @Override
  public long nextTicketNumber() {
    return locks() ? nextValue("ticket_numbers") - counterValue("ticketNumberBase", -100)
        : nextCounter("ticketNumber", 101);
  }

  private long nextCounter(String name, long first) {
    long next = counterValue(name, first - 1) + 1;
    setCounter(name, next);
    return next;
  }

  @Override
  public Contact contactFor(Contact candidate) {
    String key = candidate.address().map(a -> a.key()).orElse(null);
    if (key == null || !locks()) {
      return StoreTx.super.contactFor(candidate);
    }
    // insert-or-get on the unique key: a concurrent insert of the same address makes this one
    // wait for it and then do nothing; the contact is then whichever row holds the key
    write().update("INSERT INTO contacts (id, address_key, body) VALUES (?, ?, ?) ON CONFLICT (address_key) DO NOTHING",
        candidate.id(), key, json.write(candidate));
    return sql.one("SELECT body FROM contacts WHERE address_key = ?", rs -> rs.getString(1), key)
        .map(body -> json.read(body, Contact.class)).orElseThrow();
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
    lockScope(scope, id);
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

  /**
   * Provisional (see {@link StoreTx#nextOutboxSeq()}): the count committed when this transaction
   * first asked, plus its own messages. Read once, so that the caller's seq still matches in
   * {@link #addOutbox} when other nodes commit mail in between.
   */
  @Override
  public long nextOutboxSeq() {
    if (outboxBase < 0) {
      outboxBase = counterValue("outboxSeq", 0);
    }
    return outboxBase + outgoing.size() + 1;
  }

  /**
   * Held back until {@link #commit()}, which inserts them: on PostgreSQL with temporary seqs,
   * numbered after the commit by {@link OutboxNumbering} (no lock held by the change); under H2's
   * single writer numbered right there. Either way seqs become visible in ascending order without
   * gaps (readers page with {@code afterSeq}).
   */
  @Override
  public void addOutbox(OutgoingMail mail) {
    long next = nextOutboxSeq();
    if (mail.seq() != next) {
      throw new IllegalArgumentException("outbox seq must be " + next);
    }
    ensureOpen();
    outgoing.add(mail);
  }

  @Override
  public List<OutboxEntry> outbox() {
    List<OutboxEntry> all = new ArrayList<>(super.outbox());
    outgoing.forEach(m -> all.add(new OutboxEntry(m, DeliveryState.PENDING, 0, null)));
    return all;
  }

  @Override
  public List<OutboxEntry> outbox(String ticketId) {
    List<OutboxEntry> mine = new ArrayList<>(super.outbox(ticketId));
    outgoing.stream().filter(m -> m.ticketId() != null && m.ticketId().equals(ticketId))
        .forEach(m -> mine.add(new OutboxEntry(m, DeliveryState.PENDING, 0, null)));
    return mine;
  }

  /** PostgreSQL: temporary seqs now, the real ones after commit (see {@link OutboxNumbering}). */
  private void insertOutgoing() {
    if (outgoing.isEmpty()) {
      return;
    }
    if (locks()) {
      for (OutgoingMail mail : outgoing) {
        sql.update("INSERT INTO outbox (seq, ticket_id, state, attempts, body) VALUES (?, ?, ?, 0, ?)",
            OutboxNumbering.temporarySeq(sql), mail.ticketId(), DeliveryState.PENDING.name(), json.write(mail));
      }
      numberAfterCommit = true;
      outgoing.clear();
      return;
    }
    // a single writer: numbered in the change itself
    long last = write().one("SELECT counter_value FROM counters WHERE name = 'outboxSeq' FOR UPDATE",
        rs -> rs.getLong(1)).orElse(0L);
    for (OutgoingMail mail : outgoing) {
      long seq = ++last;
      ObjectNode body = (ObjectNode) json.tree(json.write(mail));
      body.put("seq", seq);
      sql.update("INSERT INTO outbox (seq, ticket_id, state, attempts, body) VALUES (?, ?, ?, 0, ?)",
          seq, mail.ticketId(), DeliveryState.PENDING.name(), json.write(body));
    }
    setCounter("outboxSeq", last);
    outgoing.clear();
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
    if (locks()) {
      // content-addressed: two changes storing one attachment at once keep one row, no conflict
      write().update("INSERT INTO attachments (sha256, content) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING",
          sha256, content.clone());
      return;
    }
    if (write().one("SELECT 1 FROM attachments WHERE sha256 = ?", rs -> 1, sha256).isEmpty()) {
      sql.update("INSERT INTO attachments (sha256, content) VALUES (?, ?)", sha256, content.clone());
    }
  }

  @Override
  public void putMute(Mute mute) {
    String body = json.write(mute);
    upsert("UPDATE mutes SET body = ? WHERE ticket_id = ? AND contact_id = ?",
        "INSERT INTO mutes (ticket_id, contact_id, body) VALUES (?, ?, ?)",
        new Object[] {body, mute.ticketId(), mute.contactId()}, new Object[] {mute.ticketId(), mute.contactId(), body});
  }

  @Override
  public void removeMute(String ticketId, String contactId) {
    write().update("DELETE FROM mutes WHERE ticket_id = ? AND contact_id = ?", ticketId, contactId);
  }

  @Override
  public void putBounce(Bounce bounce) {
    String body = json.write(bounce);
    upsert("UPDATE bounces SET body = ? WHERE address_key = ?", "INSERT INTO bounces (address_key, body) VALUES (?, ?)",
        new Object[] {body, bounce.key()}, new Object[] {bounce.key(), body});
  }

  @Override
  public void removeBounce(EmailAddress address) {
    write().update("DELETE FROM bounces WHERE address_key = ?", address.key());
  }

  @Override
  public void putMeta(String key, JsonNode value) {
    putDoc("meta", key, value);
  }

  /**
   * @throws StoreConflict when a statement of this transaction met one (even if a plugin caught
   *     it): nothing is committed and the change may run again
   */
  @Override
  public void commit() {
    ensureOpen();
    if (conflict == null) {
      try {
        insertOutgoing();
      } catch (StoreConflict e) {
        // recorded in conflict by the statement; thrown below
      }
    }
    if (conflict != null) {
      end(false);
      throw conflict;
    }
    try {
      connection.commit();
    } catch (SQLException e) {
      // not committed: the change is not acknowledged (the caller answers with an error)
      end(false);
      throw Sql.failure("COMMIT", e);
    }
    if (numberAfterCommit) {
      try {
        OutboxNumbering.number(connection, json);
      } catch (SQLException | RuntimeException e) {
        // the change is committed and is answered; its messages get their seqs from the next
        // numbering on any node (a delivery poll at the latest)
        LOG.warn("outbox messages of a committed change are left for the next numbering: {}", e.getMessage());
      }
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
