package dev.deskcc.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;
import java.util.Objects;

/**
 * A plugin the host found in its plugins folder and where it stands.
 *
 * @param version {@code null} for a jar that could not be read as a plugin
 * @param state a PF4J state name: {@code STARTED}, {@code STOPPED}, {@code DISABLED}, {@code
 *     FAILED}, …
 * @param reason why it is not started, {@code null} when there is nothing to say
 */
public record PluginStatus(
    String id, @Nullable String version, String state, @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
  public PluginStatus {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
  }

  public PluginStatus(String id, String version, String state) {
    this(id, version, state, null);
  }
}
