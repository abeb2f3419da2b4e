package dev.deskcc.sim.plugins;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@link PluginCallMode#THREAD}: each call is handed to a worker thread of a cached pool and the
 * caller waits for it at most the time-out. On time-out the worker is interrupted and left to
 * finish on its own: the caller's thread is never held by a plugin.
 */
final class ThreadCallRunner implements PluginCallRunner {
  private final long timeoutMillis;
  private final ExecutorService workers;

  ThreadCallRunner(Duration timeout) {
    this.timeoutMillis = timeout.toMillis();
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "plugin-call-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public <R> R run(Supplier<R> call, Runnable onTimeOut) throws TimedOut, Failed, Interrupted {
    Future<R> future = workers.submit(call::get);
    try {
      return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      onTimeOut.run();
      throw new TimedOut();
    } catch (ExecutionException e) {
      throw new Failed(e.getCause() == null ? e : e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new Interrupted(e);
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
