package dev.deskcc.sim.desk;

import jakarta.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.model.Channel;
import dev.deskcc.api.model.TicketStatus;
import dev.deskcc.sim.recipient.Suppressions;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A ticket as the contract shows it. {@code fields} holds the values of plugin fields the
 * department has; {@code role} is set only in a contact's ticket list; {@code suppressed} (contract
 * §6) only for agents.
 */
public record TicketView(
    String id,
    long number,
    String departmentId,
    String subject,
    String description,
    TicketStatus status,
    Channel channel,
    PersonView requester,
    Map<String, JsonNode> fields,
    List<EntryView> thread,
    long version,
    @Nullable String mergedInto,
    Instant createdAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) String role,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Suppressions.Suppressed> suppressed) {}
