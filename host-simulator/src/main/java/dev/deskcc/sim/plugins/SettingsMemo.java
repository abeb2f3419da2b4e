package dev.deskcc.sim.plugins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.sim.store.StoreReader;
import java.util.HashMap;
import java.util.Map;

/**
 * Settings resolved at most once per department and plugin for one change, over another source.
 *
 * <p>A change calls every plugin several times (check, recipients, reaction), and each call used
 * to resolve the settings again (descriptor, defaults and stored values deep-copied). Writes are
 * serialised and settings only change inside a change, so one resolution per change is exact as
 * long as a settings write in the same change calls {@link #invalidate()}. Each caller still gets
 * its own copy: a plugin may change the node it is given. Whether a plugin is active in a
 * department is answered once per change the same way, without a copy.
 *
 * <p>Synchronised: in {@link PluginCallMode#THREAD} plugin calls run on worker threads, and a
 * timed-out call may still be running.
 */
public final class SettingsMemo implements SettingsSource {
  private final SettingsSource source;
  private final Map<Key, ObjectNode> resolved = new HashMap<>();
  private final Map<Key, Boolean> active = new HashMap<>();
  /** The last answer of {@link #active}: a change asks about one department and plugin again and again. */
  private Key lastKey;
  private boolean lastActive;

  public SettingsMemo(SettingsSource source) {
    this.source = source;
  }

  @Override
  public synchronized ObjectNode settings(StoreReader reader, String departmentId, String pluginId) {
    ObjectNode settings = resolved.computeIfAbsent(new Key(departmentId, pluginId),
        k -> source.settings(reader, departmentId, pluginId));
    return settings.deepCopy();
  }

  @Override
  public synchronized boolean active(StoreReader reader, String departmentId, String pluginId) {
    Key last = lastKey;
    if (last != null && last.departmentId().equals(departmentId) && last.pluginId().equals(pluginId)) {
      return lastActive;
    }
    Key key = new Key(departmentId, pluginId);
    boolean answer = active.computeIfAbsent(key, k -> source.active(reader, departmentId, pluginId));
    lastKey = key;
    lastActive = answer;
    return answer;
  }

  /** Forgets every resolution: the change has written settings. */
  public synchronized void invalidate() {
    resolved.clear();
    active.clear();
    lastKey = null;
  }

  private record Key(String departmentId, String pluginId) {}
}
