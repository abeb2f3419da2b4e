package dev.deskcc.sim.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.sim.PluginStatus;
import dev.deskcc.sim.desk.internal.change.Change;
import dev.deskcc.sim.desk.internal.change.Lifecycle;
import dev.deskcc.sim.desk.internal.change.Notifier;
import dev.deskcc.sim.desk.internal.change.PluginCalls;
import dev.deskcc.sim.desk.internal.change.TicketChanges;
import dev.deskcc.sim.desk.internal.extension.Access;
import dev.deskcc.sim.desk.internal.extension.Descriptions;
import dev.deskcc.sim.desk.internal.extension.FieldCatalog;
import dev.deskcc.sim.desk.internal.extension.HelpCenter;
import dev.deskcc.sim.desk.internal.extension.Layouts;
import dev.deskcc.sim.desk.internal.extension.Participants;
import dev.deskcc.sim.desk.internal.extension.PluginControl;
import dev.deskcc.sim.desk.internal.extension.SettingsDefaults;
import dev.deskcc.sim.desk.internal.extension.SettingsWrites;
import dev.deskcc.sim.desk.internal.operation.Comments;
import dev.deskcc.sim.desk.internal.operation.Contacts;
import dev.deskcc.sim.desk.internal.operation.DepartmentSetup;
import dev.deskcc.sim.desk.internal.operation.DeskParts;
import dev.deskcc.sim.desk.internal.operation.MailIntake;
import dev.deskcc.sim.desk.internal.operation.Merges;
import dev.deskcc.sim.desk.internal.operation.OutboxReads;
import dev.deskcc.sim.desk.internal.operation.Ratings;
import dev.deskcc.sim.desk.internal.operation.Replies;
import dev.deskcc.sim.desk.internal.operation.Restrictions;
import dev.deskcc.sim.desk.internal.operation.TicketCreation;
import dev.deskcc.sim.desk.internal.operation.TicketDetails;
import dev.deskcc.sim.desk.internal.operation.TicketReads;
import dev.deskcc.sim.desk.internal.operation.Unsubscribes;
import dev.deskcc.sim.desk.internal.operation.Views;
import dev.deskcc.sim.recipient.WorldSecret;
import dev.deskcc.sim.mail.OutgoingMail;
import dev.deskcc.sim.mail.ParsedMail;
import dev.deskcc.sim.plugins.PluginCall;
import dev.deskcc.sim.plugins.PluginHost;
import dev.deskcc.sim.recipient.NotificationsView;
import dev.deskcc.sim.recipient.RecipientCopy;
import dev.deskcc.sim.recipient.UnsubscribeLinks;
import dev.deskcc.sim.recipient.UnsubscribePage;
import dev.deskcc.sim.store.Store;
import dev.deskcc.sim.store.StoreReader;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The help desk as a Java facade: one method per operation of the HTTP contract. Every method
 * takes the {@link Caller} (resolved from a token with {@link #authenticate}) and typed requests,
 * returns the view records whose JSON is the contract's, and refuses with {@link DeskException}.
 *
 * <p>Every change of a ticket runs the same way: open a transaction, apply the host's part, run
 * every started plugin's check, gather recipients (the host's own, then the plugins'), queue the
 * outbox messages, commit, then run the plugins' reactions. Each operation lives in a class named
 * for its feature ({@link TicketCreation}, {@link Replies}, {@link Comments}, {@link Merges}, …);
 * this class only wires them and keeps the public signatures.
 */
public final class Desk {
  private final Engine engine;
  private final Lifecycle lifecycle;
  private final Access access;
  private final PluginControl pluginControl;
  private final OutboxReads outbox;
  private final Contacts contacts;
  private final DepartmentSetup departments;
  private final Descriptions descriptions;
  private final TicketReads ticketReads;
  private final TicketCreation creation;
  private final TicketDetails details;
  private final Replies replies;
  private final Comments comments;
  private final Merges merges;
  private final Restrictions restrictions;
  private final Ratings ratings;
  private final MailIntake mailIntake;
  private final FieldCatalog fieldCatalog;
  private final Unsubscribes unsubscribes;

  public Desk(Store store, PluginHost plugins, Clock clock) {
    this(store, plugins, clock, () -> { });
  }

  /**
   * @param afterCommit run after every committed change (for example to wake mail delivery)
   */
  public Desk(Store store, PluginHost plugins, Clock clock, Runnable afterCommit) {
    this(Engine.of(store, plugins, clock, afterCommit));
  }

  private Desk(Engine engine) {
    this.engine = engine;
    Store store = engine.store();
    PluginHost plugins = engine.plugins();
    SettingsDefaults settingsDefaults = engine.settingsDefaults();
    PluginCalls calls = engine.calls();
    FieldCatalog fieldCatalog = engine.fieldCatalog();
    this.fieldCatalog = fieldCatalog;
    HelpCenter helpCenter = engine.helpCenter();
    Notifier notifier = engine.notifier();
    this.lifecycle = engine.lifecycle();
    this.access = new Access(lifecycle, helpCenter);
    DeskParts parts = new DeskParts(lifecycle, access, new TicketChanges(lifecycle, notifier), new Views(fieldCatalog, new Participants(calls)),
        fieldCatalog, helpCenter, notifier);
    this.pluginControl = new PluginControl(plugins);
    this.outbox = new OutboxReads(store);
    this.contacts = new Contacts(lifecycle);
    this.departments = new DepartmentSetup(lifecycle, settingsDefaults, new SettingsWrites(settingsDefaults, calls),
        new Layouts(fieldCatalog));
    this.descriptions = new Descriptions(lifecycle::reader, fieldCatalog, settingsDefaults, plugins);
    this.ticketReads = new TicketReads(parts);
    this.creation = new TicketCreation(parts);
    this.details = new TicketDetails(parts);
    this.replies = new Replies(parts);
    this.comments = new Comments(parts);
    this.merges = new Merges(parts);
    this.restrictions = new Restrictions(parts);
    this.ratings = new Ratings(parts);
    this.unsubscribes = new Unsubscribes(parts);
    this.mailIntake = new MailIntake(parts, new Participants(calls), unsubscribes);
  }

  /**
   * What the desk's parts share, whichever lifecycle runs their changes: plugin calls, field and
   * settings descriptions (with their caches), help-center access and notifications.
   */
  private record Engine(Store store, PluginHost plugins, SettingsDefaults settingsDefaults, PluginCalls calls,
      FieldCatalog fieldCatalog, HelpCenter helpCenter, Notifier notifier, Lifecycle lifecycle) {
    static Engine of(Store store, PluginHost plugins, Clock clock, Runnable afterCommit) {
      SettingsDefaults settingsDefaults = new SettingsDefaults(plugins);
      PluginCalls calls = new PluginCalls(plugins, clock, settingsDefaults);
      return new Engine(store, plugins, settingsDefaults, calls, new FieldCatalog(calls), new HelpCenter(calls),
          new Notifier(calls), new Lifecycle(store, calls, clock, afterCommit));
    }

    /** The same parts, their changes joining {@code batch}. */
    Engine joining(Change batch) {
      return new Engine(store, plugins, settingsDefaults, calls, fieldCatalog, helpCenter, notifier,
          lifecycle.joining(batch));
    }
  }

  /** The departments the caller sees, as a generic UI renders them (fields, layout). */
  public DepartmentList departments(Caller caller) {
    return descriptions.departments(caller);
  }

  /** The plugins of a department and their settings, as a generic UI renders them. */
  public DepartmentPluginList departmentPlugins(Caller caller, String departmentId) {
    return descriptions.departmentPlugins(caller, departmentId);
  }

  // ------------------------------------------------------------------ callers

  /** The caller a bearer token stands for; empty for an unknown token. */
  public Optional<Caller> authenticate(String token) {
    return access.authenticate(token);
  }

  // ------------------------------------------------------------------ simulator control

  /**
   * Replaces the whole world, all or nothing: clears it (the outbox seq restarts at 1), then lets
   * {@code build} write the new one through a {@link WorldBuilder}, all in one change. The
   * operations {@code build} runs there go through the plugins' checks and recipients like any
   * request's; nothing is committed unless {@code build} returns, and the plugins' reactions to
   * all of them run after the commit. Changes of other callers wait or retry meanwhile, as for any
   * change.
   *
   * @param build writes the new world; it must not keep the builder beyond its call
   * @return what {@code build} returned
   */
  public <R> R replaceWorld(Function<WorldBuilder, R> build) {
    return lifecycle.batch(change -> {
      change.tx().clear();
      WorldSecret.renew(change.tx());
      return build.apply(new WorldBuilder(new Desk(engine.joining(change)), change.tx()));
    });
  }

  /**
   * Gives a world kept by an earlier release (which had no unsubscribe links) its secret, so its
   * messages get links from now on; nothing for a world that has one. Called once at start.
   */
  public void ensureWorldSecret() {
    lifecycle.run(Actor.system(), change -> {
      WorldSecret.ensure(change.tx());
      return null;
    });
  }

  /** Refuses field inputs the department's tickets do not have (see {@link WorldBuilder}). */
  void requireKnownFields(StoreReader reader, String departmentId, Map<String, JsonNode> inputs) {
    fieldCatalog.requireKnown(reader, departmentId, inputs);
  }

  /** What the host sent, in seq order; both filters optional. */
  public OutboxView outbox(String ticketId, Long afterSeq) {
    return outbox.view(ticketId, afterSeq);
  }

  /** The outbox view with each contact recipient's unsubscribe URL under {@code baseUrl}. */
  public OutboxView outbox(String ticketId, Long afterSeq, String baseUrl) {
    return outbox.view(ticketId, afterSeq, baseUrl);
  }

  /** The outbox messages themselves (for delivery and tests). */
  public List<OutgoingMail> outboxMail() {
    return outbox.mail();
  }

  /** The refusal codes the started plugins declare, for the API reference. */
  public List<dev.deskcc.sim.plugins.DeclaredRefusal> pluginRefusalCodes() {
    return pluginControl.declaredRefusals();
  }

  /** The recent plugin calls, oldest first. */
  public List<PluginCall> pluginTrace() {
    return pluginControl.trace();
  }

  public PluginList plugins(Caller caller) {
    return pluginControl.list(caller);
  }

  /** Plugins as the simulator lists them (no caller: simulator control). */
  public List<PluginStatus> pluginStatuses() {
    return pluginControl.statuses();
  }

  public PluginStatus stopPlugin(String pluginId) {
    return pluginControl.stop(pluginId);
  }

  public PluginStatus startPlugin(String pluginId) {
    return pluginControl.start(pluginId);
  }

  // ------------------------------------------------------------------ contacts, settings, layout

  public ContactList contacts(Caller caller, String email) {
    return contacts.search(caller, email);
  }

  public ObjectNode settings(Caller caller, String departmentId, String pluginId) {
    return departments.settings(caller, departmentId, pluginId);
  }

  /**
   * Writes a plugin's settings for a department: admins only, JSON types as declared, the
   * edition, the acknowledgement, then the plugin's own rules. Members left out keep their values.
   */
  public ObjectNode putSettings(Caller caller, String departmentId, String pluginId, JsonNode body) {
    return departments.putSettings(caller, departmentId, pluginId, body);
  }

  public LayoutView layout(Caller caller, String departmentId) {
    return departments.layout(caller, departmentId);
  }

  public LayoutView putLayout(Caller caller, String departmentId, LayoutRequest request) {
    return departments.putLayout(caller, departmentId, request);
  }

  // ------------------------------------------------------------------ tickets: reads

  public TicketList tickets(Caller caller) {
    return ticketReads.tickets(caller);
  }

  public TicketView ticket(Caller caller, String ticketId) {
    return ticketReads.ticket(caller, ticketId);
  }

  public HistoryView history(Caller caller, String ticketId) {
    return ticketReads.history(caller, ticketId);
  }

  public RatingList ratings(Caller caller, String ticketId) {
    return ratings.ratings(caller, ticketId);
  }

  // ------------------------------------------------------------------ tickets: changes

  public TicketView createTicket(Caller caller, CreateTicketRequest request) {
    return creation.create(caller, request);
  }

  /** Ticket details: plugin-field values and/or closing, with an optional expected version. */
  public TicketView patchTicket(Caller caller, String ticketId, PatchTicketRequest request, Long expectedVersion) {
    return details.patch(caller, ticketId, request, expectedVersion);
  }

  public EntryView reply(Caller caller, String ticketId, ReplyRequest request) {
    return replies.reply(caller, ticketId, request);
  }

  public EntryView addComment(Caller caller, String ticketId, CommentRequest request) {
    return comments.add(caller, ticketId, request);
  }

  public EntryView editComment(Caller caller, String ticketId, String entryId, CommentEditRequest request) {
    return comments.edit(caller, ticketId, entryId, request);
  }

  public void deleteComment(Caller caller, String ticketId, String entryId) {
    comments.delete(caller, ticketId, entryId);
  }

  /** Merges sources into the target; with {@code dryRun} answers the same and changes nothing. */
  public TicketView merge(Caller caller, String targetId, MergeRequest request, boolean dryRun) {
    return merges.merge(caller, targetId, request, dryRun);
  }

  public RestrictionView addRestriction(Caller caller, String ticketId, RestrictionRequest request) {
    return restrictions.add(caller, ticketId, request);
  }

  public void liftRestriction(Caller caller, String ticketId, String contactId) {
    restrictions.lift(caller, ticketId, contactId);
  }

  public RatingView rate(Caller caller, String ticketId, RatingRequest request) {
    return ratings.rate(caller, ticketId, request);
  }

  // ------------------------------------------------------------------ inbound mail

  /** Takes in a parsed message: routes, threads or creates, stores attachments. Admins only. */
  public InboundResult inboundMail(Caller caller, ParsedMail mail) {
    return mailIntake.take(caller, mail);
  }

  // ------------------------------------------------------------------ recipients in control (§6)

  /** What an unsubscribe link is for; changes nothing. 404 unless the token is valid in this world. */
  public UnsubscribePage unsubscribePage(String token) {
    return unsubscribes.page(token);
  }

  /** One-click unsubscribe: mutes the link's person on its ticket; repeating it is harmless. */
  public UnsubscribePage unsubscribe(String token) {
    return unsubscribes.unsubscribe(token);
  }

  /** Each contact recipient's unsubscribe URL of an outbox message, under {@code baseUrl}. */
  public Map<String, String> unsubscribeLinks(OutgoingMail mail, String baseUrl) {
    return UnsubscribeLinks.of(lifecycle.reader(), mail, baseUrl);
  }

  /** The headers {@code to}'s own copy of the message adds (List-Unsubscribe for a contact). */
  public Map<String, String> recipientHeaders(OutgoingMail mail, EmailAddress to, String baseUrl) {
    return RecipientCopy.headers(lifecycle.reader(), mail, to, baseUrl);
  }

  /** A contact's own mail setting on a ticket they can see. */
  public NotificationsView notifications(Caller caller, String ticketId) {
    return unsubscribes.notifications(caller, ticketId);
  }

  public NotificationsView setNotifications(Caller caller, String ticketId, Boolean muted) {
    return unsubscribes.setNotifications(caller, ticketId, muted);
  }

  /**
   * Marks a recipient of the desk's message {@code messageId} bouncing (a delivery report said so)
   * and records {@code RECIPIENT_BOUNCED} on its ticket; {@code false} (nothing changed) when no
   * sent message has that id or the address was not its recipient.
   */
  public boolean markBouncing(String messageId, EmailAddress address) {
    return unsubscribes.markBouncing(messageId, address);
  }

  /** An agent clears a contact's bounce. */
  public void clearBounce(Caller caller, String contactId) {
    unsubscribes.clearBounce(caller, contactId);
  }
}
