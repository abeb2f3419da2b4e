package dev.deskcc.sim.desk.internal.operation;

import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.sim.mail.ParsedMail;
import dev.deskcc.sim.store.StoreReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where inbound mail goes: the department it was sent to, and the ticket it answers. */
final class MailRouting {
  private static final Pattern NUMBER_TOKEN = Pattern.compile("\\[#(\\d+)]");

  private MailRouting() {}

  static Optional<Department> route(List<Department> departments, ParsedMail mail) {
    for (List<EmailAddress> candidates : List.of(concat(mail.to(), mail.cc()), mail.envelopeRecipients())) {
      for (Department d : departments) {
        for (EmailAddress support : d.supportAddresses()) {
          for (EmailAddress a : candidates) {
            if (a.untaggedKey().equals(support.untaggedKey()) || a.key().equals(support.key())) {
              return Optional.of(d);
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The ticket whose message the mail answers ({@code In-Reply-To}, then {@code References}). */
  static Optional<Ticket> byReference(StoreReader r, ParsedMail mail) {
    for (String id : mail.references()) {
      Optional<Ticket> t = r.ticketByMessageId(id).flatMap(r::ticket).map(x -> followMerge(r, x));
      if (t.isPresent()) {
        return t;
      }
    }
    return Optional.empty();
  }

  /**
   * The tickets the subject names by {@code [#number]}, in the order named, as named (a merged
   * one not yet followed to its target). Only candidates: a number is no key (anyone can type
   * one), so the caller threads into one only for its participants.
   */
  static List<Ticket> byNumber(StoreReader r, ParsedMail mail) {
    List<Ticket> named = new ArrayList<>();
    Matcher m = NUMBER_TOKEN.matcher(mail.subject());
    while (m.find()) {
      try {
        r.ticketByNumber(Long.parseLong(m.group(1))).ifPresent(named::add);
      } catch (NumberFormatException ignored) {
        // a number too long for a ticket number is no ticket number
      }
    }
    return named;
  }

  static Ticket followMerge(StoreReader r, Ticket t) {
    Ticket current = t;
    for (int i = 0; i < 20 && current.mergedInto() != null; i++) {
      Optional<Ticket> next = r.ticket(current.mergedInto());
      if (next.isEmpty()) {
        break;
      }
      current = next.get();
    }
    return current;
  }

  static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
