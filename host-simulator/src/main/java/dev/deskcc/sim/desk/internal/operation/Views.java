package dev.deskcc.sim.desk.internal.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.ActorType;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.EntryKind;
import dev.deskcc.api.model.Rating;
import dev.deskcc.api.model.ThreadEntry;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.sim.desk.AuthorView;
import dev.deskcc.sim.desk.ContactView;
import dev.deskcc.sim.desk.EntryView;
import dev.deskcc.sim.desk.HistoryEntryView;
import dev.deskcc.sim.desk.OutboxMessageView;
import dev.deskcc.sim.desk.PersonView;
import dev.deskcc.sim.desk.RaterView;
import dev.deskcc.sim.desk.RatingView;
import dev.deskcc.sim.desk.TicketView;
import dev.deskcc.sim.desk.internal.extension.FieldCatalog;
import dev.deskcc.sim.desk.internal.extension.Participants;
import dev.deskcc.sim.mail.OutgoingMail;
import dev.deskcc.sim.recipient.Suppressions;
import dev.deskcc.sim.store.HistoryEvent;
import dev.deskcc.sim.store.OutboxEntry;
import dev.deskcc.sim.store.StoreReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps stored values to the contract's view records. */
public final class Views {
  private final FieldCatalog fields;
  private final Participants participants;

  public Views(FieldCatalog fields, Participants participants) {
    this.fields = fields;
    this.participants = participants;
  }

  /** Caches field definitions per department for the duration of one answer. */
  final class TicketRenderer {
    private final StoreReader reader;
    private final Map<String, List<FieldCatalog.Contributed>> defs = new HashMap<>();

    /** Ticket id to the private recipients of its messages, read once per ticket per renderer. */
    private final Map<String, Set<EmailAddress>> privateByTicket = new HashMap<>();

    TicketRenderer(StoreReader reader) {
      this.reader = reader;
    }

    private Set<EmailAddress> hiddenFrom(Ticket t, Actor viewer) {
      Set<EmailAddress> hidden = privateByTicket.computeIfAbsent(t.id(), this::privateRecipients);
      if (hidden.isEmpty()) {
        return hidden;
      }
      Set<EmailAddress> out = new HashSet<>(hidden);
      if (viewer.isContact()) {
        reader.contact(viewer.id()).flatMap(Contact::address).ifPresent(out::remove);
      }
      return out;
    }

    /**
     * Everyone the ticket's messages went to privately. A merged ticket shows its sources' entries
     * too (and theirs, if they were merge targets before), so their mail counts as well: a source's
     * private CCs stay hidden in the merged thread. The sources are those its {@code MERGED}
     * history events name. Only these tickets' mail is read, so a contact's view costs that, not
     * everything ever sent.
     */
    private Set<EmailAddress> privateRecipients(String ticketId) {
      Set<String> senders = new LinkedHashSet<>();
      Deque<String> next = new ArrayDeque<>(List.of(ticketId));
      while (!next.isEmpty()) {
        String id = next.pop();
        if (senders.add(id)) {
          for (HistoryEvent e : reader.history(id)) {
            if (e.type().equals(Merges.MERGED) && e.detail() != null) {
              e.detail().path("names").forEach(source -> next.push(source.asText()));
            }
          }
        }
      }
      Set<EmailAddress> found = new HashSet<>();
      for (String sender : senders) {
        for (OutboxEntry o : reader.outbox(sender)) {
          found.addAll(o.mail().privateRecipients());
        }
      }
      return found.isEmpty() ? Set.of() : found;
    }

    /** An agent's view (or the full view, for a change's answer to an agent). */
    TicketView render(Ticket t, boolean forContact, String role) {
      return render(t, forContact, role, Actor.system());
    }

