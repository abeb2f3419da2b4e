package dev.deskcc.sim.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.host.DeskAddress;
import dev.deskcc.api.host.PluginData;
import dev.deskcc.api.model.Agent;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Org;
import dev.deskcc.api.model.Rating;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.sim.mail.OutgoingMail;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The store in memory. Committed state is one immutable snapshot swapped atomically on commit, so
 * readers never see half a commit. A transaction keeps its writes in an overlay over the snapshot
 * it started from; one lock serialises write transactions, which keeps cross-request rules (caps,
 * uniqueness) simple and safe. Tables are persistent (structure-sharing) {@link OrderedTable}s,
 * so a commit costs what it changed, not the size of the world: the write lock is held briefly
 * however large the world grows.
 */
public final class InMemoryStore implements Store {

  private static final Object TOMBSTONE = new Object();
  private static final String ID_COUNTER = "id";
  private static final String DESK_ADDRESSES = "deskAddresses";

  private volatile Map<String, OrderedTable> committed = Map.of();
  private final ReentrantLock writeLock = new ReentrantLock();

  @Override
  public StoreReader read() {
    return new SnapshotReader(committed);
  }

  @Override
  public StoreTx begin() {
    return beginTx();
  }

  private Tx beginTx() {
    writeLock.lock();
    return new Tx(committed);
  }

  @Override
  public boolean holdsWorld() {
    return committed.containsKey("world");
  }

  // ---- OutboxQueue: what the mail dispatcher drains

  @Override
  public List<OutgoingMail> pending(int max) {
    return read().outbox().stream()
        .filter(e -> e.state() == DeliveryState.PENDING)
        .limit(max)
        .map(OutboxEntry::mail)
        .toList();
  }

  @Override
  public void delivered(long seq) {
    updateDelivery(seq, null, true);
  }

  @Override
  public void failed(long seq, String reason, boolean permanent) {
    updateDelivery(seq, reason, permanent);
  }

  private void updateDelivery(long seq, String reason, boolean done) {
    try (Tx tx = beginTx()) {
      tx.<OutboxEntry>typed("outbox", seq).ifPresent(e -> {
        DeliveryState state = reason == null ? DeliveryState.DELIVERED
            : done ? DeliveryState.FAILED : DeliveryState.PENDING;
        tx.updateOutbox(new OutboxEntry(e.mail(), state, e.attempts() + 1, reason));
      });
      tx.commit();
    }
  }

  // ---- typed access over untyped tables

  private abstract static class Reader implements StoreReader {

    abstract Object get(String table, Object key);

    abstract Collection<Object> values(String table);

    @SuppressWarnings("unchecked")
    <T> Optional<T> typed(String table, Object key) {
      return Optional.ofNullable((T) get(table, key));
    }

    @SuppressWarnings("unchecked")
    <T> List<T> all(String table) {
      return (List<T>) List.copyOf(values(table));
    }

    @Override
    public Optional<Org> org() {
      return typed("org", "org");
    }

    @Override
    public List<Department> departments() {
      return all("departments");
    }

    @Override
    public Optional<Department> department(String id) {
      return id == null ? Optional.empty() : typed("departments", id);
    }

    @Override
    public Optional<DeskAddress> deskAddress(EmailAddress address) {
      return this.<DeskAddressIndex>typed(DESK_ADDRESSES, DESK_ADDRESSES)
          .orElse(DeskAddressIndex.empty())
          .find(address);
    }

    @Override
    public Optional<List<String>> layout(String departmentId) {
      return typed("layouts", departmentId);
    }

    @Override
    public List<Agent> agents() {
      return all("agents");
    }

    @Override
    public Optional<Agent> agent(String id) {
      return id == null ? Optional.empty() : typed("agents", id);
    }

    @Override
    public Optional<Agent> agentByAddress(EmailAddress address) {
      return this.<String>typed("agentByAddress", address.key()).flatMap(this::agent);
    }

    @Override
    public Optional<TokenOwner> tokenOwner(String token) {
      return token == null ? Optional.empty() : typed("tokens", token);
    }

    @Override
    public List<Contact> contacts() {
      return all("contacts");
    }

    @Override
    public Optional<Contact> contact(String id) {
      return id == null ? Optional.empty() : typed("contacts", id);
    }

    @Override
    public Optional<Contact> contactByAddress(EmailAddress address) {
      return this.<String>typed("contactByAddress", address.key()).flatMap(this::contact);
    }

    @Override
    public List<Ticket> tickets() {
      return all("tickets");
    }

    @Override
    public Optional<Ticket> ticket(String id) {
      return id == null ? Optional.empty() : typed("tickets", id);
    }

    @Override
    public Optional<Ticket> ticketByNumber(long number) {
      return this.<String>typed("ticketByNumber", number).flatMap(this::ticket);
    }

    @Override
    public String description(String ticketId) {
      return this.<String>typed("descriptions", ticketId).orElse("");
    }

