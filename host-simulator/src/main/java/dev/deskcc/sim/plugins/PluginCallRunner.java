package dev.deskcc.sim.plugins;

import java.util.function.Supplier;

/**
 * Runs one plugin call bounded by the host's time-out. The host turns the outcomes into traces
 * and {@link PluginFailure}s; a runner only decides on which thread the call runs and how an
 * overrun is noticed.
 */
sealed interface PluginCallRunner extends AutoCloseable permits InlineCallRunner, ThreadCallRunner {

  /**
   * @param call the plugin code
   * @param onTimeOut run once when the call overruns, before the caller gets {@link TimedOut}: it
   *     may run on another thread while the call is still running
   * @return the call's result
   * @throws TimedOut the call did not return within the time-out (its result, if any, is dropped)
   * @throws Failed the call threw
   * @throws Interrupted the caller was interrupted while waiting (not by the runner)
   */
  <R> R run(Supplier<R> call, Runnable onTimeOut) throws TimedOut, Failed, Interrupted;

  @Override
  void close();

  /** The call overran the time-out. */
  final class TimedOut extends Exception {
    TimedOut() {
      super(null, null, false, false);
    }
  }

  /** The call threw {@link #getCause()}. */
  final class Failed extends Exception {
    Failed(Throwable cause) {
      super(null, cause, false, false);
    }
  }

  /** The caller's thread was interrupted from outside while it waited. */
  final class Interrupted extends Exception {
    Interrupted(InterruptedException cause) {
      super(null, cause, false, false);
    }
  }
}
