package dev.deskcc.sim.recipient;

import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.sim.mail.OutgoingMail;
import dev.deskcc.sim.store.StoreReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Each contact recipient's unsubscribe link of a sent message, made when read (not stored) so
 * that the link names the node that serves it: any node sharing the store verifies it.
 */
public final class UnsubscribeLinks {
  /** The path under the server's base URL; outside {@code /api} and {@code /sim}, no token. */
  public static final String PATH = "/unsubscribe/";

  private UnsubscribeLinks() {}

  /**
   * Address (as the message names it) to absolute URL, for every recipient who is a contact and
   * no agent, in the message's order; empty for a world without a secret.
   */
  public static Map<String, String> of(StoreReader reader, OutgoingMail mail, String baseUrl) {
    Map<String, String> links = new LinkedHashMap<>();
    Optional<UnsubscribeSigner> signer = WorldSecret.of(reader);
    if (signer.isEmpty()) {
      return links;
    }
    Stream.concat(mail.to().stream(), mail.cc().stream()).forEach(address ->
        contact(reader, address).ifPresent(c -> links.putIfAbsent(address.address(),
            baseUrl + PATH + signer.get().sign(new UnsubscribeToken(mail.ticketId(), c.id())))));
    return links;
  }

  /** The recipient's token, if they are a contact and no agent. */
  public static Optional<String> token(StoreReader reader, OutgoingMail mail, EmailAddress address) {
    return WorldSecret.of(reader).flatMap(signer -> contact(reader, address)
        .map(c -> signer.sign(new UnsubscribeToken(mail.ticketId(), c.id()))));
  }

  private static Optional<Contact> contact(StoreReader reader, EmailAddress address) {
    if (reader.agentByAddress(address).isPresent()) {
      return Optional.empty();
    }
    return reader.contactByAddress(address);
  }
}
