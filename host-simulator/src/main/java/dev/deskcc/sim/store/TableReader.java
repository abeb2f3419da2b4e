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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link StoreReader} methods of the in-memory store, over untyped tables: a committed
 * snapshot ({@link SnapshotReader}) or a transaction's view ({@link InMemoryTx}).
 */
abstract class TableReader implements StoreReader {

  static final String DESK_ADDRESSES = "deskAddresses";
  /**
   * Address key to the record itself, not to its id: screening an address is then one look-up in
   * a table of a million contacts instead of two (each a few cache misses deep). Written with
   * the record, so the two tables never disagree.
   */
  static final String CONTACT_BY_ADDRESS = "contactByAddress";
  static final String AGENT_BY_ADDRESS = "agentByAddress";
  /** Ticket id to an immutable map of contact id to {@link Mute}. */
  static final String MUTES = "mutes";
  /** Address key to {@link Bounce}. */
  static final String BOUNCES = "bounces";
  /**
   * Ticket id to the immutable list of its outbox seqs, ascending (seqs are given in order). Seqs,
   * not entries: a delivery changes the entry in {@code outbox} only, and this index stays as is.
   */
  static final String OUTBOX_BY_TICKET = "outboxByTicket";

  record DataKey(String pluginId, DataScope scope, String id) {}

  record SettingsKey(String departmentId, String pluginId) {}

  /** The tables read as lists (in insertion order); every other table is only looked up by key. */
  private static final Set<String> LISTED = Set.of("departments", "agents", "contacts", "tickets", "outbox");

  static OrderedTable table(Map<String, OrderedTable> tables, String name) {
    OrderedTable table = tables.get(name);
    if (table != null) {
      return table;
    }
    return LISTED.contains(name) ? OrderedTable.EMPTY : OrderedTable.KEYED;
  }


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
    return deskAddresses().find(address);
  }

  @Override
  public DeskAddressIndex deskAddresses() {
    DeskAddressIndex index = (DeskAddressIndex) get(DESK_ADDRESSES, DESK_ADDRESSES);
    return index == null ? DeskAddressIndex.empty() : index;
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
    return typed(AGENT_BY_ADDRESS, address.key());
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
    return typed(CONTACT_BY_ADDRESS, address.key());
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
  public List<OutboxEntry> outbox(String ticketId) {
    if (ticketId == null) {
      return List.of();
    }
    List<Long> seqs = outboxSeqs(ticketId);
    List<OutboxEntry> entries = new ArrayList<>(seqs.size());
    for (Long seq : seqs) {
      this.<OutboxEntry>typed("outbox", seq).ifPresent(entries::add);
    }
    return List.copyOf(entries);
  }

  List<Long> outboxSeqs(String ticketId) {
    return this.<List<Long>>typed(OUTBOX_BY_TICKET, ticketId).orElse(List.of());
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

  @Override
  public Optional<Mute> mute(String ticketId, String contactId) {
    return Optional.ofNullable(this.<Map<String, Mute>>typed(MUTES, ticketId).orElse(Map.of()).get(contactId));
  }

  @Override
  public List<Mute> mutes(String ticketId) {
    return List.copyOf(this.<Map<String, Mute>>typed(MUTES, ticketId).orElse(Map.of()).values());
  }

  @Override
  public Optional<Bounce> bounce(EmailAddress address) {
    return typed(BOUNCES, address.key());
  }
}
