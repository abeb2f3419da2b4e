package dev.deskcc.sim.plugins;

import java.util.Locale;

/** How the host runs a plugin call; chosen per simulator (builder, {@code --plugin-calls}). */
public enum PluginCallMode {
  /**
   * On the caller's own thread, watched by one watchdog thread per host (the default). A call that
   * overruns the time-out is interrupted, its context stops working and the call fails as timed
   * out. A plugin that neither returns, nor calls the host, nor heeds the interruption keeps the
   * caller's thread (and whatever the caller holds, such as the write lock).
   */
  INLINE,
  /**
   * On a worker thread, the caller waiting at most the time-out: a plugin that never returns
   * costs a worker thread, never the caller's. Slower (a thread hand-off per call); for plugins
   * the operator does not trust.
   */
  THREAD;

  /** The lower-case name the command line uses. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
