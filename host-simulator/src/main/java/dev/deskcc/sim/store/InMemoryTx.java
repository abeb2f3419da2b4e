package dev.deskcc.sim.store;

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A write transaction of the in-memory store: its writes live in an overlay over the snapshot it
 * started from, and {@link #commit()} publishes a new snapshot that shares structure with the
 * old one. The store's write lock is held from creation to commit or rollback.
 */
final class InMemoryTx extends TableReader implements StoreTx {
  private static final Object TOMBSTONE = new Object();
  private static final String ID_COUNTER = "id";

  private final Map<String, OrderedTable> base;
  private final Consumer<Map<String, OrderedTable>> publish;
  private final Runnable release;
  private final Map<String, Map<Object, Object>> overlay = new HashMap<>();
  private final Set<String> cleared = new HashSet<>();
  private boolean open = true;

  /**
   * @param publish makes a committed state the store's current one
   * @param release releases the store's write lock (called once, on commit or rollback)
   */
  InMemoryTx(Map<String, OrderedTable> base, Consumer<Map<String, OrderedTable>> publish, Runnable release) {
    this.base = base;
    this.publish = publish;
    this.release = release;
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
    this.<Agent>typed(AGENT_BY_ADDRESS, agent.email().key()).ifPresent(owner -> {
      if (!owner.id().equals(agent.id())) {
        throw new UniqueAddressException(agent.email().address());
      }
    });
    agent(agent.id()).ifPresent(old -> put(AGENT_BY_ADDRESS, old.email().key(), null));
    put("agents", agent.id(), agent);
    put(AGENT_BY_ADDRESS, agent.email().key(), agent);
  }

  @Override
  public void putToken(String token, TokenOwner owner) {
    put("tokens", token, owner);
  }

  @Override
  public void putContact(Contact contact) {
    if (contact.email() != null) {
      this.<Contact>typed(CONTACT_BY_ADDRESS, contact.email().key()).ifPresent(owner -> {
        if (!owner.id().equals(contact.id())) {
          throw new UniqueAddressException(contact.email().address());
        }
      });
    }
    contact(contact.id()).flatMap(Contact::address)
        .ifPresent(old -> put(CONTACT_BY_ADDRESS, old.key(), null));
    put("contacts", contact.id(), contact);
    if (contact.email() != null) {
      put(CONTACT_BY_ADDRESS, contact.email().key(), contact);
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
    if (mail.ticketId() != null) {
      List<Long> seqs = new ArrayList<>(outboxSeqs(mail.ticketId()));
      seqs.add(mail.seq());
      put(OUTBOX_BY_TICKET, mail.ticketId(), List.copyOf(seqs));
    }
  }

  @Override
  public void updateOutbox(OutboxEntry entry) {
    // a delivery state changes, never the message's seq or ticket: OUTBOX_BY_TICKET stays right
    put("outbox", entry.seq(), entry);
  }

  @Override
  public void addRating(String ticketId, Rating rating) {
    List<Rating> ratings = new ArrayList<>(ratings(ticketId));
    ratings.removeIf(r -> r.raterContactId().equals(rating.raterContactId()));
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
  public void putMute(Mute mute) {
    Map<String, Mute> mutes = new HashMap<>(this.<Map<String, Mute>>typed(MUTES, mute.ticketId()).orElse(Map.of()));
    mutes.put(mute.contactId(), mute);
    put(MUTES, mute.ticketId(), Map.copyOf(mutes));
  }

  @Override
  public void removeMute(String ticketId, String contactId) {
    Map<String, Mute> mutes = new HashMap<>(this.<Map<String, Mute>>typed(MUTES, ticketId).orElse(Map.of()));
    if (mutes.remove(contactId) != null) {
      put(MUTES, ticketId, mutes.isEmpty() ? null : Map.copyOf(mutes));
    }
  }

  @Override
  public void putBounce(Bounce bounce) {
    put(BOUNCES, bounce.key(), bounce);
  }

  @Override
  public void removeBounce(EmailAddress address) {
    put(BOUNCES, address.key(), null);
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
    publish.accept(Map.copyOf(next));
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
    release.run();
  }
}
