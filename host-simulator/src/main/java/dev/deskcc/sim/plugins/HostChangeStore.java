package dev.deskcc.sim.plugins;

import dev.deskcc.api.host.ChangeStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One plugin's {@link ChangeStore} for one change (or for one callback outside a change).
 * Synchronised: in {@link PluginCallMode#THREAD} a change's callbacks run on worker threads one
 * after the other, and a timed-out call may still be running.
 */
final class HostChangeStore implements ChangeStore {
  private final Map<String, Object> values = new HashMap<>();

  @Override
  public synchronized <V> Optional<V> get(String key, Class<V> type) {
    Objects.requireNonNull(key, "key");
    return Optional.ofNullable(values.get(key)).map(type::cast);
  }

  @Override
  public <V> V getOrCompute(String key, Function<String, ? extends V> compute, Class<V> type) {
    Objects.requireNonNull(key, "key");
    synchronized (this) {
      Object known = values.get(key);
      if (known != null) {
        return type.cast(known);
      }
    }
    // computed outside the lock: the function may call the host, and only this change uses the store
    V value = Objects.requireNonNull(compute.apply(key), () -> "computed null for key " + key);
    synchronized (this) {
      Object raced = values.putIfAbsent(key, value);
      return raced == null ? value : type.cast(raced);
    }
  }

  @Override
  public synchronized void put(String key, Object value) {
    values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, () -> "null value for key " + key));
  }

  @Override
  public synchronized Optional<Object> remove(String key) {
    return Optional.ofNullable(values.remove(Objects.requireNonNull(key, "key")));
  }
}
