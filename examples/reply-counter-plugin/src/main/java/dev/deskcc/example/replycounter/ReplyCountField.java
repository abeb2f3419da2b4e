package dev.deskcc.example.replycounter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import dev.deskcc.api.field.FieldContributor;
import dev.deskcc.api.field.FieldDefinition;
import dev.deskcc.api.field.ValueType;
import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.model.Ticket;
import java.util.List;
import org.pf4j.Extension;

/** Shows the count as the ticket field {@code replyCount} in every department. */
@Extension
public final class ReplyCountField implements FieldContributor {

  private static final FieldDefinition DEFINITION = new FieldDefinition(
      ReplyCount.FIELD,
      "Agent replies",
      "How many times agents have replied on this ticket. Counted by the desk; it cannot be set.",
      ValueType.NUMBER,
      null, // removable from a layout
      true, // help-center users see it too
      null); // nothing to choose when tickets merge: the target keeps its count

  @Override
  public List<FieldDefinition> fields(String departmentId, PluginContext context) {
    return List.of(DEFINITION);
  }

  @Override
  public JsonNode value(Ticket ticket, String fieldName, PluginContext context) {
    return LongNode.valueOf(ReplyCount.of(ticket.id(), context));
  }
}
