package dev.deskcc.sim.mail;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains an {@link OutboxQueue} through a {@link MailGatewayClient} on one background thread.
 *
 * <p>Each round takes {@code pending(batchSize)} oldest first and sends every message whose own
 * backoff has passed. Delivered messages are marked {@link OutboxQueue#delivered(long)}; refused
 * ones {@link OutboxQueue#failed(long, String, boolean) failed(permanent = true)}; messages the
 * gateway cannot take now are marked {@code failed(permanent = false)}, stay in the queue and
 * are tried again after their backoff, for as long as it takes: nothing is dropped. After such a
 * failure the round stops and the dispatcher waits one poll interval, so a gateway that is down
 * sees at most one request per interval rather than one per queued message.
 *
 * <p>The thread wakes on {@link #wake()} (new mail queued) and at least every poll interval.
 * State (attempt counts and backoffs) lives in the instance; backoffs are forgotten on restart,
 * which only means an earlier retry.
 */
public final class OutboxDispatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final OutboxQueue queue;
  private final MailGatewayClient client;
  private final int batchSize;
  private final long pollNanos;
  private final Duration closeTimeout;
  private final Thread thread;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition signal = lock.newCondition();
  private final Map<Long, Backoff> backoffs = new HashMap<>();

  private boolean woken;
  private boolean closing;
  private long pausedUntilNanos;

  private record Backoff(int failures, long notBeforeNanos) {}

  private OutboxDispatcher(Builder b) {
    this.queue = b.queue;
    this.client = b.client;
    this.batchSize = b.batchSize;
    this.pollNanos = b.pollInterval.toNanos();
    this.closeTimeout = b.closeTimeout;
    this.thread = new Thread(this::run, b.threadName);
    this.thread.setDaemon(true);
  }

  /** A builder for a dispatcher of {@code queue} through {@code client}. */
  public static Builder builder(OutboxQueue queue, MailGatewayClient client) {
    return new Builder(queue, client);
  }

  /** Starts the background thread; returns {@code this}. */
  public OutboxDispatcher start() {
    thread.start();
    return this;
  }

  /** Asks the dispatcher to look at the queue now (new mail was queued). Never blocks long. */
  public void wake() {
    lock.lock();
    try {
      woken = true;
      signal.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Whether the background thread is running. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /**
   * Stops the thread: the current HTTP call may finish (up to the close timeout), then it is
   * interrupted; an interrupted message stays pending. Idempotent. Does not close the client.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      closing = true;
      signal.signalAll();
    } finally {
      lock.unlock();
    }
    if (thread == Thread.currentThread() || !thread.isAlive()) {
      return;
    }
    try {
      thread.join(closeTimeout.toMillis());
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(closeTimeout.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (!isClosing()) {
      boolean more;
      try {
        more = round();
      } catch (RuntimeException e) {
        // A store or client bug must not end delivery for the life of the host.
        LOG.error("outbox round failed; retrying after the poll interval", e);
        pause();
        more = false;
      }
      if (!more) {
        awaitWork();
      }
    }
  }

  /** One pass over a batch; true when a full batch went out and more may be waiting. */
  private boolean round() {
    List<OutgoingMail> batch = queue.pending(batchSize);
    int sent = 0;
    for (OutgoingMail mail : batch) {
      if (isClosing()) {
        return false;
      }
      Backoff backoff = backoffs.get(mail.seq());
      if (backoff != null && backoff.notBeforeNanos - System.nanoTime() > 0) {
        continue;
      }
      int failures = backoff == null ? 0 : backoff.failures;
      DeliveryResult result = client.send(mail, failures);
      if (result instanceof DeliveryResult.Delivered) {
        backoffs.remove(mail.seq());
        queue.delivered(mail.seq());
        sent++;
      } else if (result instanceof DeliveryResult.Failed f) {
        backoffs.remove(mail.seq());
        LOG.warn("outbox message {} refused by the gateway: {}", mail.seq(), f.reason());
        queue.failed(mail.seq(), f.reason(), true);
      } else if (result instanceof DeliveryResult.RetryLater r) {
        backoffs.put(mail.seq(), new Backoff(failures + 1, System.nanoTime() + r.delay().toNanos()));
        LOG.info("outbox message {} not delivered (attempt {}), retrying in {} ms: {}",
            mail.seq(), failures + 1, r.delay().toMillis(), r.reason());
        queue.failed(mail.seq(), r.reason(), false);
        pause();
        return false;
      }
    }
    if (batch.size() < batchSize) {
      // The whole queue was seen: forget backoffs of messages that left it some other way.
      Set<Long> seqs = new HashSet<>();
      batch.forEach(m -> seqs.add(m.seq()));
      backoffs.keySet().retainAll(seqs);
    }
    return sent > 0 && batch.size() >= batchSize;
  }

  private void pause() {
    lock.lock();
    try {
      pausedUntilNanos = System.nanoTime() + pollNanos;
    } finally {
      lock.unlock();
    }
  }

  private boolean isClosing() {
    lock.lock();
    try {
      return closing;
    } finally {
      lock.unlock();
    }
  }

  /** Waits for a wake-up (honoured only after a pause ends), the poll interval, or close. */
  private void awaitWork() {
    lock.lock();
    try {
      long deadline = System.nanoTime() + pollNanos;
      while (!closing) {
        long now = System.nanoTime();
        if (now - deadline >= 0) {
          break;
        }
        boolean paused = pausedUntilNanos - now > 0;
        if (woken && !paused) {
          break;
        }
        long waitNanos = paused && woken ? pausedUntilNanos - now : deadline - now;
        signal.awaitNanos(waitNanos);
      }
      woken = false;
    } catch (InterruptedException e) {
      closing = true;
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  /** Settings for a dispatcher; {@link #build()} gives an unstarted one. */
  public static final class Builder {
    private final OutboxQueue queue;
    private final MailGatewayClient client;
    private int batchSize = 50;
    private Duration pollInterval = Duration.ofSeconds(1);
    private Duration closeTimeout = Duration.ofSeconds(5);
    private String threadName = "deskcc-outbox";

    private Builder(OutboxQueue queue, MailGatewayClient client) {
      this.queue = Objects.requireNonNull(queue, "queue");
      this.client = Objects.requireNonNull(client, "client");
    }

    /** Messages taken from the queue per round. Default 50. */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1");
      }
      this.batchSize = batchSize;
      return this;
    }

    /** Longest sleep between rounds, and the pause after a failed attempt. Default 1 s. */
    public Builder pollInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("pollInterval must be positive");
      }
      this.pollInterval = interval;
      return this;
    }

    /** How long {@link OutboxDispatcher#close()} lets a running call finish. Default 5 s. */
    public Builder closeTimeout(Duration timeout) {
      this.closeTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Name of the background thread. */
    public Builder threadName(String name) {
      this.threadName = Objects.requireNonNull(name, "name");
      return this;
    }

    public OutboxDispatcher build() {
      return new OutboxDispatcher(this);
    }
  }
}
