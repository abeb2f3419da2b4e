package dev.deskcc.api.field;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.Ticket;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Contributes ticket fields per department, and their current values.
 *
 * <p>Called by the host on request threads, often (every ticket rendered, every layout read), so
 * both methods must be cheap and side-effect free. The context is read-only. Values are set
 * through the lifecycle: the request's field inputs arrive in {@code TicketCreated} and {@code
 * FieldsUpdated}, which the plugin checks and stores in its plugin data.
 *
 * @since 1.0
 */
public interface FieldContributor extends ExtensionPoint {

  /**
   * The fields the department's tickets have now; empty where the plugin is off for it. A field
   * that disappears keeps its data: it is only no longer shown nor accepted.
   *
   * @since 1.0
   */
  List<FieldDefinition> fields(String departmentId, PluginContext context);

  /**
   * The field's current value on the ticket, in the JSON shape its {@link ValueType} says. Called
   * only for fields that {@link #fields} returns for the ticket's department.
   *
   * @return never {@code null}; an empty value ({@code []}, {@code ""}) when unset
   * @since 1.0
   */
  JsonNode value(Ticket ticket, String fieldName, PluginContext context);

  /**
   * The field's current value on the ticket as {@code viewer} is shown it: a plugin may leave out
   * what that viewer must not see (other people's private addresses, say). Same contract as
   * {@link #value(Ticket, String, PluginContext)}, which the default answers.
   *
   * @param viewer the agent or contact the ticket is rendered for; {@link Actor#system()} when the
   *     host renders it for no one in particular (then the full value)
   * @since 1.3
   */
  default JsonNode value(Ticket ticket, String fieldName, Actor viewer, PluginContext context) {
    return value(ticket, fieldName, context);
  }
}
