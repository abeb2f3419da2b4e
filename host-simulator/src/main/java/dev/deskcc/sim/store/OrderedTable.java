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
 *
 * <p>A {@linkplain #KEYED keyed} table (an index, or per-ticket data only ever looked up by key)
 * keeps no order: just the trie, with the values in it directly. The position tree and the slot
 * per key cost about 120 bytes per entry, which across the store's per-ticket tables was most of
 * the heap a ticket takes; its iteration order is then unspecified.
 */
final class OrderedTable {
  /** An empty table that keeps insertion order. */
  static final OrderedTable EMPTY = new OrderedTable(HashMap.empty(), TreeMap.empty(), 0, true);
  /** An empty table that is looked up by key only: iteration order unspecified. */
  static final OrderedTable KEYED = new OrderedTable(HashMap.empty(), TreeMap.empty(), 0, false);

  private record Slot(long position, Object value) {}

  private record Entry(Object key, Object value) {}

  /** Key to {@link Slot} when ordered, else key to value. */
  private final HashMap<Object, Object> byKey;
  private final TreeMap<Long, Entry> byPosition;
  private final long nextPosition;
  private final boolean ordered;

  private OrderedTable(HashMap<Object, Object> byKey, TreeMap<Long, Entry> byPosition, long nextPosition,
      boolean ordered) {
    this.byKey = byKey;
    this.byPosition = byPosition;
    this.nextPosition = nextPosition;
    this.ordered = ordered;
  }

  /** The value, or {@code null}. */
  Object get(Object key) {
    Object found = byKey.get(key).getOrNull();
    return ordered && found != null ? ((Slot) found).value() : found;
  }

  OrderedTable with(Object key, Object value) {
    if (!ordered) {
      return new OrderedTable(byKey.put(key, value), byPosition, nextPosition, false);
    }
    Slot old = (Slot) byKey.get(key).getOrNull();
    long position = old == null ? nextPosition : old.position();
    return new OrderedTable(byKey.put(key, new Slot(position, value)), byPosition.put(position, new Entry(key, value)),
        old == null ? nextPosition + 1 : nextPosition, true);
  }

  OrderedTable without(Object key) {
    Object old = byKey.get(key).getOrNull();
    if (old == null) {
      return this;
    }
    return ordered
        ? new OrderedTable(byKey.remove(key), byPosition.remove(((Slot) old).position()), nextPosition, true)
        : new OrderedTable(byKey.remove(key), byPosition, nextPosition, false);
  }

  /** The values in insertion order (a keyed table: in no particular order). */
  Collection<Object> values() {
    List<Object> values = new ArrayList<>(ordered ? byPosition.size() : byKey.size());
    forEach((key, value) -> values.add(value));
    return values;
  }

  /** Every key and value in insertion order (a keyed table: in no particular order). */
  void forEach(BiConsumer<Object, Object> action) {
    if (ordered) {
      byPosition.forEach((position, entry) -> action.accept(entry.key(), entry.value()));
    } else {
      byKey.forEach(action::accept);
    }
  }
}
