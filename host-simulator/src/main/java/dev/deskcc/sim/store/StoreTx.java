package dev.deskcc.sim.store;

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
import java.util.List;

/**
 * One write transaction. Its reads see its own writes; {@link #commit()} makes every write
 * visible at once; {@link #rollback()} (or {@link #close()} without commit) discards them. Write
 * transactions are serialised: while one is open, no other begins. Not for use after commit or
 * rollback.
 */
public interface StoreTx extends StoreReader, AutoCloseable {

  /** Removes the whole world (ids keep growing, counters such as outbox seq restart). */
  void clear();

  /** A new opaque id, unique for the store's lifetime, starting with {@code prefix}. */
  String newId(String prefix);

  /** The next ticket number (101, 102, … after each clear). */
  long nextTicketNumber();

  void putOrg(Org org);

  void putDepartment(Department department);

  void putLayout(String departmentId, List<String> fieldNames);

  /** @throws UniqueAddressException when another agent has the address */
  void putAgent(Agent agent);

  void putToken(String token, TokenOwner owner);

  /** @throws UniqueAddressException when another contact has the normalised address */
  void putContact(Contact contact);

  /**
   * Stores the ticket. The caller bumps {@link Ticket#version()} once per change. Every store
   * serialises write transactions (a database-backed one across all nodes), so the version the
   * caller read in this transaction is the stored one: no lost update needs checking here.
   */
  void putTicket(Ticket ticket, String description);

  void putTicket(Ticket ticket);

  void addMessageId(String ticketId, String messageId);

  /** Writes plugin data; the stored revision is the previous one plus one (1 for new data). */
  PluginData putPluginData(String pluginId, DataScope scope, String id, int schemaVersion, JsonNode value);

  void putPluginSettings(String departmentId, String pluginId, ObjectNode settings);

  void addHistory(String ticketId, HistoryEvent event);

  /** The seq the next queued message gets (1 after a clear). */
  long nextOutboxSeq();

  void addOutbox(OutgoingMail mail);

  void updateOutbox(OutboxEntry entry);

  /**
   * Adds a rating of the ticket; it replaces the rater's earlier rating of that ticket, if any
   * (one rating per rater per ticket, contract v1.1), and is listed last.
   */
  void addRating(String ticketId, Rating rating);

  /** Content-addressed: storing the same content twice keeps one copy. */
  void putAttachment(String sha256, byte[] content);

  /** Stores bookkeeping of the world; {@link #clear()} removes it with the world. */
  void putMeta(String key, JsonNode value);

  void commit();

  void rollback();

  /** Rolls back unless committed. */
  @Override
  void close();
}
