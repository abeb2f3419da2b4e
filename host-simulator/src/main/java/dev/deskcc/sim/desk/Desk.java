package dev.deskcc.sim.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.sim.PluginStatus;
import dev.deskcc.sim.fixture.Fixture;
import dev.deskcc.sim.fixture.FixtureLoader;
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
    SettingsDefaults settingsDefaults = new SettingsDefaults(plugins);
    PluginCalls calls = new PluginCalls(plugins, clock, settingsDefaults);
    FieldCatalog fieldCatalog = new FieldCatalog(calls);
    this.fieldCatalog = fieldCatalog;
    HelpCenter helpCenter = new HelpCenter(calls);
    Notifier notifier = new Notifier(calls);
    this.lifecycle = new Lifecycle(store, calls, clock, afterCommit);
    this.access = new Access(lifecycle, helpCenter);
    DeskParts parts = new DeskParts(lifecycle, access, new TicketChanges(lifecycle, notifier), new Views(fieldCatalog),
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

  /** What a generic UI needs to render departments, fields and plugin settings. */
  public Descriptions descriptions() {
    return descriptions;
  }

  // ------------------------------------------------------------------ callers

  /** The caller a bearer token stands for; empty for an unknown token. */
  public Optional<Caller> authenticate(String token) {
    return access.authenticate(token);
  }

  // ------------------------------------------------------------------ simulator control

  /** Replaces the whole world with the fixture, all or nothing; outbox seq restarts at 1. */
  public FixtureResult loadFixture(Fixture fixture) {
    return lifecycle.batch(change -> new FixtureLoader(this, change.tx()).load(fixture));
  }

  /**
   * Refuses field inputs that the department's tickets do not have, as a ticket request would:
   * 422 {@code UNKNOWN_FIELD}, one error per unknown name (for the fixture loader, which skips the
   * fields of plugins that are not loaded).
   */
  public void requireKnownFields(StoreReader reader, String departmentId, Map<String, JsonNode> inputs) {
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
