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
  /**
   * Answers of {@link #active} but the last one; made on the first second key (most changes ask
   * about one department and one plugin only, again and again, and get the last answer).
   */
  private Map<Key, Boolean> active;
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
    Boolean known = active == null ? null : active.get(key);
    boolean answer = known != null ? known : source.active(reader, departmentId, pluginId);
    if (last != null) {
      if (active == null) {
        active = new HashMap<>();
      }
      active.put(last, lastActive);
    }
    lastKey = key;
    lastActive = answer;
    return answer;
  }

  /** Forgets every resolution: the change has written settings. */
  public synchronized void invalidate() {
    resolved.clear();
    active = null;
    lastKey = null;
  }

  private record Key(String departmentId, String pluginId) {}
}
