package dev.deskcc.example.replycounter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.error.Refusal;
import dev.deskcc.api.error.Verdict;
import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.lifecycle.AgentReplied;
import dev.deskcc.api.lifecycle.FieldsUpdated;
import dev.deskcc.api.lifecycle.TicketChangeCheck;
import dev.deskcc.api.lifecycle.TicketCreated;
import dev.deskcc.api.lifecycle.TicketEvent;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Counts each agent reply in the same transaction as the reply (so a reply another plugin refuses
 * is not counted), and refuses requests that try to set the count.
 */
@Extension
public final class ReplyCountCheck implements TicketChangeCheck {

  static final String READ_ONLY = "FIELD_READ_ONLY";

  @Override
  public Verdict check(TicketEvent event, PluginContext context) {
    if (event instanceof AgentReplied replied) {
      ReplyCount.increment(replied.ticket().id(), context);
      return Verdict.accept();
    }
    if (event instanceof TicketCreated created) {
      return refuseSetting(created.fields());
    }
    if (event instanceof FieldsUpdated updated) {
      return refuseSetting(updated.fields());
    }
    return Verdict.accept();
  }

  private static Verdict refuseSetting(Map<String, JsonNode> fields) {
    if (fields.containsKey(ReplyCount.FIELD)) {
      return Verdict.refuse(Refusal.invalid(READ_ONLY,
          ReplyCount.FIELD + " is counted by the desk and cannot be set"));
    }
    return Verdict.accept();
  }
}
