package dev.deskcc.sim.store;

import io.vavr.collection.HashMap;
import io.vavr.collection.Vector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One immutable table of the in-memory store: a persistent map that keeps insertion order (a
 * replaced key keeps its place, a removed and re-added one goes last, as with a
 * {@link java.util.LinkedHashMap}). Writes return a new table sharing almost all structure with
 * this one, so a commit costs O(log n) per written key, not a copy of the table. Look-ups go to a
 * hash array mapped trie (a few levels even at millions of keys), iteration to a persistent vector
 * by position. Positions only grow, so adding a key appends to the vector (a 32-way trie: a few
 * levels, no rebalancing) instead of inserting into a search tree; a removed key leaves a hole
 * ({@code null}) in the vector, and once holes are half of it the table is rebuilt without them
 * (amortised O(1) per removal; the order stays the same).
 *
 * <p>A {@linkplain #KEYED keyed} table (an index, or per-ticket data only ever looked up by key)
 * keeps no order: just the trie, with the values in it directly, because the position tree and
 * the slot per key were most of a ticket's heap (BENCHMARKS.md, 6b); its iteration order is then
 * unspecified.
 */
final class OrderedTable {
  /** An empty table that keeps insertion order. */
  static final OrderedTable EMPTY = new OrderedTable(HashMap.empty(), Vector.empty(), true);
  /** An empty table that is looked up by key only: iteration order unspecified. */
  static final OrderedTable KEYED = new OrderedTable(HashMap.empty(), Vector.empty(), false);

  private record Slot(int position, Object value) {}

  private record Entry(Object key, Object value) {}

  /** Key to {@link Slot} when ordered, else key to value. */
  private final HashMap<Object, Object> byKey;
  /** Entries by position ({@code null} where a key was removed); empty when not ordered. */
  private final Vector<Entry> byPosition;
  private final boolean ordered;

  private OrderedTable(HashMap<Object, Object> byKey, Vector<Entry> byPosition, boolean ordered) {
    this.byKey = byKey;
    this.byPosition = byPosition;
    this.ordered = ordered;
  }

  /** The value, or {@code null}. */
  Object get(Object key) {
    Object found = byKey.get(key).getOrNull();
    return ordered && found != null ? ((Slot) found).value() : found;
  }

  OrderedTable with(Object key, Object value) {
    if (!ordered) {
      return new OrderedTable(byKey.put(key, value), byPosition, false);
    }
    Slot old = (Slot) byKey.get(key).getOrNull();
    if (old == null) {
      int position = byPosition.size();
      return new OrderedTable(byKey.put(key, new Slot(position, value)), byPosition.append(new Entry(key, value)),
          true);
    }
    return new OrderedTable(byKey.put(key, new Slot(old.position(), value)),
        byPosition.update(old.position(), new Entry(key, value)), true);
  }

  OrderedTable without(Object key) {
    Object old = byKey.get(key).getOrNull();
    if (old == null) {
      return this;
    }
    if (!ordered) {
      return new OrderedTable(byKey.remove(key), byPosition, false);
    }
    OrderedTable removed = new OrderedTable(byKey.remove(key), byPosition.update(((Slot) old).position(), (Entry) null), true);
    return removed.byKey.size() * 2 < removed.byPosition.size() ? removed.compacted() : removed;
  }

  /** The same entries in the same order, without holes. */
  private OrderedTable compacted() {
    HashMap<Object, Object> keys = HashMap.empty();
    Vector<Entry> positions = Vector.empty();
    for (Entry e : byPosition) {
      if (e != null) {
        keys = keys.put(e.key(), new Slot(positions.size(), e.value()));
        positions = positions.append(e);
      }
    }
    return new OrderedTable(keys, positions, true);
  }

  /** The values in insertion order (a keyed table: in no particular order). */
  Collection<Object> values() {
    List<Object> values = new ArrayList<>(byKey.size());
    forEach((key, value) -> values.add(value));
    return values;
  }

  /** Every key and value in insertion order (a keyed table: in no particular order). */
  void forEach(BiConsumer<Object, Object> action) {
    if (ordered) {
      for (Entry e : byPosition) {
        if (e != null) {
          action.accept(e.key(), e.value());
        }
      }
    } else {
      byKey.forEach(action::accept);
    }
  }
}
