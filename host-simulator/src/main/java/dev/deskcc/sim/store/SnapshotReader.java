package dev.deskcc.sim.store;

import java.util.Collection;
import java.util.Map;

/** One committed state of the in-memory store, never changing under its reader. */
final class SnapshotReader extends TableReader {
  private final Map<String, OrderedTable> snapshot;

  SnapshotReader(Map<String, OrderedTable> snapshot) {
    this.snapshot = snapshot;
  }

  @Override
  Object get(String table, Object key) {
    return table(snapshot, table).get(key);
  }

  @Override
  Collection<Object> values(String table) {
    return table(snapshot, table).values();
  }
}
