package dev.deskcc.sim.desk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Merge {@code sourceIds} into the target; {@code choices} are the request's other members, passed
 * to plugins as given (for example a field's merge choice).
 */
public record MergeRequest(List<String> sourceIds, Map<String, JsonNode> choices) {
  public MergeRequest {
    sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
    choices = choices == null ? Map.of() : Map.copyOf(choices);
  }
}
