package dev.deskcc.sim.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.access.AccessGrant;
import dev.deskcc.api.error.ItemError;
import dev.deskcc.api.lifecycle.AgentReplied;
import dev.deskcc.api.lifecycle.CommentAdded;
import dev.deskcc.api.lifecycle.CommentDeleted;
import dev.deskcc.api.lifecycle.CommentEdited;
import dev.deskcc.api.lifecycle.ContactReplied;
import dev.deskcc.api.lifecycle.FieldsUpdated;
import dev.deskcc.api.lifecycle.InboundMail;
import dev.deskcc.api.lifecycle.MailReceived;
import dev.deskcc.api.lifecycle.RatingSubmitted;
import dev.deskcc.api.lifecycle.RecipientInput;
import dev.deskcc.api.lifecycle.TicketClosed;
import dev.deskcc.api.lifecycle.TicketCreated;
import dev.deskcc.api.lifecycle.TicketEvent;
import dev.deskcc.api.lifecycle.TicketsMerged;
import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.ActorType;
import dev.deskcc.api.model.Agent;
import dev.deskcc.api.model.Attachment;
import dev.deskcc.api.model.Channel;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.ContactStatus;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.EntryKind;
import dev.deskcc.api.model.Rating;
import dev.deskcc.api.model.RatingMode;
import dev.deskcc.api.model.ThreadEntry;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.model.TicketStatus;
import dev.deskcc.sim.PluginStatus;
import dev.deskcc.sim.fixture.Fixture;
import dev.deskcc.sim.fixture.FixtureLoader;
import dev.deskcc.sim.mail.MailAttachment;
import dev.deskcc.sim.mail.OutgoingMail;
import dev.deskcc.sim.mail.ParsedMail;
import dev.deskcc.sim.plugins.HostPluginContext.DeskAddresses;
import dev.deskcc.sim.plugins.PluginCall;
import dev.deskcc.sim.plugins.PluginHost;
import dev.deskcc.sim.store.HistoryEvent;
import dev.deskcc.sim.store.Store;
import dev.deskcc.sim.store.StoreReader;
import dev.deskcc.sim.store.StoreTx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * The help desk as a Java facade: one method per operation of the HTTP contract. Every method
 * takes the {@link Caller} (resolved from a token with {@link #authenticate}) and typed requests,
 * returns the view records whose JSON is the contract's, and refuses with {@link DeskException}.
 *
 * <p>Every change of a ticket runs the same way: open a transaction, apply the host's part, run
 * every started plugin's check, gather recipients (the host's own, then the plugins'), queue the
 * outbox messages, commit, then run the plugins' reactions.
 */
public final class Desk {

  private final Store store;
  private final PluginHost plugins;
  private final Clock clock;
  private final Lifecycle lifecycle;
  private final Notifier notifier;
  private final FieldCatalog fieldCatalog;
  private final HelpCenter helpCenter;
  private final SettingsDefaults settingsDefaults;
  private final PluginCalls calls;
  private final Views views;
  private final SettingsWrites settingsWrites;
  private final Layouts layouts;

  public Desk(Store store, PluginHost plugins, Clock clock) {
    this(store, plugins, clock, () -> { });
  }

  /**
   * @param afterCommit run after every committed change (for example to wake mail delivery)
   */
  public Desk(Store store, PluginHost plugins, Clock clock, Runnable afterCommit) {
    this.store = store;
    this.plugins = plugins;
    this.clock = clock;
    this.settingsDefaults = new SettingsDefaults(plugins);
    this.calls = new PluginCalls(plugins, clock, settingsDefaults);
    this.lifecycle = new Lifecycle(store, calls, clock, afterCommit);
    this.notifier = new Notifier(calls);
    this.fieldCatalog = new FieldCatalog(calls);
    this.helpCenter = new HelpCenter(calls);
    this.views = new Views(fieldCatalog);
    this.settingsWrites = new SettingsWrites(settingsDefaults, calls);
    this.layouts = new Layouts(fieldCatalog);
  }

  // ------------------------------------------------------------------ callers

  /** The caller a bearer token stands for; empty for an unknown token. */
  public Optional<Caller> authenticate(String token) {
    StoreReader r = lifecycle.reader();
    return r.tokenOwner(token).flatMap(owner -> {
      if (owner.type() == ActorType.AGENT) {
        return r.agent(owner.id()).map(a -> new Caller(a.admin() ? CallerRole.ADMIN : CallerRole.AGENT, a.id()));
      }
      return r.contact(owner.id()).filter(c -> c.status() == ContactStatus.ACTIVE)
          .map(c -> new Caller(CallerRole.CONTACT, c.id()));
    });
  }

  // ------------------------------------------------------------------ simulator control

  /** Replaces the whole world with the fixture, all or nothing; outbox seq restarts at 1. */
  public FixtureResult loadFixture(Fixture fixture) {
    return lifecycle.batch(change -> new FixtureLoader(this, change.tx()).load(fixture));
  }

  /** What the host sent, in seq order; both filters optional. */
  public OutboxView outbox(String ticketId, Long afterSeq) {
    return new OutboxView(store.read().outbox().stream()
        .filter(e -> ticketId == null || ticketId.equals(e.mail().ticketId()))
        .filter(e -> afterSeq == null || e.seq() > afterSeq)
        .map(Views::outbox)
        .toList());
  }

  /** The outbox messages themselves (for delivery and tests). */
  public List<OutgoingMail> outboxMail() {
    return store.read().outbox().stream().map(e -> e.mail()).toList();
  }

  /** The recent plugin calls, oldest first. */
  public List<PluginCall> pluginTrace() {
    return plugins.trace();
  }

  public PluginList plugins(Caller caller) {
    requireAdmin(caller);
    return new PluginList(plugins.statuses());
  }

  /** Plugins as the simulator lists them (no caller: simulator control). */
  public List<PluginStatus> pluginStatuses() {
    return plugins.statuses();
  }

  public PluginStatus stopPlugin(String pluginId) {
    try {
      return plugins.stop(pluginId);
    } catch (NoSuchElementException e) {
      throw DeskException.notFound("no plugin " + pluginId);
    }
  }

  public PluginStatus startPlugin(String pluginId) {
    try {
      return plugins.start(pluginId);
    } catch (NoSuchElementException e) {
      throw DeskException.notFound("no plugin " + pluginId);
    }
  }

  // ------------------------------------------------------------------ contacts

  public ContactList contacts(Caller caller, String email) {
    requireAgent(caller);
    StoreReader r = lifecycle.reader();
    String key = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    return new ContactList(r.contacts().stream()
        .filter(c -> key == null || c.address().map(a -> a.key().equals(key)).orElse(false))
        .map(Views::contact)
        .toList());
  }

  // ------------------------------------------------------------------ settings

  public ObjectNode settings(Caller caller, String departmentId, String pluginId) {
    requireAgent(caller);
    StoreReader r = lifecycle.reader();
    department(r, departmentId);
    settingsWrites.describe(pluginId);
    return settingsDefaults.settings(r, departmentId, pluginId);
  }

  /**
   * Writes a plugin's settings for a department: admins only, JSON types as declared, the
   * edition, the acknowledgement, then the plugin's own rules. Members left out keep their values.
   */
  public ObjectNode putSettings(Caller caller, String departmentId, String pluginId, JsonNode body) {
    requireAdmin(caller);
    return lifecycle.run(caller.actor(), change -> {
      department(change.tx(), departmentId);
      return settingsWrites.write(change.tx(), departmentId, pluginId, body);
    });
  }

  // ------------------------------------------------------------------ layout

  public LayoutView layout(Caller caller, String departmentId) {
    requireAgent(caller);
    StoreReader r = lifecycle.reader();
    department(r, departmentId);
    return layouts.of(r, departmentId);
  }

  public LayoutView putLayout(Caller caller, String departmentId, LayoutRequest request) {
    requireAdmin(caller);
    if (request == null || request.fields() == null) {
      throw DeskException.badRequest("fields is required");
    }
    return lifecycle.run(caller.actor(), change -> {
      department(change.tx(), departmentId);
      return layouts.put(change.tx(), departmentId, request);
    });
  }

  // ------------------------------------------------------------------ tickets: reads

  public TicketList tickets(Caller caller) {
    StoreReader r = lifecycle.reader();
    Views.TicketRenderer renderer = views.renderer(r);
    List<TicketView> out = new ArrayList<>();
    if (caller.isContact()) {
      Contact me = me(r, caller);
      for (Ticket t : r.tickets()) {
        helpCenter.access(r, t, me).ifPresent(g -> out.add(renderer.render(t, true, g.role())));
      }
    } else {
      Agent agent = agent(r, caller);
      for (Ticket t : r.tickets()) {
        if (agent.admin() || agent.departmentIds().contains(t.departmentId())) {
          out.add(renderer.render(t, false, null));
        }
      }
    }
    return new TicketList(out);
  }

  public TicketView ticket(Caller caller, String ticketId) {
    StoreReader r = lifecycle.reader();
    Seen seen = see(r, caller, ticketId);
    return views.renderer(r).render(seen.ticket(), caller.isContact(), seen.role());
  }

  public HistoryView history(Caller caller, String ticketId) {
    requireAgentOrHide(caller, ticketId);
    StoreReader r = lifecycle.reader();
    Ticket t = see(r, caller, ticketId).ticket();
    return new HistoryView(r.history(t.id()).stream().map(e -> Views.history(r, e)).toList());
  }

  public RatingList ratings(Caller caller, String ticketId) {
    requireAgentOrHide(caller, ticketId);
    StoreReader r = lifecycle.reader();
    Ticket t = see(r, caller, ticketId).ticket();
    return new RatingList(r.ratings(t.id()).stream().map(x -> Views.rating(r, x)).toList());
  }

  // ------------------------------------------------------------------ tickets: changes

  public TicketView createTicket(Caller caller, CreateTicketRequest request) {
    if (request == null) {
      throw DeskException.badRequest("a ticket is required");
    }
    return lifecycle.run(caller.actor(), change -> {
      StoreTx tx = change.tx();
      if (request.departmentId() == null) {
        throw DeskException.badRequest("departmentId is required");
      }
      if (request.subject() == null || request.subject().isBlank()) {
        throw DeskException.badRequest("subject is required");
      }
      Department dept = tx.department(request.departmentId())
          .orElseThrow(() -> DeskException.invalid("UNKNOWN_DEPARTMENT", "no department " + request.departmentId()));
      Contact requester;
      Channel channel;
      if (caller.isContact()) {
        if (!dept.helpCenter()) {
          throw DeskException.invalid("HELP_CENTER_UNAVAILABLE", "department " + dept.name() + " has no help center");
        }
        requester = me(tx, caller);
        channel = Channel.HELP_CENTER;
      } else {
        Agent agent = agent(tx, caller);
        if (!agent.admin() && !agent.departmentIds().contains(dept.id())) {
          throw DeskException.forbidden("you are not an agent of department " + dept.name());
        }
        if (request.requester() == null || request.requester().email() == null) {
          throw DeskException.badRequest("requester.email is required");
        }
        EmailAddress address = RecipientLists.parseOr422(request.requester().email(), "INVALID_REQUESTER");
        requester = findOrCreate(tx, address, request.requester().name());
        channel = Channel.AGENT;
      }
      Map<String, JsonNode> fields = request.fields() == null ? Map.of() : request.fields();
      fieldCatalog.requireKnown(tx, dept.id(), fields);
      Ticket ticket = new Ticket(tx.newId("t"), tx.nextTicketNumber(), dept.id(), request.subject().strip(),
          TicketStatus.OPEN, channel, requester.id(), List.of(), 1, null, Set.of(), change.now());
      tx.putTicket(ticket, request.description() == null ? "" : request.description());
      history(change, ticket.id(), "TICKET_CREATED", Details.obj("channel", channel.name()));
      process(change, new TicketCreated(ticket, change.actor(), fields));
      return views.renderer(tx).render(tx.ticket(ticket.id()).orElseThrow(), caller.isContact(),
          caller.isContact() ? HelpCenter.REQUESTER : null);
    });
  }

  /** Ticket details: plugin-field values and/or closing, with an optional expected version. */
  public TicketView patchTicket(Caller caller, String ticketId, PatchTicketRequest request, Long expectedVersion) {
    requireAgentOrHide(caller, ticketId);
    if (request == null) {
      throw DeskException.badRequest("a body is required");
    }
    return lifecycle.run(caller.actor(), change -> {
      StoreTx tx = change.tx();
      Ticket t = see(tx, caller, ticketId).ticket();
      if (expectedVersion != null && expectedVersion != t.version()) {
        throw new DeskException(412, "VERSION_CONFLICT", "the ticket is at version " + t.version()
            + ", not " + expectedVersion);
      }
      if (request.status() != null && request.status() != TicketStatus.CLOSED && request.status() != t.status()) {
        throw DeskException.invalid("UNSUPPORTED_STATUS", "a ticket can only be set to CLOSED here");
      }
      requireNotMerged(t);
      Map<String, JsonNode> fields = request.fields() == null ? Map.of() : request.fields();
      fieldCatalog.requireKnown(tx, t.departmentId(), fields);
      if (!fields.isEmpty()) {
        Ticket updated = TicketEdits.copy(t, t.thread(), t.status(), t.mergedInto(), t.restrictedContactIds());
        tx.putTicket(updated);
        history(change, t.id(), "FIELDS_UPDATED", Details.namesDetail(fields.keySet()));
        process(change, new FieldsUpdated(updated, change.actor(), fields));
        t = updated;
      }
      if (request.status() == TicketStatus.CLOSED && t.status() != TicketStatus.CLOSED) {
        Ticket closed = TicketEdits.copy(t, t.thread(), TicketStatus.CLOSED, null, t.restrictedContactIds());
        tx.putTicket(closed);
        history(change, t.id(), "STATUS_CHANGED", Details.obj("from", t.status().name(), "to", "CLOSED"));
        process(change, new TicketClosed(closed, change.actor()));
      }
      return views.renderer(tx).render(tx.ticket(ticketId).orElseThrow(), false, null);
    });
  }

  public EntryView reply(Caller caller, String ticketId, ReplyRequest request) {
    if (request == null || request.content() == null) {
      throw DeskException.badRequest("content is required");
    }
    return lifecycle.run(caller.actor(), change -> {
      StoreTx tx = change.tx();
      Ticket t = see(tx, caller, ticketId).ticket();
      requireNotMerged(t);
      RecipientInput copies = RecipientLists.input(request.cc());
      ThreadEntry entry;
      if (caller.isContact()) {
        if (request.to() != null) {
          throw DeskException.badRequest("a help-center reply has no 'to'");
        }
        Contact me = me(tx, caller);
        entry = new ThreadEntry(tx.newId("e"), EntryKind.REPLY, true, change.actor(), me.email(), request.content(),
            List.of(), List.of(), List.of(), change.now(), null, false);
        TicketStatus status = t.status() == TicketStatus.CLOSED ? TicketStatus.OPEN : t.status();
        Ticket updated = TicketEdits.copy(t, TicketEdits.append(t.thread(), entry), status, null, t.restrictedContactIds());
        tx.putTicket(updated);
        if (status != t.status()) {
          history(change, t.id(), "STATUS_CHANGED", Details.obj("from", t.status().name(), "to", status.name()));
        }
        history(change, t.id(), "CONTACT_REPLIED", Details.obj("entryId", entry.id()));
        process(change, new ContactReplied(updated, change.actor(), entry, copies));
      } else {
        RecipientInput to = RecipientLists.input(request.to());
        Agent agent = agent(tx, caller);
        List<ItemError> errors = new ArrayList<>();
        List<EmailAddress> toList = to.given() ? RecipientLists.addresses(tx, to, errors)
            : tx.contact(t.requesterId()).flatMap(Notifier::mailbox).map(List::of).orElse(List.of());
        List<EmailAddress> copyList = RecipientLists.addresses(tx, copies, errors);
        entry = new ThreadEntry(tx.newId("e"), EntryKind.REPLY, true, change.actor(), agent.email(),
            request.content(), toList, copyList, List.of(), change.now(), null, false);
        Ticket updated = TicketEdits.copy(t, TicketEdits.append(t.thread(), entry), t.status(), null, t.restrictedContactIds());
        tx.putTicket(updated);
        history(change, t.id(), "AGENT_REPLIED", Details.obj("entryId", entry.id()));
        AgentReplied event = new AgentReplied(updated, change.actor(), entry, to, copies);
        // Plugins check first: one that owns the reply's recipients (an address list field, say)
        // answers with its own, more specific refusal; the host's generic one is the fallback.
        lifecycle.check(change, event);
        if (!errors.isEmpty()) {
          throw new DeskException(422, "INVALID_RECIPIENTS", "the reply names addresses that are not valid", errors);
        }
        List<OutgoingMail> sent = notifier.send(change, event);
        ThreadEntry actual = Notifier.withRecipients(entry, sent.stream().findFirst());
        Ticket finalTicket = tx.ticket(t.id()).orElseThrow();
        finalTicket = TicketEdits.replaceEntry(finalTicket, actual, false);
        tx.putTicket(finalTicket);
        change.replace(event, new AgentReplied(finalTicket, change.actor(), actual, to, copies));
        entry = actual;
      }
      return Views.entry(entry);
    });
  }

  public EntryView addComment(Caller caller, String ticketId, CommentRequest request) {
    if (request == null || request.content() == null) {
      throw DeskException.badRequest("content is required");
    }
    return lifecycle.run(caller.actor(), change -> {
      StoreTx tx = change.tx();
      Ticket t = see(tx, caller, ticketId).ticket();
      requireNotMerged(t);
      boolean isPublic = caller.isContact() || Boolean.TRUE.equals(request.isPublic());
      EmailAddress authorEmail = Notifier.actorAddress(tx, change.actor()).orElse(null);
      ThreadEntry entry = new ThreadEntry(tx.newId("e"), EntryKind.COMMENT, isPublic, change.actor(), authorEmail,
          request.content(), List.of(), List.of(), List.of(), change.now(), null, false);
      Ticket updated = TicketEdits.copy(t, TicketEdits.append(t.thread(), entry), t.status(), null, t.restrictedContactIds());
      tx.putTicket(updated);
      history(change, t.id(), "COMMENT_ADDED", Details.obj("entryId", entry.id(), "public", String.valueOf(isPublic)));
      process(change, new CommentAdded(updated, change.actor(), entry));
      return Views.entry(entry);
    });
  }

  public EntryView editComment(Caller caller, String ticketId, String entryId, CommentEditRequest request) {
    if (request == null || request.content() == null) {
      throw DeskException.badRequest("content is required");
    }
    return lifecycle.run(caller.actor(), change -> {
      StoreTx tx = change.tx();
      Ticket t = see(tx, caller, ticketId).ticket();
      ThreadEntry before = ownComment(caller, t, entryId);
      ThreadEntry after = new ThreadEntry(before.id(), before.kind(), before.isPublic(), before.author(),
          before.authorEmail(), request.content(), before.to(), before.cc(), before.attachments(), before.createdAt(),
          change.now(), false);
      Ticket updated = TicketEdits.replaceEntry(t, after, true);
      tx.putTicket(updated);
      history(change, t.id(), "COMMENT_EDITED", Details.obj("entryId", entryId));
      process(change, new CommentEdited(updated, change.actor(), after, before.content()));
      return Views.entry(after);
    });
  }

  public void deleteComment(Caller caller, String ticketId, String entryId) {
    lifecycle.run(caller.actor(), change -> {
      StoreTx tx = change.tx();
      Ticket t = see(tx, caller, ticketId).ticket();
      ThreadEntry before = ownComment(caller, t, entryId);
      ThreadEntry after = new ThreadEntry(before.id(), before.kind(), before.isPublic(), before.author(),
          before.authorEmail(), "", before.to(), before.cc(), List.of(), before.createdAt(), change.now(), true);
      Ticket updated = TicketEdits.replaceEntry(t, after, true);
      tx.putTicket(updated);
      history(change, t.id(), "COMMENT_DELETED", Details.obj("entryId", entryId));
      process(change, new CommentDeleted(updated, change.actor(), before));
      return null;
    });
  }

  /** Merges sources into the target; with {@code dryRun} answers the same and changes nothing. */
  public TicketView merge(Caller caller, String targetId, MergeRequest request, boolean dryRun) {
    requireAgentOrHide(caller, targetId);
    if (request == null || request.sourceIds().isEmpty()) {
      throw DeskException.badRequest("sourceIds must name at least one ticket");
    }
    java.util.function.Function<Change, TicketView> body = change -> {
      StoreTx tx = change.tx();
      Ticket target = see(tx, caller, targetId).ticket();
      requireNotMerged(target);
      List<Ticket> sources = new ArrayList<>();
      Set<String> ids = new LinkedHashSet<>();
      for (String id : request.sourceIds()) {
        if (id == null || id.equals(targetId) || !ids.add(id)) {
          throw DeskException.invalid("INVALID_MERGE_SOURCE", "a ticket cannot be merged into itself or twice: " + id);
        }
        Ticket s = see(tx, caller, id).ticket();
        requireNotMerged(s);
        sources.add(s);
      }
      List<ThreadEntry> thread = new ArrayList<>(target.thread());
      for (Ticket s : sources) {
        thread.addAll(s.thread());
        tx.putTicket(TicketEdits.copy(s, s.thread(), TicketStatus.MERGED, target.id(), s.restrictedContactIds()));
        history(change, s.id(), "MERGED_INTO", Details.obj("targetId", target.id()));
        for (String messageId : tx.messageIds(s.id())) {
          tx.addMessageId(target.id(), messageId);
        }
      }
      Ticket merged = TicketEdits.copy(target, thread, target.status(), null, target.restrictedContactIds());
      tx.putTicket(merged);
      history(change, target.id(), "MERGED", Details.namesDetail(ids));
      process(change, new TicketsMerged(merged, change.actor(), sources, request.choices()));
      return views.renderer(tx).render(tx.ticket(target.id()).orElseThrow(), false, null);
    };
    return dryRun ? lifecycle.dryRun(caller.actor(), body) : lifecycle.run(caller.actor(), body);
  }

  public RestrictionView addRestriction(Caller caller, String ticketId, RestrictionRequest request) {
    requireAgentOrHide(caller, ticketId);
    if (request == null || request.email() == null) {
      throw DeskException.badRequest("email is required");
    }
    return lifecycle.run(caller.actor(), change -> {
      StoreTx tx = change.tx();
      Ticket t = see(tx, caller, ticketId).ticket();
      EmailAddress address = RecipientLists.parseOr422(request.email(), "INVALID_ADDRESS");
      Contact c = tx.contactByAddress(address)
          .orElseThrow(() -> DeskException.invalid("UNKNOWN_CONTACT", "no contact " + address.address()));
      Set<String> restricted = new LinkedHashSet<>(t.restrictedContactIds());
      restricted.add(c.id());
      tx.putTicket(TicketEdits.copy(t, t.thread(), t.status(), t.mergedInto(), restricted));
      history(change, t.id(), "RESTRICTION_ADDED", Details.obj("contactId", c.id(), "email", address.address()));
      return new RestrictionView(c.id(), c.address().map(EmailAddress::address).orElse(null), c.name());
    });
  }

  public void liftRestriction(Caller caller, String ticketId, String contactId) {
    requireAgentOrHide(caller, ticketId);
    lifecycle.run(caller.actor(), change -> {
      StoreTx tx = change.tx();
      Ticket t = see(tx, caller, ticketId).ticket();
      if (!t.restrictedContactIds().contains(contactId)) {
        throw DeskException.notFound("contact " + contactId + " is not restricted from this ticket");
      }
      Set<String> restricted = new LinkedHashSet<>(t.restrictedContactIds());
      restricted.remove(contactId);
      tx.putTicket(TicketEdits.copy(t, t.thread(), t.status(), t.mergedInto(), restricted));
      history(change, t.id(), "RESTRICTION_LIFTED", Details.obj("contactId", contactId));
      return null;
    });
  }

  public RatingView rate(Caller caller, String ticketId, RatingRequest request) {
    if (!caller.isContact()) {
      throw DeskException.forbidden("only contacts rate tickets");
    }
    if (request == null || request.rating() == null) {
      throw DeskException.badRequest("rating is required");
    }
    return lifecycle.run(caller.actor(), change -> {
      StoreTx tx = change.tx();
      Seen seen = see(tx, caller, ticketId);
      Ticket t = seen.ticket();
      if (!seen.grant().map(AccessGrant::mayRate).orElse(false)) {
        throw DeskException.forbidden("you may see this ticket but not rate it");
      }
      RatingMode mode = tx.department(t.departmentId()).orElseThrow().ratingMode();
      boolean open = switch (mode) {
        case OFF -> false;
        case EVERY_REPLY -> t.hasAgentReply();
        case ON_CLOSE -> t.status() == TicketStatus.CLOSED;
      };
      if (!open) {
        throw DeskException.conflict("RATING_NOT_OPEN", "the ticket is not open to rating (" + mode + ")");
      }
      Rating rating = new Rating(tx.newId("r"), request.rating(), request.comment(), caller.id(), change.now());
      tx.addRating(t.id(), rating);
      Ticket updated = TicketEdits.copy(t, t.thread(), t.status(), t.mergedInto(), t.restrictedContactIds());
      tx.putTicket(updated);
      history(change, t.id(), "RATED", Details.obj("rating", rating.rating().name()));
      process(change, new RatingSubmitted(updated, change.actor(), rating));
      return Views.rating(tx, rating);
    });
  }

  // ------------------------------------------------------------------ inbound mail

  /** Takes in a parsed message: routes, threads or creates, stores attachments. Admins only. */
  public InboundResult inboundMail(Caller caller, ParsedMail mail) {
    requireAdmin(caller);
    return lifecycle.run(Actor.system(), change -> {
      StoreTx tx = change.tx();
      if (mail.messageId() != null && tx.ticketByMessageId(mail.messageId()).isPresent()) {
        return InboundResult.dropped("DUPLICATE_MESSAGE");
      }
      List<Department> departments = tx.departments();
      Department dept = MailRouting.route(departments, mail)
          .orElseThrow(() -> DeskException.invalid("NO_DEPARTMENT", "no department's support address received the message"));
      boolean addressedToDesk = false;
      for (EmailAddress a : MailRouting.concat(mail.to(), mail.cc())) {
        if (DeskAddresses.find(departments, a).filter(d -> d.kind() == dev.deskcc.api.host.DeskAddressKind.SUPPORT)
            .isPresent()) {
          addressedToDesk = true;
        }
      }
      boolean automated = mail.autoSubmitted() || DeskAddresses.find(departments, mail.from()).isPresent();
      InboundMail facts = new InboundMail(mail.from(), mail.to(), mail.cc(), mail.subject(), mail.messageId(),
          automated, addressedToDesk);
      // the SPI promises the sender as a contact, whoever sent it
      Actor actor = Actor.contact(findOrCreate(tx, mail.from(), mail.from().displayName()).id());
      Change step = change.as(actor);
      List<Attachment> attachments = new ArrayList<>();
      for (MailAttachment a : mail.attachments()) {
        String sha = a.sha256();
        tx.putAttachment(sha, a.content());
        attachments.add(new Attachment(a.name(), a.size(), a.contentType(), sha));
      }
      ThreadEntry entry = new ThreadEntry(tx.newId("e"), EntryKind.INBOUND, true, actor, mail.from(), mail.textBody(),
          mail.to(), mail.cc(), attachments, step.now(), null, false);
      Optional<Ticket> existing = MailRouting.thread(tx, mail);
      Ticket ticket;
      boolean created;
      if (existing.isPresent()) {
        Ticket t = existing.get();
        TicketStatus status = t.status() == TicketStatus.CLOSED && !automated ? TicketStatus.OPEN : t.status();
        ticket = TicketEdits.copy(t, TicketEdits.append(t.thread(), entry), status, t.mergedInto(), t.restrictedContactIds());
        tx.putTicket(ticket);
        if (status != t.status()) {
          history(step, t.id(), "STATUS_CHANGED", Details.obj("from", t.status().name(), "to", status.name()));
        }
        created = false;
      } else {
        String subject = mail.subject().isBlank() ? "(no subject)" : mail.subject().strip();
        ticket = new Ticket(tx.newId("t"), tx.nextTicketNumber(), dept.id(), subject, TicketStatus.OPEN,
            Channel.EMAIL, actor.id(), List.of(entry), 1, null, Set.of(), step.now());
        tx.putTicket(ticket, mail.textBody());
        history(step, ticket.id(), "TICKET_CREATED", Details.obj("channel", Channel.EMAIL.name()));
        created = true;
      }
      if (mail.messageId() != null) {
        tx.addMessageId(ticket.id(), mail.messageId());
      }
      history(step, ticket.id(), "MAIL_RECEIVED", Details.obj("entryId", entry.id(), "automated", String.valueOf(automated)));
      process(step, new MailReceived(ticket, actor, entry, facts, created));
      return InboundResult.taken(ticket.id(), created, entry.id());
    });
  }




  // ------------------------------------------------------------------ lifecycle

  /** Checks the event, then sends its messages. */
  private void process(Change change, TicketEvent event) {
    lifecycle.check(change, event);
    notifier.send(change, event);
  }

  private void history(Change change, String ticketId, String type, JsonNode detail) {
    change.tx().addHistory(ticketId, new HistoryEvent(change.now(), change.actor(), type, detail));
  }

  // ------------------------------------------------------------------ helpers

  /** A ticket the caller may see, and how. */
  private record Seen(Ticket ticket, Optional<AccessGrant> grant) {
    String role() {
      return grant.map(AccessGrant::role).orElse(null);
    }
  }

  private Seen see(StoreReader r, Caller caller, String ticketId) {
    Ticket t = r.ticket(ticketId).orElseThrow(() -> DeskException.notFound("no ticket " + ticketId));
    if (caller.isContact()) {
      Optional<AccessGrant> grant = helpCenter.access(r, t, me(r, caller));
      if (grant.isEmpty()) {
        throw DeskException.notFound("no ticket " + ticketId);
      }
      return new Seen(t, grant);
    }
    Agent agent = agent(r, caller);
    if (!agent.admin() && !agent.departmentIds().contains(t.departmentId())) {
      throw DeskException.notFound("no ticket " + ticketId);
    }
    return new Seen(t, Optional.empty());
  }

  /** Agent-only on a ticket: a contact gets 404 for a ticket they may not see, else 403. */
  private void requireAgentOrHide(Caller caller, String ticketId) {
    if (caller.isContact()) {
      see(lifecycle.reader(), caller, ticketId);
      throw DeskException.forbidden("agents only");
    }
  }

  private static void requireAgent(Caller caller) {
    if (!caller.isAgent()) {
      throw DeskException.forbidden("agents only");
    }
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw DeskException.forbidden("admins only");
    }
  }

  private static void requireNotMerged(Ticket t) {
    if (t.status() == TicketStatus.MERGED) {
      throw DeskException.conflict("TICKET_MERGED", "ticket " + t.id() + " was merged into " + t.mergedInto());
    }
  }

  private static Department department(StoreReader r, String id) {
    return r.department(id).orElseThrow(() -> DeskException.notFound("no department " + id));
  }

  private static Contact me(StoreReader r, Caller caller) {
    return r.contact(caller.id()).orElseThrow(() -> new DeskException(401, "UNAUTHENTICATED", "unknown contact"));
  }

  private static Agent agent(StoreReader r, Caller caller) {
    return r.agent(caller.id()).orElseThrow(() -> new DeskException(401, "UNAUTHENTICATED", "unknown agent"));
  }

  private ThreadEntry ownComment(Caller caller, Ticket t, String entryId) {
    ThreadEntry e = t.entry(entryId).filter(Views::isComment)
        .orElseThrow(() -> DeskException.notFound("no comment " + entryId));
    if (caller.isContact() && !e.isPublic()) {
      throw DeskException.notFound("no comment " + entryId);
    }
    if (e.deleted()) {
      throw DeskException.conflict("COMMENT_DELETED", "the comment was deleted");
    }
    boolean author = Views.isActor(e.author(), caller.isContact() ? ActorType.CONTACT : ActorType.AGENT, caller.id());
    if (!author && !caller.isAdmin()) {
      throw DeskException.forbidden("only the comment's author or an admin may change it");
    }
    return e;
  }

  private static Contact findOrCreate(StoreTx tx, EmailAddress address, String name) {
    return tx.contactByAddress(address).orElseGet(() -> {
      String display = name != null && !name.isBlank() ? name.strip() : address.displayName();
      Contact c = new Contact(tx.newId("c"), new EmailAddress(address.address(), null), display,
          ContactStatus.ACTIVE, false);
      tx.putContact(c);
      return c;
    });
  }











}