    @Override
    public Optional<String> ticketByMessageId(String messageId) {
      return typed("messageIds", messageId);
    }

    @Override
    public List<String> messageIds(String ticketId) {
      return this.<List<String>>typed("ticketMessageIds", ticketId).orElse(List.of());
    }

    @Override
    public Optional<PluginData> pluginData(String pluginId, DataScope scope, String id) {
      return typed("pluginData", new DataKey(pluginId, scope, id));
    }

    @Override
    public Optional<ObjectNode> pluginSettings(String departmentId, String pluginId) {
      return this.<ObjectNode>typed("pluginSettings", new SettingsKey(departmentId, pluginId))
          .map(ObjectNode::deepCopy);
    }

    @Override
    public List<HistoryEvent> history(String ticketId) {
      return this.<List<HistoryEvent>>typed("history", ticketId).orElse(List.of());
    }

    @Override
    public List<OutboxEntry> outbox() {
      List<OutboxEntry> entries = new ArrayList<>(this.<OutboxEntry>all("outbox"));
      entries.sort(Comparator.comparingLong(OutboxEntry::seq));
      return entries;
    }

    @Override
    public List<Rating> ratings(String ticketId) {
      return this.<List<Rating>>typed("ratings", ticketId).orElse(List.of());
    }

    @Override
    public Optional<byte[]> attachment(String sha256) {
      return this.<byte[]>typed("attachments", sha256).map(byte[]::clone);
    }

    @Override
    public Optional<JsonNode> meta(String key) {
      return this.<JsonNode>typed("meta", key).map(JsonNode::deepCopy);
    }
  }

  private record DataKey(String pluginId, DataScope scope, String id) {}

  private record SettingsKey(String departmentId, String pluginId) {}

  private static OrderedTable table(Map<String, OrderedTable> tables, String name) {
    OrderedTable table = tables.get(name);
    return table == null ? OrderedTable.EMPTY : table;
  }

  private static final class SnapshotReader extends Reader {
    private final Map<String, OrderedTable> snapshot;

    SnapshotReader(Map<String, OrderedTable> snapshot) {
      this.snapshot = snapshot;
    }

    @Override
    Object get(String table, Object key) {
      return table(snapshot, table).get(key);
    }

    @Override
    Collection<Object> values(String table) {
      return table(snapshot, table).values();
    }
  }

  private final class Tx extends Reader implements StoreTx {
    private final Map<String, OrderedTable> base;
    private final Map<String, Map<Object, Object>> overlay = new HashMap<>();
    private final Set<String> cleared = new HashSet<>();
    private boolean open = true;

    Tx(Map<String, OrderedTable> base) {
      this.base = base;
    }

    private void ensureOpen() {
      if (!open) {
        throw new IllegalStateException("transaction is over");
      }
    }

    @Override
    synchronized Object get(String table, Object key) {
      ensureOpen();
      Map<Object, Object> written = overlay.get(table);
      if (written != null && written.containsKey(key)) {
        Object value = written.get(key);
        return value == TOMBSTONE ? null : value;
      }
      return cleared.contains(table) ? null : table(base, table).get(key);
    }

    @Override
    synchronized Collection<Object> values(String table) {
      ensureOpen();
      Map<Object, Object> written = overlay.get(table);
      if (written == null) {
        return cleared.contains(table) ? List.of() : table(base, table).values();
      }
      Map<Object, Object> merged = new LinkedHashMap<>();
      if (!cleared.contains(table)) {
        table(base, table).forEach(merged::put);
      }
      written.forEach((k, v) -> {
        if (v == TOMBSTONE) {
          merged.remove(k);
        } else {
          merged.put(k, v);
        }
      });
      return merged.values();
    }

    private synchronized void put(String table, Object key, Object value) {
      ensureOpen();
      overlay.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(key, value == null ? TOMBSTONE : value);
    }

    private long counter(String name, long first) {
      long next = this.<Long>typed("counters", name).orElse(first - 1) + 1;
      put("counters", name, next);
      return next;
    }

    @Override
    public synchronized void clear() {
      ensureOpen();
      long ids = this.<Long>typed("counters", ID_COUNTER).orElse(0L);
      Set<String> tables = new HashSet<>(base.keySet());
      tables.addAll(overlay.keySet());
      cleared.addAll(tables);
      overlay.clear();
      put("counters", ID_COUNTER, ids);
      put("world", "world", Boolean.TRUE);
    }

    @Override
    public String newId(String prefix) {
      return prefix + counter(ID_COUNTER, 1);
    }

    @Override
    public long nextTicketNumber() {
      return counter("ticketNumber", 101);
    }

    @Override
    public void putOrg(Org org) {
      put("org", "org", org);
    }

    @Override
    public void putDepartment(Department department) {
      put("departments", department.id(), department);
      // departments change rarely and are few: rebuilding the whole index keeps it simple
      put(DESK_ADDRESSES, DESK_ADDRESSES, DeskAddressIndex.of(departments()));
    }

