package dev.deskcc.cc.field;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.deskcc.api.model.Actor;
import dev.deskcc.cc.settings.CcMailSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.field.FieldContributor;
import dev.deskcc.api.field.FieldDefinition;
import dev.deskcc.api.field.MergeChoice;
import dev.deskcc.api.field.ValueType;
import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.notify.Suppression;
import dev.deskcc.api.notify.SuppressionReason;
import dev.deskcc.api.notify.Suppressions;
import dev.deskcc.cc.merge.CcMerge;
import dev.deskcc.cc.settings.CcSettings;
import dev.deskcc.cc.store.CcDataCodec;
import dev.deskcc.cc.store.CcEntry;
import dev.deskcc.cc.store.CcStore;
import dev.deskcc.cc.store.TicketCcData;
import java.util.List;
import org.pf4j.Extension;

/**
 * The ticket field {@code cc}: present, and locked in the layout, exactly while the department has
 * the feature on. Its value is the CC list with provenance, in the order the CCs were added.
 */
@Extension
public final class CcField implements FieldContributor {

  /** The field's name in ticket JSON, layouts and requests. */
  public static final String NAME = "cc";

  static final FieldDefinition DEFINITION =
      new FieldDefinition(
          NAME,
          "Secondary Contacts (CC)",
          "People kept in the loop: they are notified of key ticket activities and can track the "
              + "ticket in the help center. At most 20 per ticket.",
          ValueType.ADDRESS_LIST,
          "The CC field cannot be removed from the layout while Secondary Contacts (CC) is enabled "
              + "for the department; disable the feature to remove it.",
          true,
          new MergeChoice(CcMerge.CHOICE, "Keep the CCs of", true));

  @Override
  public List<FieldDefinition> fields(String departmentId, PluginContext context) {
    return CcSettings.of(departmentId, context).enabled() ? List.of(DEFINITION) : List.of();
  }

  /**
   * The CC list with provenance, each entry with {@code "held"}: in a change's answer, the list the
   * change's check left in the change store; on a plain read, decoded from the stored data.
   *
   * <p>Each entry also says {@code "muted"} (muted on this ticket) and {@code "bouncing"} (the
   * address bounces, on any ticket), from the host's suppressions (contract §6); both can hold.
   */
  @Override
  public JsonNode value(Ticket ticket, String fieldName, PluginContext context) {
    TicketCcData data = CcStore.read(ticket.id(), context);
    ArrayNode value = CcDataCodec.entries(data.entries());
    Suppressions suppressions = context.suppressions();
    for (int i = 0; i < value.size(); i++) {
      CcEntry entry = data.entries().get(i);
      boolean muted = false;
      boolean bouncing = false;
      // rendered with every answer that shows the ticket: a plain loop, as most lists have no suppression
      List<Suppression> why = entry.address() == null ? List.of() : suppressions.all(ticket.id(), entry.address());
      for (Suppression s : why) {
        muted |= s.reason() == SuppressionReason.MUTED;
        bouncing |= s.reason() == SuppressionReason.BOUNCED;
      }
      ((ObjectNode) value.get(i))
          .put("held", data.isHeld(entry.contactId()))
          .put("muted", muted)
          .put("bouncing", bouncing);
    }
    return value;
  }

  /**
   * As a viewer sees it: a contact learns nothing of other people's mail (their {@code muted} and
   * {@code bouncing} read {@code false}), and where CCs are private (contract §6) sees no entry
   * but their own; agents and the host see the whole list.
   */
  @Override
  public JsonNode value(Ticket ticket, String fieldName, Actor viewer, PluginContext context) {
    JsonNode full = value(ticket, fieldName, context);
    if (!viewer.isContact()) {
      return full;
    }
    boolean isPrivate = CcMailSettings.of(ticket.departmentId(), context).isPrivate();
    ArrayNode shown = JsonNodeFactory.instance.arrayNode();
    for (JsonNode entry : full) {
      boolean own = viewer.id().equals(entry.path("contactId").asText(null));
      if (own) {
        shown.add(entry);
      } else if (!isPrivate) {
        shown.add(((ObjectNode) entry).put("muted", false).put("bouncing", false));
      }
    }
    return shown;
  }
}
