package dev.deskcc.sim.plugins;

import dev.deskcc.api.host.ChangeStore;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link ChangeStore}s of one run of a change, one per plugin id. Made afresh for every run,
 * so a run that lost a race leaves nothing for the next.
 */
public final class ChangeStores {
  private final Map<String, HostChangeStore> byPlugin = new HashMap<>();

  /** The plugin's store in this change, made on first use. */
  public synchronized ChangeStore of(String pluginId) {
    return byPlugin.computeIfAbsent(pluginId, id -> new HostChangeStore());
  }

  /** A store for one callback outside any change: empty, and gone with the callback. */
  static ChangeStore outsideAChange() {
    return new HostChangeStore();
  }
}
