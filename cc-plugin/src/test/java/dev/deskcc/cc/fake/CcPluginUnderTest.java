package dev.deskcc.cc.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.deskcc.api.access.AccessGrant;
import dev.deskcc.api.error.Refusal;
import dev.deskcc.api.error.Verdict;
import dev.deskcc.api.lifecycle.AgentReplied;
import dev.deskcc.api.lifecycle.ContactReplied;
import dev.deskcc.api.lifecycle.FieldsUpdated;
import dev.deskcc.api.lifecycle.InboundMail;
import dev.deskcc.api.lifecycle.MailReceived;
import dev.deskcc.api.lifecycle.RecipientInput;
import dev.deskcc.api.lifecycle.TicketCreated;
import dev.deskcc.api.lifecycle.TicketEvent;
import dev.deskcc.api.lifecycle.TicketsMerged;
import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.EntryKind;
import dev.deskcc.api.model.ThreadEntry;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.notify.Notification;
import dev.deskcc.api.notify.OutboundEvent;
import dev.deskcc.api.notify.RecipientDecision;
import dev.deskcc.cc.access.CcHelpCenterAccess;
import dev.deskcc.cc.field.CcField;
import dev.deskcc.cc.lifecycle.CcChangeCheck;
import dev.deskcc.cc.notify.CcRecipients;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The plugin's extensions driven against a {@link FakeDesk}, as the host would call them. */
public final class CcPluginUnderTest {

  public static final Actor ALICE = Actor.agent("alice");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final FakeDesk desk;
  private final CcChangeCheck check = new CcChangeCheck();
  private final CcField field = new CcField();
  private final CcRecipients recipients = new CcRecipients();
  private final CcHelpCenterAccess access = new CcHelpCenterAccess();
  private int entries;

  public CcPluginUnderTest(FakeDesk desk) {
    this.desk = desk;
  }

  public FakeDesk desk() {
    return desk;
  }

