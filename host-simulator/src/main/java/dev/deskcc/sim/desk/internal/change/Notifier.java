package dev.deskcc.sim.desk.internal.change;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.lifecycle.AgentReplied;
import dev.deskcc.api.lifecycle.CommentAdded;
import dev.deskcc.api.lifecycle.CommentDeleted;
import dev.deskcc.api.lifecycle.CommentEdited;
import dev.deskcc.api.lifecycle.MailReceived;
import dev.deskcc.api.lifecycle.TicketClosed;
import dev.deskcc.api.lifecycle.TicketCreated;
import dev.deskcc.api.lifecycle.TicketEvent;
import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.ContactStatus;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.RatingMode;
import dev.deskcc.api.model.ThreadEntry;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.notify.Notification;
import dev.deskcc.api.notify.OutboundEvent;
import dev.deskcc.api.notify.RecipientContributor;
import dev.deskcc.api.notify.RecipientDecision;
import dev.deskcc.api.notify.RecipientLine;
import dev.deskcc.sim.mail.OutgoingMail;
import dev.deskcc.sim.plugins.PluginExtension;
import dev.deskcc.sim.plugins.PluginHost;
import dev.deskcc.sim.recipient.OnBehalfSender;
import dev.deskcc.sim.recipient.Suppressions;
import dev.deskcc.sim.store.DeskAddressIndex;
import dev.deskcc.sim.store.HistoryEvent;
import dev.deskcc.sim.store.StoreTx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a checked change into outbox messages: the host's own recipients (the requester, the
 * addresses a reply named), then every started plugin's additions and withholdings, one message
 * per event with each person at most once and never the actor.
 */
public final class Notifier {
  private final PluginCalls plugins;

  public Notifier(PluginCalls plugins) {
    this.plugins = plugins;
  }

  /** The messages sent, in order. */
  public List<OutgoingMail> send(Change change, TicketEvent event) {
    List<OutgoingMail> sent = new ArrayList<>();
    for (Notification note : base(change, event)) {
      deliver(change, note).ifPresent(sent::add);
    }
    return sent;
  }

  private List<Notification> base(Change change, TicketEvent event) {
    StoreTx tx = change.tx();
    Ticket ticket = event.ticket();
    Department dept = tx.department(ticket.departmentId()).orElseThrow();
    List<EmailAddress> requester = requester(tx, ticket, event.actor());
    if (event instanceof TicketCreated e) {
      return List.of(note(OutboundEvent.TICKET_CREATED, e, false, requester, List.of()));
    }
    if (event instanceof MailReceived e && e.newTicket()) {
      return List.of(note(OutboundEvent.TICKET_CREATED, e, false, requester, List.of()));
    }
    if (event instanceof AgentReplied e) {
      return List.of(note(OutboundEvent.AGENT_REPLY, e, dept.ratingMode() == RatingMode.EVERY_REPLY,
          e.entry().to(), e.entry().cc()));
    }
    if (event instanceof CommentAdded e && e.entry().isPublic()) {
      return List.of(note(OutboundEvent.PUBLIC_COMMENT, e, false, requester, List.of()));
    }
    if (event instanceof CommentEdited e && e.entry().isPublic()) {
      return List.of(note(OutboundEvent.COMMENT_EDITED, e, false, requester, List.of()));
    }
    if (event instanceof CommentDeleted e && e.entry().isPublic()) {
      return List.of(note(OutboundEvent.COMMENT_DELETED, e, false, requester, List.of()));
    }
    if (event instanceof TicketClosed e) {
      return List.of(note(OutboundEvent.TICKET_CLOSED, e, dept.ratingMode() == RatingMode.ON_CLOSE,
          requester, List.of()));
    }
    return List.of();
  }

  private static Notification note(OutboundEvent type, TicketEvent cause, boolean invite, List<EmailAddress> to,
      List<EmailAddress> copies) {
    return new Notification(type, cause, invite, to, copies);
  }

  private static List<EmailAddress> requester(StoreTx tx, Ticket ticket, Actor actor) {
    if (actor.isContact() && actor.id().equals(ticket.requesterId())) {
      return List.of();
    }
    return tx.contact(ticket.requesterId()).flatMap(Notifier::mailbox).map(List::of).orElse(List.of());
  }

  public static Optional<EmailAddress> mailbox(Contact c) {
    return c.address().map(a -> new EmailAddress(a.address(), c.name()));
  }

