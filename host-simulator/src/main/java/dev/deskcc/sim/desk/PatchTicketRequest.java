package dev.deskcc.sim.desk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.model.TicketStatus;
import java.util.Map;

/** Ticket details: plugin-field values to replace, and/or a new status; both may be {@code null}. */
public record PatchTicketRequest(Map<String, JsonNode> fields, TicketStatus status) {}
