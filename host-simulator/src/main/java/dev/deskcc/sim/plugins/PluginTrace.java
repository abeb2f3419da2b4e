package dev.deskcc.sim.plugins;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last plugin calls, bounded so a long run cannot fill the heap. */
final class PluginTrace {
  private final int capacity;
  private final Deque<PluginCall> calls = new ArrayDeque<>();

  PluginTrace(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(PluginCall call) {
    if (calls.size() == capacity) {
      calls.removeFirst();
    }
    calls.addLast(call);
  }

  synchronized List<PluginCall> snapshot() {
    return List.copyOf(calls);
  }

  synchronized void clear() {
    calls.clear();
  }
}
