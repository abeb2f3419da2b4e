package dev.deskcc.sim.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.model.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a ticket's audit log.
 *
 * @param detail a JSON object, or {@code null}
 */
public record HistoryEvent(Instant at, Actor actor, String type, JsonNode detail) {
  public HistoryEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(type, "type");
  }
}
