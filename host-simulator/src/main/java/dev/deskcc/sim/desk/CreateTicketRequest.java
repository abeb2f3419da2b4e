package dev.deskcc.sim.desk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A new ticket. {@code requester} is for agents only (a help-center submit has none); {@code
 * fields} holds plugin-field values by name and may be {@code null}.
 */
public record CreateTicketRequest(
    String departmentId, String subject, String description, RequesterInput requester, Map<String, JsonNode> fields) {}