  /** A JSON array of items; each item is JSON text if it starts with '{', else an address string. */
  public static ArrayNode items(String... items) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (String item : items) {
      array.add(item.startsWith("{") ? json(item) : JsonNodeFactory.instance.textNode(item));
    }
    return array;
  }

  public static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static RecipientInput given(String... items) {
    List<JsonNode> list = new ArrayList<>();
    items(items).forEach(list::add);
    return new RecipientInput(true, list);
  }

  /** Runs the check in a transaction that the host rolls back on refusal. */
  public Verdict check(TicketEvent event) {
    return desk.transaction(ctx -> check.check(event, ctx), v -> v instanceof Verdict.Accepted);
  }

  public Verdict created(String ticketId, Actor actor, JsonNode cc) {
    Map<String, JsonNode> fields = cc == null ? Map.of() : Map.of(CcField.NAME, cc);
    return check(new TicketCreated(desk.changing(ticketId), actor, fields));
  }

  public Verdict fieldsUpdated(String ticketId, JsonNode cc) {
    return check(new FieldsUpdated(desk.changing(ticketId), ALICE, Map.of(CcField.NAME, cc)));
  }

  public AgentReplied agentReplyEvent(String ticketId, RecipientInput to, RecipientInput cc) {
    Ticket ticket = desk.withEntry(ticketId, entry(EntryKind.REPLY, true, ALICE));
    return new AgentReplied(ticket, ALICE, ticket.thread().get(ticket.thread().size() - 1), to, cc);
  }

  public Verdict agentReply(String ticketId, RecipientInput to, RecipientInput cc) {
    return check(agentReplyEvent(ticketId, to, cc));
  }

  public Verdict contactReply(String ticketId, String contactId, RecipientInput cc) {
    Actor actor = Actor.contact(contactId);
    Ticket ticket = desk.withEntry(ticketId, entry(EntryKind.REPLY, true, actor));
    return check(new ContactReplied(ticket, actor, last(ticket), cc));
  }

  /** Mail from {@code senderId} with the given header lists, threaded into an existing ticket. */
  public Verdict mail(String ticketId, String senderId, List<String> to, List<String> cc, boolean automated, boolean addressedToDesk) {
    return check(mailEvent(ticketId, senderId, to, cc, automated, addressedToDesk, false));
  }

  /** Mail from {@code senderId} that created the ticket {@code ticketId}: the sender is its requester. */
  public Verdict newTicketMail(String ticketId, String senderId, List<String> to, List<String> cc) {
    desk.ticket(ticketId, desk.ticket(ticketId).departmentId(), senderId);
    return check(mailEvent(ticketId, senderId, to, cc, false, true, true));
  }

  private MailReceived mailEvent(String ticketId, String senderId, List<String> to, List<String> cc, boolean automated,
      boolean addressedToDesk, boolean newTicket) {
    Actor actor = Actor.contact(senderId);
    Ticket ticket = desk.withEntry(ticketId, entry(EntryKind.INBOUND, true, actor));
    // As the host does: addresses that do not parse travel as written, at their place in To-then-Cc.
    List<InboundMail.InvalidRecipient> invalid = new ArrayList<>();
    List<String> all = new ArrayList<>(to);
    all.addAll(cc);
    for (int i = 0; i < all.size(); i++) {
      if (EmailAddress.tryParse(all.get(i)).isEmpty()) {
        invalid.add(new InboundMail.InvalidRecipient(all.get(i), i));
      }
    }
    InboundMail mail = new InboundMail(desk.contact(senderId).email(), validOnly(to), validOnly(cc), "Re: Onboarding",
        "<m1@example.com>", automated, addressedToDesk, invalid);
    return new MailReceived(ticket, actor, last(ticket), mail, newTicket);
  }

  public Verdict mail(String ticketId, String senderId, List<String> to, List<String> cc) {
    return mail(ticketId, senderId, to, cc, false, true);
  }

  public Verdict merge(String targetId, List<String> sourceIds, JsonNode ccFrom) {
    List<Ticket> sources = sourceIds.stream().map(desk::ticket).toList();
    Map<String, JsonNode> choices = ccFrom == null ? Map.of() : Map.of("ccFrom", ccFrom);
    return check(new TicketsMerged(desk.changing(targetId), ALICE, sources, choices));
  }

  public List<RecipientDecision> recipients(OutboundEvent event, TicketEvent cause, boolean ratingInvite, List<String> to, List<String> cc) {
    return recipients.recipients(new Notification(event, cause, ratingInvite, addresses(to), addresses(cc)), desk.context());
  }

  public JsonNode ccValue(String ticketId) {
    return field.value(desk.ticket(ticketId), CcField.NAME, desk.readOnlyContext());
  }

  public List<String> ccEmails(String ticketId) {
    List<String> emails = new ArrayList<>();
    ccValue(ticketId).forEach(e -> emails.add(e.path("email").asText()));
    return emails;
  }

  public Optional<AccessGrant> access(String ticketId, String contactId) {
    return access.access(desk.ticket(ticketId), desk.contact(contactId), desk.readOnlyContext());
  }

  public ThreadEntry entry(EntryKind kind, boolean isPublic, Actor author) {
    return new ThreadEntry("e" + ++entries, kind, isPublic, author, null, "text", List.of(), List.of(), List.of(),
        FakeDesk.NOW, null, false);
  }

  public static Refusal refusal(Verdict verdict) {
    if (verdict instanceof Verdict.Refused refused) {
      return refused.refusal();
    }
    throw new AssertionError("expected a refusal, got " + verdict);
  }

  private static ThreadEntry last(Ticket ticket) {
    return ticket.thread().get(ticket.thread().size() - 1);
  }

  private static List<EmailAddress> addresses(List<String> list) {
    return list.stream().map(EmailAddress::parse).toList();
  }

  private static List<EmailAddress> validOnly(List<String> list) {
    return list.stream().flatMap(a -> EmailAddress.tryParse(a).stream()).toList();
  }

  public static List<String> list(String... items) {
    return Arrays.asList(items);
  }
}
