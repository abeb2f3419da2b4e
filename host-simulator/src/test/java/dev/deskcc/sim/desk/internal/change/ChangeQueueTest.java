package dev.deskcc.sim.desk.internal.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskcc.api.error.Refusal;
import dev.deskcc.sim.desk.DeskException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChangeQueueTest {
  private static final int CALLERS = 16;
  private static final int CHANGES = 500;

  private final ChangeQueue queue = new ChangeQueue();

  /** Runs {@code perCaller} on {@link #CALLERS} threads released at once; their results in caller order. */
  private <R> List<R> concurrently(java.util.function.IntFunction<R> perCaller) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<R>> futures = new ArrayList<>();
      for (int c = 0; c < CALLERS; c++) {
        int caller = c;
        futures.add(pool.submit(() -> {
          start.await();
          return perCaller.apply(caller);
        }));
      }
      start.countDown();
      List<R> out = new ArrayList<>();
      for (Future<R> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void changes_from_many_callers_run_one_at_a_time_and_none_is_lost() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    long[] total = {0}; // deliberately unsynchronised: only one change may run at a time
    concurrently(caller -> {
      for (int i = 0; i < CHANGES; i++) {
        queue.run(() -> {
          if (running.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
          }
          total[0]++;
          running.decrementAndGet();
          return null;
        });
      }
      return null;
    });
    assertThat(overlaps).hasValue(0);
    assertThat(queue.run(() -> total[0])).isEqualTo((long) CALLERS * CHANGES);
  }

  @Test
  void each_caller_gets_the_result_of_its_own_change() throws Exception {
    List<List<Integer>> results = concurrently(caller -> {
      List<Integer> mine = new ArrayList<>();
      for (int i = 0; i < CHANGES; i++) {
        int value = caller * CHANGES + i;
        mine.add(queue.run(() -> value));
      }
      return mine;
    });
    for (int c = 0; c < CALLERS; c++) {
      int first = c * CHANGES;
      assertThat(results.get(c)).hasSize(CHANGES).first().isEqualTo(first);
      assertThat(results.get(c)).last().isEqualTo(first + CHANGES - 1);
      assertThat(results.get(c)).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void a_failing_change_fails_only_its_own_caller_with_what_it_threw() throws Exception {
    List<Integer> failures = concurrently(caller -> {
      int failed = 0;
      for (int i = 0; i < CHANGES; i++) {
        int n = i;
        try {
          queue.run(() -> {
            if (n % 3 == 0) {
              throw DeskException.of(Refusal.conflict("TEST_REFUSAL", "change " + n));
            }
            return n;
          });
        } catch (DeskException e) {
          assertThat(e.detail()).isEqualTo("change " + n);
          failed++;
        }
      }
      return failed;
    });
    assertThat(failures).containsOnly((CHANGES + 2) / 3);
  }

  @Test
  void an_error_reaches_the_caller_as_it_is() {
    StackOverflowError error = new StackOverflowError("deep");
    assertThatThrownBy(() -> queue.run(() -> {
      throw error;
    })).isSameAs(error);
    assertThat(queue.run(() -> "still running")).isEqualTo("still running");
  }

  @Test
  void a_caller_interrupted_while_waiting_still_gets_its_result_and_keeps_the_flag() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread first = new Thread(() -> queue.run(() -> {
      inside.countDown();
      awaitQuietly(release);
      return null;
    }));
    first.start();
    inside.await();
    AtomicInteger result = new AtomicInteger();
    AtomicInteger flag = new AtomicInteger();
    Thread second = new Thread(() -> {
      result.set(queue.run(() -> 7));
      flag.set(Thread.currentThread().isInterrupted() ? 1 : 2);
    });
    second.start();
    while (second.getState() != Thread.State.WAITING) { // queued behind the first change
      Thread.onSpinWait();
    }
    second.interrupt();
    release.countDown();
    first.join();
    second.join();
    assertThat(result).hasValue(7);
    assertThat(flag).hasValue(1);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
