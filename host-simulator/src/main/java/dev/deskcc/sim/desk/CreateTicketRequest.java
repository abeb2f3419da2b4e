package dev.deskcc.sim.desk;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.Nonnull;
import java.util.Map;

/**
 * A new ticket. {@code requester} is for agents only (a help-center submit has none); {@code
 * fields} holds plugin-field values by name and may be {@code null}.
 */
public record CreateTicketRequest(
    @Nonnull String departmentId, @Nonnull String subject, String description, RequesterInput requester, Map<String, JsonNode> fields) {}
