package dev.deskcc.cc.address;

/** Why an address cannot be a CC of a ticket. Stable codes of the HTTP contract. */
public enum AddressCode {
  INVALID_ADDRESS("not a valid email address"),
  CONTACT_DELETED("the contact is deleted"),
  CONTACT_SPAM("the contact is marked as spam"),
  CONTACT_ANONYMOUS("the contact is anonymous"),
  SUPPORT_ADDRESS("a support address of the desk cannot be a CC"),
  FROM_ADDRESS("a from-address of the desk cannot be a CC"),
  AGENT_ADDRESS("an agent's address cannot be a CC"),
  /** Mixed-script or homoglyph imitation of a desk or agent address (contract v1.1, this build's choice). */
  LOOKALIKE_ADDRESS("the address imitates a desk or agent address with look-alike characters"),
  /** An agent removed it from the ticket; only an agent can put it back. */
  REMOVED_BY_AGENT("an agent removed this address from the ticket; only an agent can add it again"),
  REQUESTER("the requester of the ticket cannot also be a CC"),
  BLOCKED_DOMAIN("the address's domain is blocked for CCs"),
  CC_LIMIT_EXCEEDED("the ticket already has the most CCs it may have");

  private final String message;

  AddressCode(String message) {
    this.message = message;
  }

  /** A human explanation. */
  public String message() {
    return message;
  }
}
