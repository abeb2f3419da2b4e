package dev.deskcc.sim.recipient;

import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.ThreadEntry;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.sim.store.Bounce;
import dev.deskcc.sim.store.Mute;
import dev.deskcc.sim.store.StoreReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether the desk may mail an address about a ticket (contract §6): not when the address bounces
 * (on any ticket) nor when its contact muted that ticket. A bounce wins over a mute: it is the
 * reason that outlasts an unmute.
 */
public final class Suppressions {
  private Suppressions() {}

  /** Every reason {@code address} gets no mail about the ticket, a bounce first; empty when it may be mailed. */
  public static List<Suppressed> all(StoreReader reader, String ticketId, EmailAddress address) {
    List<Suppressed> out = new ArrayList<>(2);
    reader.bounce(address).ifPresent(b -> out.add(new Suppressed(address.address(), Reason.BOUNCED, b.at())));
    mute(reader, ticketId, address).ifPresent(m -> out.add(new Suppressed(address.address(), Reason.MUTED, m.at())));
    return out;
  }

  /** Why {@code address} gets no mail about the ticket; empty when it may be mailed. */
  public static Optional<Suppressed> of(StoreReader reader, String ticketId, EmailAddress address) {
    Optional<Bounce> bounce = reader.bounce(address);
    if (bounce.isPresent()) {
      return Optional.of(new Suppressed(address.address(), Reason.BOUNCED, bounce.get().at()));
    }
    return mute(reader, ticketId, address).map(m -> new Suppressed(address.address(), Reason.MUTED, m.at()));
  }

  /**
   * The address's mute of the ticket. Most tickets have no mute at all, and asking the ticket first
   * spares finding the contact behind every address the desk is about to mail or show.
   */
  private static Optional<Mute> mute(StoreReader reader, String ticketId, EmailAddress address) {
    if (reader.mutes(ticketId).isEmpty()) {
      return Optional.empty();
    }
    return reader.contactByAddress(address).map(Contact::id).flatMap(id -> reader.mute(ticketId, id));
  }

  /**
   * The ticket's suppressed people, as agents see them ({@code suppressed}): its requester, whoever
   * muted it, the people plugins have the desk mail about it ({@code mailedAbout}, such as CCs),
   * and every address its thread names (senders and recipients of its entries), each once, if
   * muted on it or bouncing.
   */
  public static List<Suppressed> onTicket(StoreReader reader, Ticket ticket, Set<EmailAddress> mailedAbout) {
    Map<String, EmailAddress> people = new LinkedHashMap<>();
    reader.contact(ticket.requesterId()).flatMap(Contact::address).ifPresent(a -> people.putIfAbsent(a.key(), a));
    mailedAbout.forEach(a -> people.putIfAbsent(a.key(), a));
    for (Mute m : reader.mutes(ticket.id())) {
      reader.contact(m.contactId()).flatMap(Contact::address).ifPresent(a -> people.putIfAbsent(a.key(), a));
    }
    for (ThreadEntry e : ticket.thread()) {
      if (e.authorEmail() != null && e.author().isContact()) {
        people.putIfAbsent(e.authorEmail().key(), e.authorEmail());
      }
      Stream.concat(e.to().stream(), e.cc().stream()).forEach(a -> people.putIfAbsent(a.key(), a));
    }
    List<Suppressed> out = new ArrayList<>();
    for (EmailAddress a : people.values()) {
      of(reader, ticket.id(), a).ifPresent(out::add);
    }
    return out;
  }

  /** Why a person gets no mail; the names are the contract's codes. */
  public enum Reason {
    MUTED,
    BOUNCED
  }

  /** One suppressed recipient as agents see it on a ticket ({@code suppressed}). */
  public record Suppressed(String email, Reason reason, Instant at) {}
}
