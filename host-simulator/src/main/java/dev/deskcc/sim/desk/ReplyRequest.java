package dev.deskcc.sim.desk;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.Nonnull;
import java.util.List;

/**
 * A reply. {@code to} and {@code cc} are {@code null} when the request left them out (agent: the
 * requester, and the default copy list); contacts may give only {@code cc}.
 */
public record ReplyRequest(@Nonnull String content, List<JsonNode> to, List<JsonNode> cc) {}
