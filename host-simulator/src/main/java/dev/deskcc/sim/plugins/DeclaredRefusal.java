package dev.deskcc.sim.plugins;

import dev.deskcc.api.error.RefusalCode;
import java.util.Objects;

/** A refusal code a started plugin declares, with the plugin that declares it. */
public record DeclaredRefusal(String pluginId, RefusalCode code) {
  public DeclaredRefusal {
    Objects.requireNonNull(pluginId, "pluginId");
    Objects.requireNonNull(code, "code");
  }
}
