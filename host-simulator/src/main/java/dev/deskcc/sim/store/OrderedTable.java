package dev.deskcc.sim.store;

import io.vavr.collection.HashMap;
import io.vavr.collection.TreeMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One immutable table of the in-memory store: a persistent map that keeps insertion order (a
 * replaced key keeps its place, a removed and re-added one goes last, as with a
 * {@link java.util.LinkedHashMap}). Writes return a new table sharing almost all structure with
 * this one, so a commit costs O(log n) per written key, not a copy of the table. Look-ups go to a
 * hash array mapped trie (a few levels even at millions of keys), iteration to a tree by position.
 */
final class OrderedTable {
  static final OrderedTable EMPTY = new OrderedTable(HashMap.empty(), TreeMap.empty(), 0);

  private record Slot(long position, Object value) {}

  private record Entry(Object key, Object value) {}

  private final HashMap<Object, Slot> byKey;
  private final TreeMap<Long, Entry> byPosition;
  private final long nextPosition;

  private OrderedTable(HashMap<Object, Slot> byKey, TreeMap<Long, Entry> byPosition, long nextPosition) {
    this.byKey = byKey;
    this.byPosition = byPosition;
    this.nextPosition = nextPosition;
  }

  /** The value, or {@code null}. */
  Object get(Object key) {
    return byKey.get(key).map(Slot::value).getOrNull();
  }

  OrderedTable with(Object key, Object value) {
    Slot old = byKey.get(key).getOrNull();
    long position = old == null ? nextPosition : old.position();
    return new OrderedTable(byKey.put(key, new Slot(position, value)), byPosition.put(position, new Entry(key, value)),
        old == null ? nextPosition + 1 : nextPosition);
  }

  OrderedTable without(Object key) {
    Slot old = byKey.get(key).getOrNull();
    return old == null ? this
        : new OrderedTable(byKey.remove(key), byPosition.remove(old.position()), nextPosition);
  }

  /** The values in insertion order. */
  Collection<Object> values() {
    List<Object> values = new ArrayList<>(byPosition.size());
    byPosition.forEach((position, entry) -> values.add(entry.value()));
    return values;
  }

  /** Every key and value in insertion order. */
  void forEach(BiConsumer<Object, Object> action) {
    byPosition.forEach((position, entry) -> action.accept(entry.key(), entry.value()));
  }
}
