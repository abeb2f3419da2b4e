package dev.deskcc.cc.fake;

import dev.deskcc.api.host.ChangeStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** The fake desk's {@link ChangeStore}: a map, one per fake change (or per plain callback). */
final class FakeChangeStore implements ChangeStore {
  private final Map<String, Object> values = new HashMap<>();

  @Override
  public <V> Optional<V> get(String key, Class<V> type) {
    return Optional.ofNullable(values.get(key)).map(type::cast);
  }

  @Override
  public <V> V getOrCompute(String key, Function<String, ? extends V> compute, Class<V> type) {
    Object known = values.get(key);
    if (known != null) {
      return type.cast(known);
    }
    V value = Objects.requireNonNull(compute.apply(key));
    values.put(key, value);
    return value;
  }

  @Override
  public void put(String key, Object value) {
    values.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
  }

  @Override
  public Optional<Object> remove(String key) {
    return Optional.ofNullable(values.remove(key));
  }
}