    /**
     * The ticket as {@code viewer} sees it. A contact's view leaves private comments out, and other
     * people's addresses that a message was sent to privately (contract §6) out of the thread.
     */
    TicketView render(Ticket t, boolean forContact, String role, Actor viewer) {
      List<FieldCatalog.Contributed> d = defs.computeIfAbsent(t.departmentId(), id -> fields.contributed(reader, id));
      Map<String, JsonNode> values = fields.values(reader, t, forContact, d, viewer);
      Set<EmailAddress> hidden = forContact ? hiddenFrom(t, viewer) : Set.of();
      List<EntryView> thread = t.thread().stream()
          .filter(e -> !forContact || e.isPublic())
          .map(e -> hidden.isEmpty() ? entry(e) : entry(withoutAddresses(e, hidden)))
          .toList();
      return new TicketView(t.id(), t.number(), t.departmentId(), t.subject(), reader.description(t.id()),
          t.status(), t.channel(), person(reader.contact(t.requesterId()).orElse(null), t.requesterId()),
          values, thread, t.version(), t.mergedInto(), t.createdAt(), role,
          forContact ? null : Suppressions.onTicket(reader, t, participants.mailedAbout(reader, t)));
    }
  }

  TicketRenderer renderer(StoreReader reader) {
    return new TicketRenderer(reader);
  }

  static PersonView person(Contact c, String id) {
    if (c == null) {
      return new PersonView(id, null, null);
    }
    return new PersonView(c.id(), c.address().map(EmailAddress::address).orElse(null), c.name());
  }

  private static ThreadEntry withoutAddresses(ThreadEntry e, Set<EmailAddress> hidden) {
    return new ThreadEntry(e.id(), e.kind(), e.isPublic(), e.author(), e.authorEmail(), e.content(),
        e.to().stream().filter(a -> !hidden.contains(a)).toList(),
        e.cc().stream().filter(a -> !hidden.contains(a)).toList(),
        e.attachments(), e.createdAt(), e.editedAt(), e.deleted());
  }

  static EntryView entry(ThreadEntry e) {
    return new EntryView(e.id(), e.kind(), e.isPublic(),
        new AuthorView(e.author().type(), e.author().id(), e.authorEmail() == null ? null : e.authorEmail().address()),
        e.deleted() ? "" : e.content(), addresses(e.to()), addresses(e.cc()),
        e.attachments(), e.createdAt(), e.editedAt(), e.deleted());
  }

  static List<String> addresses(List<EmailAddress> list) {
    return list.stream().map(EmailAddress::address).toList();
  }

  static AuthorView actor(StoreReader r, Actor a) {
    String email = switch (a.type()) {
      case AGENT -> r.agent(a.id()).map(x -> x.email().address()).orElse(null);
      case CONTACT -> r.contact(a.id()).flatMap(Contact::address).map(EmailAddress::address).orElse(null);
      case SYSTEM -> null;
    };
    return new AuthorView(a.type(), a.id(), email);
  }

  static HistoryEntryView history(StoreReader r, HistoryEvent e) {
    return new HistoryEntryView(e.at(), actor(r, e.actor()), e.type(), e.detail());
  }

  static RatingView rating(StoreReader r, Rating rating) {
    String email = r.contact(rating.raterContactId()).flatMap(Contact::address).map(EmailAddress::address).orElse(null);
    return new RatingView(rating.id(), rating.rating(), rating.comment(),
        new RaterView(rating.raterContactId(), email), rating.at());
  }

  static OutboxMessageView outbox(OutboxEntry entry) {
    OutgoingMail m = entry.mail();
    return new OutboxMessageView(m.seq(), m.ticketId(), m.event(), m.from().address(),
        m.replyTo() == null ? null : m.replyTo().address(), addresses(m.to()), addresses(m.cc()), m.subject(),
        m.messageId(), m.inReplyTo(), m.references(), m.ratingInvite(), m.textBody(), entry.state().name(),
        entry.attempts(), entry.lastError(), java.util.Map.of(), addresses(m.privateRecipients()), m.htmlBody());
  }

  static ContactView contact(Contact c) {
    return new ContactView(c.id(), c.address().map(EmailAddress::address).orElse(null), c.name(), c.status(),
        c.anonymous());
  }

  static boolean isComment(ThreadEntry e) {
    return e.kind() == EntryKind.COMMENT;
  }

  static boolean isActor(Actor a, ActorType type, String id) {
    return a.type() == type && id.equals(a.id());
  }
}
