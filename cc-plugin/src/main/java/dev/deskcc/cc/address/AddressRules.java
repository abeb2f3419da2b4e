package dev.deskcc.cc.address;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.host.Contacts;
import dev.deskcc.api.host.DeskAddress;
import dev.deskcc.api.host.DeskAddressKind;
import dev.deskcc.api.host.Directory;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.ContactStatus;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.InvalidEmailAddressException;
import dev.deskcc.cc.settings.CcSettings;
import java.util.Optional;
import java.util.Set;

/**
 * The one implementation of who may be a CC of a ticket; every way a CC is added (agent, reply
 * editor, help center, email, merge) asks it.
 *
 * <p>Pure: it reads the directory and contacts (constant-time look-ups) and changes nothing. One
 * instance serves one request for one ticket. Addresses compare by {@link EmailAddress#key()}, the
 * one canonical form, so every spelling of an address meets the same rules. When several rules apply, the first in this order
 * wins: {@code INVALID_ADDRESS}, {@code REQUESTER}, {@code SUPPORT_ADDRESS}/{@code FROM_ADDRESS},
 * {@code AGENT_ADDRESS}, {@code LOOKALIKE_ADDRESS}, {@code CONTACT_DELETED}, {@code CONTACT_SPAM}, {@code CONTACT_ANONYMOUS},
 * {@code BLOCKED_DOMAIN}, {@code REMOVED_BY_AGENT}.
 */
public final class AddressRules {

  private final Contacts contacts;
  private final Directory directory;
  private final CcSettings settings;
  private final String requesterId;
  private final String requesterKey;
  /** A contact's request: CCs by address only, never by contact id (ids must not reveal people). */
  private final boolean addressesOnly;
  /** Contacts an agent removed from the ticket: refused to anyone but an agent. */
  private final Set<String> removedByAgent;

  /**
   * @param requesterId the ticket's requester (a contact id)
   * @param requesterKey the requester's address key, {@code null} when they have none
   */
  public AddressRules(
      Contacts contacts, Directory directory, CcSettings settings, String requesterId, String requesterKey) {
    this.contacts = contacts;
    this.directory = directory;
    this.settings = settings;
    this.requesterId = requesterId;
    this.requesterKey = requesterKey;
    this.addressesOnly = false;
    this.removedByAgent = Set.of();
  }

  private AddressRules(AddressRules rules, boolean addressesOnly, Set<String> removedByAgent) {
    this.contacts = rules.contacts;
    this.directory = rules.directory;
    this.settings = rules.settings;
    this.requesterId = rules.requesterId;
    this.requesterKey = rules.requesterKey;
    this.addressesOnly = addressesOnly;
    this.removedByAgent = Set.copyOf(removedByAgent);
  }

  /**
   * The same rules for a contact's request (help center): an item {@code {"contactId": …}} is
   * {@code INVALID_ADDRESS}, whatever the id, so that ids cannot be used to look people up.
   */
  public AddressRules forContactRequest() {
    return new AddressRules(this, true, removedByAgent);
  }

  /**
   * The same rules for a request that is not an agent's (help center, mail): a contact among
   * {@code contactIds} (removed from the ticket by an agent) is {@code REMOVED_BY_AGENT}.
   */
  public AddressRules withRemovedByAgent(Set<String> contactIds) {
    return contactIds.isEmpty() && removedByAgent.isEmpty() ? this : new AddressRules(this, addressesOnly, contactIds);
  }

  /** Rules for a ticket: its requester is looked up once. */
  public static AddressRules forTicket(
      Contacts contacts, Directory directory, CcSettings settings, String requesterId) {
    String key =
        contacts.byId(requesterId).flatMap(Contact::address).map(EmailAddress::key).orElse(null);
    return new AddressRules(contacts, directory, settings, requesterId, key);
  }

