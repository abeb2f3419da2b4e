package dev.deskcc.cc.lifecycle;

import dev.deskcc.cc.added.AddedNotice;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.error.Refusal;
import dev.deskcc.cc.refusal.CcRefusal;
import dev.deskcc.api.error.Verdict;
import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.lifecycle.AgentReplied;
import dev.deskcc.api.lifecycle.ContactReplied;
import dev.deskcc.api.lifecycle.FieldsUpdated;
import dev.deskcc.api.lifecycle.MailReceived;
import dev.deskcc.api.lifecycle.TicketChangeCheck;
import dev.deskcc.api.lifecycle.TicketCreated;
import dev.deskcc.api.lifecycle.TicketEvent;
import dev.deskcc.api.lifecycle.TicketsMerged;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.cc.address.AddressRules;
import dev.deskcc.cc.address.CcListRules;
import dev.deskcc.cc.address.CcPlan;
import dev.deskcc.cc.address.RequestItem;
import dev.deskcc.cc.field.CcField;
import dev.deskcc.cc.merge.CcMerge;
import dev.deskcc.cc.settings.CcSettings;
import dev.deskcc.cc.store.AddedBy;
import dev.deskcc.cc.store.CcEntry;
import dev.deskcc.cc.store.CcSource;
import dev.deskcc.cc.store.CcStore;
import dev.deskcc.cc.store.TicketCcData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Checks every ticket change against the CC rules and records the resulting CC list in the
 * ticket's plugin data. Where the department has the feature off it accepts everything and
 * touches nothing (the data is kept for when it is on again).
 */
@Extension
public final class CcChangeCheck implements TicketChangeCheck {

  /** History event type: held CCs get notifications from now on. */
  public static final String CC_RELEASED = "CC_RELEASED";

  @Override
  public Verdict check(TicketEvent event, PluginContext context) {
    Ticket ticket = event.ticket();
    if (event instanceof AgentReplied replied
        && replied.to().items().isEmpty() && replied.cc().items().isEmpty()) {
      // The common reply (editor defaults) can only release held CCs, and needs no rule. Without
      // held CCs (most tickets) it changes nothing. The on/off switch comes first (the host resolves
      // it once per change; the recipients ask it too); the list read here is then the one the
      // recipients use, decoded once per change. An explicitly empty Cc goes to no CC: releases nobody.
      if (!replied.cc().given() && CcSettings.enabled(ticket.departmentId(), context)) {
        TicketCcData data = CcStore.read(ticket.id(), context);
        if (!data.held().isEmpty()) {
          releaseHeld(ticket, data, replied, context);
        }
      }
      return Verdict.accept();
    }
    ObjectNode stored = context.settings(ticket.departmentId());
    if (!stored.path(CcSettings.ENABLED).asBoolean(false)) {
      return Verdict.accept();
    }
    CcSettings settings = CcSettings.from(stored);
    if (event instanceof TicketCreated created) {
      return created(created, settings, context);
    }
    if (event instanceof FieldsUpdated updated) {
      return fieldsUpdated(updated, settings, context);
    }
    if (event instanceof AgentReplied replied) {
      return agentReplied(replied, settings, context);
    }
    if (event instanceof ContactReplied replied) {
      return contactReplied(replied, settings, context);
    }
    if (event instanceof MailReceived mail) {
      return MailRecipients.addFrom(mail, settings, context);
    }
    if (event instanceof TicketsMerged merged) {
      return CcMerge.check(merged, settings, context);
    }
    // Comments, closing and ratings do not change who is a CC.
    return Verdict.accept();
  }

  private static Verdict created(TicketCreated event, CcSettings settings, PluginContext context) {
    JsonNode cc = event.fields().get(CcField.NAME);
    if (cc == null || cc.isNull()) {
      return Verdict.accept();
    }
    if (!cc.isArray()) {
      return Verdict.refuse(notAList());
    }
    boolean byContact = event.actor().isContact();
    if (byContact && !cc.isEmpty() && !settings.endUsersCanAdd()) {
      return Verdict.refuse(endUsersCannotAdd());
    }
    return apply(
        event.ticket(),
        stored(event.ticket(), context),
        RequestItem.strict(items(cc)),
        false,
        byContact ? CcSource.HELP_CENTER : CcSource.AGENT,
        event,
        settings,
        context);
  }

  private static Verdict fieldsUpdated(FieldsUpdated event, CcSettings settings, PluginContext context) {
    JsonNode cc = event.fields().get(CcField.NAME);
    if (cc == null) {
      return Verdict.accept();
    }
    if (!cc.isArray() && !cc.isNull()) {
      return Verdict.refuse(notAList());
    }
    CcSource source = event.actor().isContact() ? CcSource.HELP_CENTER : CcSource.AGENT;
    return apply(event.ticket(), stored(event.ticket(), context), RequestItem.strict(items(cc)), false, source,
        event, settings, context);
  }