    @Override
    public void putLayout(String departmentId, List<String> fieldNames) {
      put("layouts", departmentId, List.copyOf(fieldNames));
    }

    @Override
    public void putAgent(Agent agent) {
      this.<String>typed("agentByAddress", agent.email().key()).ifPresent(owner -> {
        if (!owner.equals(agent.id())) {
          throw new UniqueAddressException(agent.email().address());
        }
      });
      agent(agent.id()).ifPresent(old -> put("agentByAddress", old.email().key(), null));
      put("agents", agent.id(), agent);
      put("agentByAddress", agent.email().key(), agent.id());
    }

    @Override
    public void putToken(String token, TokenOwner owner) {
      put("tokens", token, owner);
    }

    @Override
    public void putContact(Contact contact) {
      if (contact.email() != null) {
        this.<String>typed("contactByAddress", contact.email().key()).ifPresent(owner -> {
          if (!owner.equals(contact.id())) {
            throw new UniqueAddressException(contact.email().address());
          }
        });
      }
      contact(contact.id()).flatMap(Contact::address)
          .ifPresent(old -> put("contactByAddress", old.key(), null));
      put("contacts", contact.id(), contact);
      if (contact.email() != null) {
        put("contactByAddress", contact.email().key(), contact.id());
      }
    }

    @Override
    public void putTicket(Ticket ticket, String description) {
      putTicket(ticket);
      put("descriptions", ticket.id(), description == null ? "" : description);
    }

    @Override
    public void putTicket(Ticket ticket) {
      put("tickets", ticket.id(), ticket);
      put("ticketByNumber", ticket.number(), ticket.id());
    }

    @Override
    public void addMessageId(String ticketId, String messageId) {
      if (ticketByMessageId(messageId).isPresent()) {
        return;
      }
      put("messageIds", messageId, ticketId);
      List<String> ids = new ArrayList<>(messageIds(ticketId));
      ids.add(messageId);
      put("ticketMessageIds", ticketId, List.copyOf(ids));
    }

    @Override
    public PluginData putPluginData(String pluginId, DataScope scope, String id, int schemaVersion, JsonNode value) {
      long revision = pluginData(pluginId, scope, id).map(PluginData::revision).orElse(0L) + 1;
      PluginData data = new PluginData(schemaVersion, value.deepCopy(), revision);
      put("pluginData", new DataKey(pluginId, scope, id), data);
      return data;
    }

    @Override
    public void putPluginSettings(String departmentId, String pluginId, ObjectNode settings) {
      put("pluginSettings", new SettingsKey(departmentId, pluginId), settings.deepCopy());
    }

    @Override
    public void addHistory(String ticketId, HistoryEvent event) {
      List<HistoryEvent> events = new ArrayList<>(history(ticketId));
      events.add(event);
      put("history", ticketId, List.copyOf(events));
    }

    @Override
    public long nextOutboxSeq() {
      return this.<Long>typed("counters", "outboxSeq").orElse(0L) + 1;
    }

    @Override
    public void addOutbox(OutgoingMail mail) {
      if (mail.seq() != nextOutboxSeq()) {
        throw new IllegalArgumentException("outbox seq must be " + nextOutboxSeq());
      }
      put("counters", "outboxSeq", mail.seq());
      put("outbox", mail.seq(), new OutboxEntry(mail, DeliveryState.PENDING, 0, null));
    }

    @Override
    public void updateOutbox(OutboxEntry entry) {
      put("outbox", entry.seq(), entry);
    }

    @Override
    public void addRating(String ticketId, Rating rating) {
      List<Rating> ratings = new ArrayList<>(ratings(ticketId));
      ratings.add(rating);
      put("ratings", ticketId, List.copyOf(ratings));
    }

    @Override
    public void putAttachment(String sha256, byte[] content) {
      if (get("attachments", sha256) == null) {
        put("attachments", sha256, content.clone());
      }
    }

    @Override
    public void putMeta(String key, JsonNode value) {
      put("meta", key, value.deepCopy());
    }

    @Override
    public synchronized void commit() {
      ensureOpen();
      Map<String, OrderedTable> next = new HashMap<>(base);
      next.keySet().removeAll(cleared);
      overlay.forEach((table, writes) -> {
        OrderedTable merged = table(next, table);
        for (Map.Entry<Object, Object> write : writes.entrySet()) {
          merged = write.getValue() == TOMBSTONE
              ? merged.without(write.getKey())
              : merged.with(write.getKey(), write.getValue());
        }
        next.put(table, merged);
      });
      committed = Map.copyOf(next);
      finish();
    }

    @Override
    public synchronized void rollback() {
      if (open) {
        finish();
      }
    }

    @Override
    public void close() {
      rollback();
    }

    private void finish() {
      open = false;
      overlay.clear();
      writeLock.unlock();
    }
  }
}
