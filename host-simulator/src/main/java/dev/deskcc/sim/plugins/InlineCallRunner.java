package dev.deskcc.sim.plugins;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PluginCallMode#INLINE}: each call runs on the caller's thread. Starting a call only
 * registers it (thread, deadline); one daemon watchdog thread per host looks at the registered
 * calls a few times per time-out and expires those past their deadline: it runs the call's
 * time-out action (the host invalidates the call's context and traces {@code TIMED_OUT}) and
 * interrupts the thread.
 *
 * <p>The race between "the call returned" and "the watchdog interrupts" is settled under the
 * call's own lock: either the caller finishes first and the watchdog leaves the call alone, or the
 * watchdog has expired it, interrupt included, before the caller looks. In the second case the
 * caller clears the interrupt the watchdog caused (keeping one it had before the call) and
 * reports a time-out, so a request thread is never left interrupted.
 */
final class InlineCallRunner implements PluginCallRunner {
  private static final Logger LOG = LoggerFactory.getLogger(InlineCallRunner.class);

  private final long timeoutNanos;
  private final long tickMillis;
  private final Set<Watched> running = ConcurrentHashMap.newKeySet();
  private volatile Thread watchdog;
  private volatile boolean closed;

  InlineCallRunner(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
    // A few looks per time-out: a call is expired at most a tenth of the time-out late (50 ms at most).
    this.tickMillis = Math.max(1, Math.min(50, timeout.toMillis() / 10));
  }

  @Override
  public <R> R run(Supplier<R> call, Runnable onTimeOut) throws TimedOut, Failed {
    if (watchdog == null) {
      startWatchdog();
    }
    Thread self = Thread.currentThread();
    boolean interruptedBefore = self.isInterrupted();
    Watched watched = new Watched(self, System.nanoTime() + timeoutNanos, onTimeOut);
    running.add(watched);
    R result = null;
    Throwable thrown = null;
    try {
      result = call.get();
    } catch (Throwable t) {
      // as a worker thread's Future reports any Throwable: the plugin failed, the host goes on
      thrown = t;
    } finally {
      running.remove(watched);
    }
    if (!watched.finish()) {
      Thread.interrupted();
      if (interruptedBefore) {
        self.interrupt();
      }
      throw new TimedOut();
    }
    if (thrown != null) {
      throw new Failed(thrown);
    }
    return result;
  }

  private synchronized void startWatchdog() {
    if (watchdog != null || closed) {
      return;
    }
    Thread t = new Thread(this::watch, "plugin-watchdog");
    t.setDaemon(true);
    t.start();
    watchdog = t;
  }

  private void watch() {
    while (!closed) {
      try {
        Thread.sleep(tickMillis);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      for (Watched w : running) {
        if (now - w.deadline >= 0 && w.expire()) {
          running.remove(w);
        }
      }
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    Thread t = watchdog;
    if (t != null) {
      t.interrupt();
    }
  }

  /** One running call. */
  private static final class Watched {
    private final Thread thread;
    private final long deadline;
    private final Runnable onTimeOut;
    private boolean done;
    private boolean expired;

    Watched(Thread thread, long deadline, Runnable onTimeOut) {
      this.thread = thread;
      this.deadline = deadline;
      this.onTimeOut = onTimeOut;
    }

    /** The caller: the call is over. @return false when the watchdog expired it first */
    synchronized boolean finish() {
      done = true;
      return !expired;
    }

    /** The watchdog: expires the call unless it is over. @return whether it did */
    synchronized boolean expire() {
      if (done || expired) {
        return false;
      }
      expired = true;
      try {
        onTimeOut.run();
      } catch (RuntimeException e) {
        LOG.error("time-out action of a plugin call failed: {}", e.toString());
      }
      // inside the lock: once finish() sees "expired", this interrupt has happened
      thread.interrupt();
      return true;
    }
  }
}
