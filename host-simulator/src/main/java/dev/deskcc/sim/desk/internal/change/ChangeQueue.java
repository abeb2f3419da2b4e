package dev.deskcc.sim.desk.internal.change;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs changes one at a time, in arrival order, without a lock hand-off between one change and
 * the next: for a single-writer store (in memory, H2), which serialises write transactions
 * anyway ({@link dev.deskcc.sim.store.Store#singleWriter()}; PostgreSQL changes do not queue
 * here but lock per ticket in the database, see {@link Lifecycle}); when many callers wait for its lock,
 * handing the lock from thread to thread costs a wake-up each (on a busy machine longer than the
 * change itself, so the lock sat idle half the time), and a non-fair lock lets newcomers overtake
 * callers that have waited long (the POST p99). Here a caller queues its change; the caller that
 * holds the turn runs the queued changes back to back (flat combining) and wakes each owner once
 * its change is done, so owners finish (answer, reactions) on their own threads, in parallel.
 *
 * <p>A change may run on another caller's thread: it must not depend on which thread runs it
 * (the lifecycle keeps no per-thread state: a change carries its own).
 */
final class ChangeQueue {
  /** Changes the thread holding the turn runs after its own before passing the turn on. */
  private static final int MAX_BATCH = 16;

  private final ConcurrentLinkedQueue<Job<?>> waiting = new ConcurrentLinkedQueue<>();
  private final ReentrantLock turn = new ReentrantLock();

  /** Runs {@code change} after the changes queued before it; its result, or what it threw. */
  <R> R run(Supplier<R> change) {
    Job<R> job = new Job<>(change, Thread.currentThread());
    waiting.add(job);
    boolean interrupted = false;
    while (!job.done) {
      if (turn.tryLock()) {
        try {
          runQueued(job);
        } finally {
          turn.unlock();
        }
        // whoever queued while this thread finished must not be left waiting for a turn nobody takes
        Job<?> next = waiting.peek();
        if (next != null) {
          LockSupport.unpark(next.owner);
        }
      } else {
        LockSupport.park(this);
        // like the lock this replaces, waiting is not interruptible; the flag is kept for the caller
        interrupted |= Thread.interrupted();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return job.result();
  }

  /** Runs queued changes in order until this thread's own is done and a batch is full or none wait. */
  private void runQueued(Job<?> own) {
    int ran = 0;
    Job<?> job;
    while ((!own.done || ran < MAX_BATCH) && (job = waiting.poll()) != null) {
      job.execute();
      ran++;
      if (job != own) {
        LockSupport.unpark(job.owner);
      }
    }
  }

  /** One queued change: what to run, who waits for it, and its outcome once {@link #done}. */
  private static final class Job<R> {
    private final Supplier<R> change;
    private final Thread owner;
    private R result;
    private Throwable failure;
    private volatile boolean done;

    Job(Supplier<R> change, Thread owner) {
      this.change = change;
      this.owner = owner;
    }

    void execute() {
      try {
        result = change.get();
      } catch (Throwable t) { // handed to the owner's thread, which rethrows it as it is
        failure = t;
      }
      done = true;
    }

    R result() {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
      return result;
    }
  }
}