  /**
   * Screens one item of a request: a JSON string holding one mailbox ({@code ann@x.org}, {@code
   * Ann Lee <ann@x.org>}) or an object {@code {"contactId": "…"}}. Anything else is {@code
   * INVALID_ADDRESS}; so is an unknown contact id.
   */
  public Screening screen(JsonNode item) {
    if (item != null && item.isTextual()) {
      String text = item.asText();
      EmailAddress address;
      try {
        address = EmailAddress.parse(text);
      } catch (InvalidEmailAddressException e) {
        return reject(text, null, AddressCode.INVALID_ADDRESS, e.getMessage());
      }
      return screen(address, text);
    }
    String value = item == null ? "null" : item.toString();
    if (addressesOnly) {
      // the same answer for every id, known or not: nothing about anyone is revealed
      return reject(value, null, AddressCode.INVALID_ADDRESS, "name a CC by its email address");
    }
    JsonNode id = item == null ? null : item.get("contactId");
    if (id == null || !id.isTextual() || item.size() != 1) {
      return reject(value, null, AddressCode.INVALID_ADDRESS, "expected an address or {\"contactId\": \"…\"}");
    }
    Optional<Contact> found = contacts.byId(id.asText());
    if (found.isEmpty()) {
      return reject(value, null, AddressCode.INVALID_ADDRESS, "no contact with id " + id.asText());
    }
    Contact contact = found.get();
    if (contact.email() == null) {
      AddressCode code = contact.anonymous() ? AddressCode.CONTACT_ANONYMOUS : AddressCode.INVALID_ADDRESS;
      if (contact.id().equals(requesterId)) {
        code = AddressCode.REQUESTER;
      }
      return reject(value, null, code, code == AddressCode.INVALID_ADDRESS ? "the contact has no address" : code.message());
    }
    return check(contact.email(), contact.email().key(), contact, value);
  }

  /** Screens an address as given (from a parsed mail header, say). */
  public Screening screen(EmailAddress address) {
    return screen(address, address.toHeaderForm());
  }

  private Screening screen(EmailAddress address, String value) {
    String key = address.key();
    return check(address, key, contacts.byAddress(address).orElse(null), value);
  }

  private Screening check(EmailAddress address, String key, Contact contact, String value) {
    if (key.equals(requesterKey) || (contact != null && contact.id().equals(requesterId))) {
      return reject(value, key, AddressCode.REQUESTER, AddressCode.REQUESTER.message());
    }
    Optional<DeskAddress> desk = directory.deskAddress(address);
    if (desk.isPresent()) {
      AddressCode code =
          desk.get().kind() == DeskAddressKind.SUPPORT ? AddressCode.SUPPORT_ADDRESS : AddressCode.FROM_ADDRESS;
      return reject(value, key, code, code.message());
    }
    if (directory.agentByAddress(address).isPresent()) {
      return reject(value, key, AddressCode.AGENT_ADDRESS, AddressCode.AGENT_ADDRESS.message());
    }
    if (imitatesDeskOrAgent(address)) {
      return reject(value, key, AddressCode.LOOKALIKE_ADDRESS, AddressCode.LOOKALIKE_ADDRESS.message());
    }
    if (contact != null) {
      AddressCode code = contactProblem(contact);
      if (code != null) {
        return reject(value, key, code, code.message());
      }
    }
    if (!settings.blockedDomains().isEmpty() && settings.blocks(key.substring(key.lastIndexOf('@') + 1))) {
      return reject(value, key, AddressCode.BLOCKED_DOMAIN, AddressCode.BLOCKED_DOMAIN.message());
    }
    if (contact != null && removedByAgent.contains(contact.id())) {
      return reject(value, key, AddressCode.REMOVED_BY_AGENT, AddressCode.REMOVED_BY_AGENT.message());
    }
    return new Screening.Acceptable(new CcCandidate(address, key, contact));
  }

  private boolean imitatesDeskOrAgent(EmailAddress address) {
    return Lookalikes.imitated(address)
        .filter(plain -> directory.deskAddress(plain).isPresent() || directory.agentByAddress(plain).isPresent())
        .isPresent();
  }

  /** Why a contact may not be a CC (or receive CC mail) now; {@code null} when nothing stops it. */
  public static AddressCode contactProblem(Contact contact) {
    if (contact.status() == ContactStatus.DELETED) {
      return AddressCode.CONTACT_DELETED;
    }
    if (contact.status() == ContactStatus.SPAM) {
      return AddressCode.CONTACT_SPAM;
    }
    if (contact.anonymous()) {
      return AddressCode.CONTACT_ANONYMOUS;
    }
    return null;
  }

  private static Screening reject(String value, String key, AddressCode code, String message) {
    return new Screening.Rejected(value, key, code, message);
  }
}