  private Optional<OutgoingMail> deliver(Change change, Notification note) {
    StoreTx tx = change.tx();
    List<RecipientDecision.Add> added = new ArrayList<>();
    Set<EmailAddress> withheld = Set.of();
    String cause = note.cause().getClass().getSimpleName();
    PluginHost host = plugins.host();
    String departmentId = note.cause().ticket().departmentId();
    for (PluginExtension<RecipientContributor> ext : host.extensions(RecipientContributor.class)) {
      if (!plugins.active(ext.pluginId(), departmentId, change)) {
        continue;
      }
      List<RecipientDecision> decisions = plugins.write(ext, "RECIPIENTS", cause, change,
          (c, ctx) -> c.recipients(note, ctx));
      for (RecipientDecision d : decisions) {
        if (d instanceof RecipientDecision.Add add) {
          added.add(add);
        } else if (d instanceof RecipientDecision.Withhold w) {
          if (withheld.isEmpty()) {
            withheld = new HashSet<>();
          }
          withheld.add(w.address());
          recordWithholding(change, note, w.address(), w.reason(), ext.pluginId());
        }
      }
    }
    withheld = withholdUnmailable(change, note, withheld);
    // the host's own recipients first, then the plugins' additions, each address once; sized
    // for all of them at once (a plugin may add many: a ticket's CCs)
    int candidates = note.to().size() + note.cc().size() + added.size();
    Map<EmailAddress, RecipientLine> recipients = new LinkedHashMap<>(candidates * 4 / 3 + 1);
    for (EmailAddress a : note.to()) {
      recipients.putIfAbsent(a, RecipientLine.TO);
    }
    for (EmailAddress a : note.cc()) {
      recipients.putIfAbsent(a, RecipientLine.CC);
    }
    for (RecipientDecision.Add add : added) {
      if (add.line() == RecipientLine.PRIVATE) {
        // privacy wins over the line the host or another plugin chose (a reply's Cc naming a CC)
        recipients.put(add.address(), RecipientLine.PRIVATE);
      } else {
        recipients.putIfAbsent(add.address(), add.line());
      }
    }
    Ticket ticket = tx.ticket(note.cause().ticket().id()).orElse(note.cause().ticket());
    Department dept = tx.department(ticket.departmentId()).orElseThrow();
    // a message carrying a person's words comes from the support address in their name
    EmailAddress sender = OnBehalfSender.of(tx, dept, note.event(), note.cause().actor()).orElse(null);
    return MessageWriter.write(change, new MessageWriter.Draft(ticket.id(), note.event().name(), recipients, withheld,
        subject(note.event(), ticket), body(note), null, note.ratingInvite(), sender));
  }

  /**
   * The host's own recipients (the requester, the addresses a reply named) whose contact is marked
   * spam or deleted get nothing, as the plugins' recipients do not: withheld like a plugin's
   * withholding, with the contact's status as the reason ({@code CONTACT_SPAM}, {@code
   * CONTACT_DELETED}) and no plugin named. A plugin's own additions are the plugin's to screen.
   *
   * @return {@code withheld} with those addresses added (a new set if it was empty)
   */
  private static Set<EmailAddress> withholdUnmailable(Change change, Notification note, Set<EmailAddress> withheld) {
    Set<EmailAddress> out = withheld;
    for (List<EmailAddress> line : List.of(note.to(), note.cc())) {
      for (EmailAddress address : line) {
        if (out.contains(address)) {
          continue;
        }
        Optional<ContactStatus> status = change.tx().contactByAddress(address).map(Contact::status);
        if (status.isPresent() && status.get() != ContactStatus.ACTIVE) {
          if (out.isEmpty()) {
            out = new HashSet<>();
          }
          out.add(address);
          recordWithholding(change, note, address, "CONTACT_" + status.get().name(), null);
        }
      }
    }
    return out;
  }

  private static void recordWithholding(Change change, Notification note, EmailAddress address, String reason,
      String pluginId) {
    MessageWriter.recordWithholding(change, note.cause().ticket().id(), note.event().name(), address, reason,
        pluginId);
  }

  public static Optional<EmailAddress> actorAddress(StoreTx tx, Actor actor) {
    return switch (actor.type()) {
      case AGENT -> tx.agent(actor.id()).map(a -> a.email());
      case CONTACT -> tx.contact(actor.id()).flatMap(Contact::address);
      case SYSTEM -> Optional.empty();
    };
  }

  private static String subject(OutboundEvent event, Ticket ticket) {
    String token = "[#" + ticket.number() + "] " + ticket.subject();
    return event == OutboundEvent.TICKET_CREATED ? token : "Re: " + token;
  }

  private static String body(Notification note) {
    TicketEvent cause = note.cause();
    String text;
    if (cause instanceof AgentReplied e) {
      text = e.entry().content();
    } else if (cause instanceof CommentAdded e) {
      text = e.entry().content();
    } else if (cause instanceof CommentEdited e) {
      text = e.entry().content();
    } else if (cause instanceof CommentDeleted) {
      text = "A comment was deleted.";
    } else if (cause instanceof TicketClosed) {
      text = "Your ticket was closed.";
    } else {
      text = "Ticket #" + cause.ticket().number() + ": " + cause.ticket().subject();
    }
    return text + (note.ratingInvite() ? "\n\nHow did we do? Rate this ticket in the help center." : "");
  }

  /** The entry with the message's actual recipients, for the thread. */
  public static ThreadEntry withRecipients(ThreadEntry entry, Optional<OutgoingMail> mail) {
    return new ThreadEntry(entry.id(), entry.kind(), entry.isPublic(), entry.author(), entry.authorEmail(),
        entry.content(), mail.map(OutgoingMail::to).orElse(List.of()), mail.map(OutgoingMail::cc).orElse(List.of()),
        entry.attachments(), entry.createdAt(), entry.editedAt(), entry.deleted());
  }
}
