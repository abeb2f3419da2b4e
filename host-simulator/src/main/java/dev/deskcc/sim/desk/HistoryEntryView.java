package dev.deskcc.sim.desk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One audit-log event. */
public record HistoryEntryView(Instant at, AuthorView actor, String type, JsonNode detail) {}
