package dev.deskcc.sim.store.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.host.PluginData;
import dev.deskcc.api.model.ActorType;
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
import dev.deskcc.sim.store.StoreReader;
import dev.deskcc.sim.store.TokenOwner;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every read of the store as SQL. Subclasses say which connection a read runs on: a pooled one
 * per call (committed state) or the transaction's own (its writes included).
 */
abstract class JdbcReads implements StoreReader {
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  final StoreJson json;

  JdbcReads(StoreJson json) {
    this.json = json;
  }

  /** Runs one read. */
  abstract <T> T with(Function<Sql, T> read);

  private <T> Optional<T> doc(String kind, String id, Class<T> type) {
    return with(sql -> sql.one("SELECT body FROM docs WHERE kind = ? AND id = ?", rs -> rs.getString(1), kind, id))
        .map(body -> json.read(body, type));
  }

  private <T> List<T> docs(String kind, Class<T> type) {
    return with(sql -> sql.list("SELECT body FROM docs WHERE kind = ? ORDER BY ord", rs -> rs.getString(1), kind))
        .stream().map(body -> json.read(body, type)).toList();
  }

  @Override
  public Optional<Org> org() {
    return doc("org", "org", Org.class);
  }

  @Override
  public List<Department> departments() {
    return docs("department", Department.class);
  }

  @Override
  public Optional<Department> department(String id) {
    return id == null ? Optional.empty() : doc("department", id, Department.class);
  }

  @Override
  public Optional<List<String>> layout(String departmentId) {
    return with(sql -> sql.one("SELECT body FROM docs WHERE kind = 'layout' AND id = ?", rs -> rs.getString(1),
        departmentId)).map(body -> List.copyOf(json.read(body, STRINGS)));
  }

  @Override
  public List<Agent> agents() {
    return with(sql -> sql.list("SELECT body FROM agents ORDER BY ord", rs -> rs.getString(1))).stream()
        .map(body -> json.read(body, Agent.class)).toList();
  }

  @Override
  public Optional<Agent> agent(String id) {
    return id == null ? Optional.empty()
        : with(sql -> sql.one("SELECT body FROM agents WHERE id = ?", rs -> rs.getString(1), id))
            .map(body -> json.read(body, Agent.class));
  }

  @Override
  public Optional<Agent> agentByAddress(EmailAddress address) {
    return with(sql -> sql.one("SELECT body FROM agents WHERE address_key = ?", rs -> rs.getString(1), address.key()))
        .map(body -> json.read(body, Agent.class));
  }

  @Override
  public Optional<TokenOwner> tokenOwner(String token) {
    return token == null ? Optional.empty()
        : with(sql -> sql.one("SELECT owner_type, owner_id FROM tokens WHERE token = ?",
            rs -> new TokenOwner(ActorType.valueOf(rs.getString(1)), rs.getString(2)), token));
  }

  @Override
  public List<Contact> contacts() {
    return with(sql -> sql.list("SELECT body FROM contacts ORDER BY ord", rs -> rs.getString(1))).stream()
        .map(body -> json.read(body, Contact.class)).toList();
  }

  @Override
  public Optional<Contact> contact(String id) {
    return id == null ? Optional.empty()
        : with(sql -> sql.one("SELECT body FROM contacts WHERE id = ?", rs -> rs.getString(1), id))
            .map(body -> json.read(body, Contact.class));
  }

  @Override
  public Optional<Contact> contactByAddress(EmailAddress address) {
    return with(sql -> sql.one("SELECT body FROM contacts WHERE address_key = ?", rs -> rs.getString(1),
        address.key())).map(body -> json.read(body, Contact.class));
  }

  @Override
  public List<Ticket> tickets() {
    return with(sql -> sql.list("SELECT body FROM tickets ORDER BY ord", rs -> rs.getString(1))).stream()
        .map(body -> json.read(body, Ticket.class)).toList();
  }

  @Override
  public Optional<Ticket> ticket(String id) {
    return id == null ? Optional.empty()
        : with(sql -> sql.one("SELECT body FROM tickets WHERE id = ?", rs -> rs.getString(1), id))
            .map(body -> json.read(body, Ticket.class));
  }

  @Override
  public Optional<Ticket> ticketByNumber(long number) {
    return with(sql -> sql.one("SELECT body FROM tickets WHERE ticket_number = ?", rs -> rs.getString(1), number))
        .map(body -> json.read(body, Ticket.class));
  }

