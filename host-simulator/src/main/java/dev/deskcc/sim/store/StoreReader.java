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
import java.util.List;
import java.util.Optional;

/**
 * Read access to the platform's data. Outside a transaction a reader sees one committed state; a
 * transaction's reader also sees its own writes. Lists come in insertion order unless said
 * otherwise.
 */
public interface StoreReader {

  Optional<Org> org();

  List<Department> departments();

  Optional<Department> department(String id);

  /**
   * Which department's support or from address {@code address} is, plus-tagged forms included
   * (see {@link DeskAddressIndex}). This default scans the departments; a store should answer it
   * from an index, because every screened recipient asks.
   */
  default Optional<DeskAddress> deskAddress(EmailAddress address) {
    return deskAddresses().find(address);
  }

  /**
   * Every department's support and from addresses as one index, for screening many addresses
   * (a notification's recipients) with one store read. This default builds it from the
   * departments; a store should keep it.
   */
  default DeskAddressIndex deskAddresses() {
    return DeskAddressIndex.of(departments());
  }

  /** The department's stored layout (field names in order), if an admin ever set one. */
  Optional<List<String>> layout(String departmentId);

  List<Agent> agents();

  Optional<Agent> agent(String id);

  Optional<Agent> agentByAddress(EmailAddress address);

  Optional<TokenOwner> tokenOwner(String token);

  List<Contact> contacts();

  Optional<Contact> contact(String id);

  /** By normalised address ({@link EmailAddress#key()}). */
  Optional<Contact> contactByAddress(EmailAddress address);

  List<Ticket> tickets();

  Optional<Ticket> ticket(String id);

  Optional<Ticket> ticketByNumber(long number);

  /** The ticket's description as given at creation; empty string when none. */
  String description(String ticketId);

  /** The ticket that sent or received a message with this Message-ID (brackets included). */
  Optional<String> ticketByMessageId(String messageId);

  /** Every Message-ID the ticket sent or received, oldest first. */
  List<String> messageIds(String ticketId);

  Optional<PluginData> pluginData(String pluginId, DataScope scope, String id);

  /** The settings an admin stored; a copy. */
  Optional<ObjectNode> pluginSettings(String departmentId, String pluginId);

  List<HistoryEvent> history(String ticketId);

  /** Every outbox message, by ascending seq. */
  List<OutboxEntry> outbox();

  /**
   * The ticket's outbox messages (those whose {@link dev.deskcc.sim.mail.OutgoingMail#ticketId()} is
   * {@code ticketId}), by ascending seq; empty for an unknown ticket or {@code null}. A store answers
   * it from an index: reading one ticket's mail must not cost a read of everything ever sent.
   */
  List<OutboxEntry> outbox(String ticketId);

  List<Rating> ratings(String ticketId);

  Optional<byte[]> attachment(String sha256);

  /** Bookkeeping of the world that is no domain record (the last fixture's ids, say). */
  Optional<JsonNode> meta(String key);

  /** Whether the contact muted the ticket (contract §6). */
  Optional<Mute> mute(String ticketId, String contactId);

  /** Everyone who muted the ticket, in no particular order. */
  List<Mute> mutes(String ticketId);

  /** Whether the address bounces (contract §6), by its normalised form. */
  Optional<Bounce> bounce(EmailAddress address);
}