  private static Verdict agentReplied(AgentReplied event, CcSettings settings, PluginContext context) {
    // one decode for the whole reply: the release and the additions work on the same data
    TicketCcData data = releaseHeld(event.ticket(), CcStore.read(event.ticket().id(), context), event, context);
    // The reply's To (other than the requester) and Cc join the ticket; left-out CCs stay.
    List<RequestItem> items = new ArrayList<>(RequestItem.requesterIgnored(event.to().items()));
    items.addAll(RequestItem.strict(event.cc().items()));
    if (items.isEmpty()) {
      return Verdict.accept();
    }
    return apply(event.ticket(), data, items, true, CcSource.REPLY, event, settings, context);
  }

  private static Verdict contactReplied(ContactReplied event, CcSettings settings, PluginContext context) {
    if (event.cc().items().isEmpty()) {
      return Verdict.accept();
    }
    if (!settings.endUsersCanAdd()) {
      return Verdict.refuse(endUsersCannotAdd());
    }
    return apply(event.ticket(), stored(event.ticket(), context), RequestItem.strict(event.cc().items()), true,
        CcSource.HELP_CENTER, event, settings, context);
  }

  private static TicketCcData stored(Ticket ticket, PluginContext context) {
    return CcStore.read(ticket.id(), context);
  }

  /**
   * The all-or-nothing path shared by agents and the help center, on the ticket's CC data as read
   * in this call ({@code before} is what the store holds now).
   */
  private static Verdict apply(
      Ticket ticket,
      TicketCcData before,
      List<RequestItem> items,
      boolean onlyAdds,
      CcSource source,
      TicketEvent event,
      CcSettings settings,
      PluginContext context) {
    AddressRules rules =
        AddressRules.forTicket(context.contacts(), context.directory(), settings, ticket.requesterId());
    if (event.actor().isContact()) {
      rules = rules.forContactRequest().withRemovedByAgent(before.removedByAgent());
    }
    CcPlan plan =
        onlyAdds
            ? CcListRules.add(before.entries(), items, rules)
            : CcListRules.replace(before.entries(), items, rules);
    if (plan instanceof CcPlan.Refused refused) {
      return Verdict.refuse(refused.refusal());
    }
    CcPlan.Accepted accepted = (CcPlan.Accepted) plan;
    List<CcEntry> added = CcEntries.materialise(accepted.additions(), source, AddedBy.of(event.actor()), context);
    List<CcEntry> list = new ArrayList<>(accepted.kept());
    list.addAll(added);
    TicketCcData after = before.withEntries(list, ticket.version());
    if (!event.actor().isContact()) {
      // an agent's removal sticks: only an agent may put that contact back
      after = after.afterAgentEdit(before);
    }
    CcStore.write(ticket.id(), before, after, context);
    AddedNotice.tell(event, ticket, before, after, context);
    return Verdict.accept();
  }

  /**
   * An agent replying has looked at the ticket and answers in their own words: held CCs that the
   * reply goes to (all of them with the editor's default Cc, else those its To or Cc names) get
   * this reply and everything after it, help-center access included. Held CCs the reply leaves
   * out stay held.
   *
   * @return the data as stored afterwards
   */
  private static TicketCcData releaseHeld(
      Ticket ticket, TicketCcData before, AgentReplied reply, PluginContext context) {
    if (before.held().isEmpty()) {
      return before;
    }
    Set<String> released = reply.cc().given() ? named(before, reply) : before.held();
    if (released.isEmpty()) {
      return before;
    }
    ArrayNode emails = JsonNodeFactory.instance.arrayNode();
    before.entries().stream().filter(e -> released.contains(e.contactId())).forEach(e -> emails.add(e.email()));
    ObjectNode detail = JsonNodeFactory.instance.objectNode();
    detail.set("emails", emails);
    detail.put("reason", "AGENT_REPLY");
    context.history().record(ticket.id(), CC_RELEASED, detail);
    TicketCcData after = before.releasing(released);
    CcStore.write(ticket.id(), before, after, context);
    AddedNotice.tell(reply, ticket, before, after, context);
    return after;
  }

  /** The held CCs that the reply's To or Cc names, by address or by contact id. */
  private static Set<String> named(TicketCcData data, AgentReplied reply) {
    Set<String> named = new HashSet<>();
    List<JsonNode> items = new ArrayList<>(reply.to().items());
    items.addAll(reply.cc().items());
    for (JsonNode item : items) {
      if (item.isTextual()) {
        EmailAddress.tryParse(item.asText())
            .flatMap(a -> data.find(a.key(), null))
            .ifPresent(e -> named.add(e.contactId()));
      } else if (item.path("contactId").isTextual()) {
        named.add(item.path("contactId").asText());
      }
    }
    named.retainAll(data.held());
    return named;
  }

  private static List<JsonNode> items(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }

  private static Refusal endUsersCannotAdd() {
    return CcRefusal.END_USER_CC_DISABLED.refusal("End users cannot add CCs to tickets of this department");
  }

  private static Refusal notAList() {
    return CcRefusal.INVALID_FIELD_VALUE.refusal("cc must be a list of addresses or {\"contactId\"} objects");
  }
}