  @Override
  public String description(String ticketId) {
    return with(sql -> sql.one("SELECT description FROM tickets WHERE id = ?", rs -> rs.getString(1), ticketId))
        .orElse("");
  }

  @Override
  public Optional<String> ticketByMessageId(String messageId) {
    return with(sql -> sql.one("SELECT ticket_id FROM message_ids WHERE message_id = ?", rs -> rs.getString(1),
        messageId));
  }

  @Override
  public List<String> messageIds(String ticketId) {
    return with(sql -> sql.list("SELECT message_id FROM message_ids WHERE ticket_id = ? ORDER BY ord",
        rs -> rs.getString(1), ticketId));
  }

  @Override
  public Optional<PluginData> pluginData(String pluginId, DataScope scope, String id) {
    return with(sql -> sql.one(
        "SELECT schema_version, body, revision FROM plugin_data WHERE plugin_id = ? AND scope = ? AND id = ?",
        rs -> new PluginData(rs.getInt(1), json.tree(rs.getString(2)), rs.getLong(3)), pluginId, scope.name(), id));
  }

  @Override
  public Optional<ObjectNode> pluginSettings(String departmentId, String pluginId) {
    return with(sql -> sql.one("SELECT body FROM plugin_settings WHERE department_id = ? AND plugin_id = ?",
        rs -> rs.getString(1), departmentId, pluginId)).map(body -> (ObjectNode) json.tree(body));
  }

  @Override
  public List<HistoryEvent> history(String ticketId) {
    return with(sql -> sql.list("SELECT body FROM history WHERE ticket_id = ? ORDER BY ord", rs -> rs.getString(1),
        ticketId)).stream().map(body -> json.read(body, HistoryEvent.class)).toList();
  }

  @Override
  public List<OutboxEntry> outbox() {
    return with(sql -> sql.list("SELECT body, state, attempts, last_error FROM outbox WHERE seq > 0 ORDER BY seq",
        this::outboxEntry));
  }

  /** Index {@code outbox_ticket} (V5); seq > 0 as in {@link #outbox()}: unnumbered rows are not visible yet. */
  @Override
  public List<OutboxEntry> outbox(String ticketId) {
    if (ticketId == null) {
      return List.of();
    }
    return with(sql -> sql.list(
        "SELECT body, state, attempts, last_error FROM outbox WHERE ticket_id = ? AND seq > 0 ORDER BY seq",
        this::outboxEntry, ticketId));
  }

  private OutboxEntry outboxEntry(ResultSet rs) throws SQLException {
    return new OutboxEntry(json.read(rs.getString(1), OutgoingMail.class), DeliveryState.valueOf(rs.getString(2)),
        rs.getInt(3), rs.getString(4));
  }

  @Override
  public List<Rating> ratings(String ticketId) {
    return with(sql -> sql.list("SELECT body FROM ratings WHERE ticket_id = ? ORDER BY ord", rs -> rs.getString(1),
        ticketId)).stream().map(body -> json.read(body, Rating.class)).toList();
  }

  @Override
  public Optional<byte[]> attachment(String sha256) {
    return with(sql -> sql.one("SELECT content FROM attachments WHERE sha256 = ?", rs -> rs.getBytes(1), sha256));
  }

  @Override
  public Optional<JsonNode> meta(String key) {
    return with(sql -> sql.one("SELECT body FROM docs WHERE kind = 'meta' AND id = ?", rs -> rs.getString(1), key))
        .map(json::tree);
  }

  @Override
  public Optional<Mute> mute(String ticketId, String contactId) {
    return with(sql -> sql.one("SELECT body FROM mutes WHERE ticket_id = ? AND contact_id = ?", rs -> rs.getString(1),
        ticketId, contactId)).map(body -> json.read(body, Mute.class));
  }

  @Override
  public List<Mute> mutes(String ticketId) {
    return with(sql -> sql.list("SELECT body FROM mutes WHERE ticket_id = ?", rs -> rs.getString(1), ticketId))
        .stream().map(body -> json.read(body, Mute.class)).toList();
  }

  @Override
  public Optional<Bounce> bounce(EmailAddress address) {
    return with(sql -> sql.one("SELECT body FROM bounces WHERE address_key = ?", rs -> rs.getString(1), address.key()))
        .map(body -> json.read(body, Bounce.class));
  }
}
