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
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One write transaction. Its reads see its own writes; {@link #commit()} makes every write
 * visible at once; {@link #rollback()} (or {@link #close()} without commit) discards them. Not for
 * use after commit or rollback.
 *
 * <p>Locking. A single-writer store ({@link Store#singleWriter()}: in memory, H2) runs one write
 * transaction at a time and needs no more. A store with concurrent writers (PostgreSQL shared by
 * nodes) locks at the grain of the work, for the rest of the transaction: reading a ticket (or a
 * plugin's data of a ticket) locks that ticket, {@link #lockTickets} locks several in one global
 * order, {@link #lockDepartment} locks a department's settings and layout, reading a plugin's
 * department data locks that department, {@link #clear()} locks the whole world. Contacts are
 * never locked: {@link #contactFor} inserts or gets by the unique normalised address. Ids and
 * ticket numbers come from sequences (a rolled-back change may leave a gap); outbox seqs are
 * given at commit, in commit order, one by one. What such a store cannot order it reports as a
 * {@link StoreConflict}: the caller may run the change again.
 */
public interface StoreTx extends StoreReader, AutoCloseable {

  /** Removes the whole world (ids keep growing, counters such as outbox seq restart). */
  void clear();

  /** A new opaque id, unique for the store's lifetime, starting with {@code prefix}. */
  String newId(String prefix);

  /**
   * The next ticket number: 101 after each clear, then ascending; a store with concurrent writers
   * takes them from a sequence, so a change that rolls back leaves a gap.
   */
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
   * Insert-or-get: the contact that has {@code candidate}'s normalised address, stored as {@code
   * candidate} when there was none. Two transactions doing this at once for one address end with
   * one contact, without locking any other contact. A contact without address is stored as it is.
   */
  default Contact contactFor(Contact candidate) {
    Optional<Contact> existing = candidate.address().flatMap(this::contactByAddress);
    if (existing.isPresent()) {
      return existing.get();
    }
    putContact(candidate);
    return candidate;
  }

  /**
   * Locks these tickets for the rest of the transaction, in one global order (ascending id) so
   * that two transactions locking overlapping sets never deadlock: a merge calls it before it
   * reads its tickets. Unknown ids are skipped. A single-writer store has nothing to do.
   */
  default void lockTickets(Collection<String> ticketIds) {}

  /**
   * Locks the department's settings, layout and record for the rest of the transaction, before a
   * read-modify-write of them. Changes to the department's tickets do not wait for it (they only
   * read settings). A single-writer store has nothing to do.
   */
  default void lockDepartment(String departmentId) {}

  /**
   * Whether a statement of this transaction met a {@link StoreConflict}, even if someone (a
   * plugin) caught it: the transaction is lost and the change should run again.
   */
  default boolean conflicted() {
    return false;
  }

  /**
   * Stores the ticket. The caller bumps {@link Ticket#version()} once per change. The caller read
   * the ticket in this transaction first, which locked it (see the class comment), so the version
   * it read is the stored one: no lost update needs checking here.
   */
  void putTicket(Ticket ticket, String description);

  void putTicket(Ticket ticket);

  void addMessageId(String ticketId, String messageId);

  /** Writes plugin data; the stored revision is the previous one plus one (1 for new data). */
  PluginData putPluginData(String pluginId, DataScope scope, String id, int schemaVersion, JsonNode value);

  void putPluginSettings(String departmentId, String pluginId, ObjectNode settings);

  void addHistory(String ticketId, HistoryEvent event);

  /**
   * The seq the next queued message gets (1 after a clear). With concurrent writers it is
   * provisional: the store gives the final seqs at commit, in commit order, so that seqs grow by
   * one per message in the order readers can see them.
   */
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

  /** Records a mute, replacing the contact's earlier mute of the ticket if any. */
  void putMute(Mute mute);

  /** Removes the contact's mute of the ticket; nothing when there is none. */
  void removeMute(String ticketId, String contactId);

  /** Marks the address bouncing, replacing an earlier mark. */
  void putBounce(Bounce bounce);

  /** Clears the address's bounce; nothing when there is none. */
  void removeBounce(EmailAddress address);

  void commit();

  void rollback();

  /** Rolls back unless committed. */
  @Override
  void close();
}
