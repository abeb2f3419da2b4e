package dev.deskcc.sim.desk.internal.change;

import dev.deskcc.api.error.Verdict;
import dev.deskcc.api.lifecycle.TicketChangeCheck;
import dev.deskcc.api.lifecycle.TicketChangeReaction;
import dev.deskcc.api.lifecycle.TicketEvent;
import dev.deskcc.api.model.Actor;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.ProblemCode;
import dev.deskcc.sim.plugins.ChangeStores;
import dev.deskcc.sim.plugins.PluginExtension;
import dev.deskcc.sim.plugins.SettingsMemo;
import dev.deskcc.sim.store.Store;
import dev.deskcc.sim.store.StoreConflict;
import dev.deskcc.sim.store.StoreReader;
import dev.deskcc.sim.store.StoreTx;
import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs changes: open a transaction, let the operation apply the host's part and pass its events
 * through the plugins' checks and recipients, commit, then run the reactions. A batch (a fixture
 * load) is one change whose steps are operations of their own: they run through the lifecycle
 * {@link #joining} that change, so they join it (one commit, reactions at the end) instead of
 * opening transactions of their own.
 *
 * <p>Nothing here relies on changes taking turns: each reads and locks what it changes through
 * its transaction (see {@link StoreTx}). A single-writer store (in memory, H2) runs one
 * transaction at a time anyway, so there changes queue in a {@link ChangeQueue} (cheaper than
 * handing the store's lock from thread to thread). A store with concurrent writers (PostgreSQL)
 * gets every change on its caller's thread at once: a slow change to one ticket holds up only
 * changes to that ticket, on this node as on any other (up to the connection pool's size of
 * changes in flight). A change whose transaction met a {@link StoreConflict} (a deadlock, a key
 * another node inserted first) is rolled back and run again from the start, at most {@link
 * #ATTEMPTS} times; only a committed attempt is answered, so nothing is acknowledged twice.
 */
public final class Lifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);
  /** Runs of one change before a conflict reaches the client: conflicts are rare, a loop is a bug. */
  static final int ATTEMPTS = 5;

  private final Store store;
  private final PluginCalls plugins;
  private final Clock clock;
  /** The batch change every change of this lifecycle joins; null: each change runs on its own. */
  private final Change joined;
  private final Runnable afterCommit;
  private final ChangeQueue changes;

  public Lifecycle(Store store, PluginCalls plugins, Clock clock, Runnable afterCommit) {
    this(store, plugins, clock, afterCommit, new ChangeQueue(), null);
  }

  private Lifecycle(Store store, PluginCalls plugins, Clock clock, Runnable afterCommit, ChangeQueue changes,
      Change joined) {
    this.afterCommit = afterCommit;
    this.store = store;
    this.plugins = plugins;
    this.clock = clock;
    this.changes = changes;
    this.joined = joined;
  }

  /**
   * This lifecycle for the steps of {@code batch}, a change running now (see {@link #batch}): its
   * changes run in that change's transaction, as their own actor, and neither commit nor react
   * (the batch does, once); its reads see the batch's state. Valid while {@code batch} runs.
   */
  public Lifecycle joining(Change batch) {
    return new Lifecycle(store, plugins, clock, afterCommit, changes, batch);
  }

  /** What an operation reads: the joined batch's state, else committed state. */
  public StoreReader reader() {
    return joined == null ? store.read() : joined.tx();
  }

  /**
   * Builds an answer from stored state outside any change (see {@link #reader()}): the plugin
   * callbacks that build it share one change store per plugin, discarded with the answer.
   */
  public <R> R answer(Supplier<R> build) {
    return plugins.changeScope().withinAnswer(build);
  }

  /** Runs and commits (or, joining a batch, runs as a step of it). */
  public <R> R run(Actor actor, Function<Change, R> body) {
    return run(actor, body, (committed, result) -> result);
  }

  /**
   * Runs and commits like {@link #run(Actor, Function)}, then builds the answer from the state this
   * change committed, after its turn: the work of rendering an answer is not done while other
   * changes wait. Joined to a running change, the answer reads that change's state.
   */
  public <T, R> R run(Actor actor, Function<Change, T> body, BiFunction<StoreReader, T, R> answer) {
    if (joined != null) {
      return answer.apply(joined.tx(), body.apply(joined.as(actor)));
    }
    Committed<T> committed = store.singleWriter()
        // queued, so the write lock is not handed from thread to thread; see ChangeQueue
        ? changes.run(() -> attempt(actor, body, true))
        : retrying(() -> attempt(actor, body, true));
    afterCommit.run();
    // The reactions see the settings the change was checked with, resolved once, and, like the
    // answer, the plugins' stores of the committed run (see ChangeScope).
    return plugins.changeScope().within(committed.stores(), () -> {
      react(committed.events(), committed.settings());
      return answer.apply(committed.state(), committed.result());
    });
  }

  /**
   * One run of a change in a transaction of its own; committed, or rolled back when {@code
   * commit} is false (a dry run) or when the body throws.
   */
  private <T> Committed<T> attempt(Actor actor, Function<Change, T> body, boolean commit) {
    SettingsMemo settings = plugins.settingsForChange();
    ChangeStores stores = new ChangeStores(); // per run: a run after a lost race starts empty
    try (StoreTx tx = store.begin()) {
      Change change = new Change(tx, actor, clock, settings);
      T result;
      try {
        result = plugins.changeScope().within(stores, () -> body.apply(change));
      } catch (RuntimeException e) {
        // a conflict a plugin caught (or turned into its own failure) still loses the transaction
        if (tx.conflicted() && !(e instanceof StoreConflict)) {
          throw new StoreConflict("?", "transaction lost to a concurrent change: " + e.getMessage(), e);
        }
        throw e;
      }
      if (!commit) {
        tx.rollback();
        return new Committed<>(result, List.of(), null, settings, stores);
      }
      tx.commit();
      // A single-writer store took no other change since: in memory this is exactly the state this
      // change left. A store that reads live (JDBC) shows what a GET would.
      return new Committed<>(result, change.events(), store.read(), settings, stores);
    }
  }

  /**
   * Runs {@code attempt} again while it ends in a {@link StoreConflict}, which means nothing of it
   * was committed (see {@link StoreTx#commit()}), with a short random pause so that two changes
   * that deadlocked do not meet again at once.
   */
  private static <T> T retrying(java.util.function.Supplier<T> attempt) {
    for (int run = 1; ; run++) {
      try {
        return attempt.get();
      } catch (StoreConflict e) {
        if (run >= ATTEMPTS) {
          throw new DeskException(ProblemCode.CONCURRENT_CHANGES,
              "the change met concurrent changes " + ATTEMPTS + " times; nothing was changed, try again");
        }
        LOG.debug("change run {} met a concurrent change, running it again: {}", run, e.getMessage());
        try {
          Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 5L * run + 1));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private record Committed<R>(R result, List<TicketEvent> events, StoreReader state, SettingsMemo settings,
      ChangeStores stores) {}

  /** Runs and rolls back: the answer the change would give, with nothing changed. */
  public <R> R dryRun(Actor actor, Function<Change, R> body) {
    if (joined != null) {
      throw new IllegalStateException("a dry run cannot join another change");
    }
    return retrying(() -> attempt(actor, body, false)).result();
  }

  /** Every started plugin's check, in plugin-id order; the first refusal ends the change. */
  public void check(Change change, TicketEvent event) {
    String type = event.getClass().getSimpleName();
    String departmentId = event.ticket().departmentId();
    for (PluginExtension<TicketChangeCheck> ext : plugins.host().extensions(TicketChangeCheck.class)) {
      if (!plugins.active(ext.pluginId(), departmentId, change)) {
        continue;
      }
      Verdict verdict = plugins.write(ext, "CHECK", type, change, (c, ctx) -> c.check(event, ctx));
      if (verdict instanceof Verdict.Refused refused) {
        plugins.host().traceRefusal(ext.pluginId(), "TicketChangeCheck", "CHECK", type);
        throw DeskException.of(refused.refusal());
      }
    }
    change.checked(event);
  }

  private void react(List<TicketEvent> events, SettingsMemo settings) {
    for (TicketEvent event : events) {
      String type = event.getClass().getSimpleName();
      String departmentId = event.ticket().departmentId();
      StoreReader committed = store.read();
      for (PluginExtension<TicketChangeReaction> ext : plugins.host().extensions(TicketChangeReaction.class)) {
        try {
          if (!plugins.active(ext.pluginId(), departmentId, committed, settings)) {
            continue;
          }
          plugins.read(ext, "REACT", type, store.read(), settings, (r, ctx) -> {
            r.react(event, ctx);
            return Boolean.TRUE;
          });
        } catch (DeskException e) {
          LOG.warn("reaction of plugin {} to {} failed and was skipped: {}", ext.pluginId(), type, e.detail());
        }
      }
    }
  }

  /**
   * Runs a whole batch (a fixture) as one change: all or nothing. Its steps run through {@link
   * #joining} the change {@code body} is given.
   */
  public <R> R batch(Function<Change, R> body) {
    return run(Actor.system(), body);
  }
}
