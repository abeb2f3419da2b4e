package dev.deskcc.sim.mail;

import java.util.UUID;

/** Creates globally unique Message-ID values. */
public final class MessageIds {

  private MessageIds() {}

  /** A new id such as {@code <3f2c…@desk.example>}, angle brackets included. */
  public static String create(String domain) {
    if (domain == null || domain.isBlank() || !domain.matches("[A-Za-z0-9.-]+")) {
      throw new IllegalArgumentException("not a domain: " + domain);
    }
    return "<" + UUID.randomUUID() + "@" + domain + ">";
  }
}
