package dev.deskcc.sim.desk.internal.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.api.host.ChangeStore;
import dev.deskcc.api.model.Actor;
import dev.deskcc.sim.mail.OutgoingMail;
import dev.deskcc.sim.plugins.PluginHost;
import dev.deskcc.sim.store.InMemoryStore;
import dev.deskcc.sim.store.Store;
import dev.deskcc.sim.store.StoreConflict;
import dev.deskcc.sim.store.StoreReader;
import dev.deskcc.sim.store.StoreTx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change stores as the lifecycle keeps them: one per plugin per run of a change, bound while
 * the change runs and again for its answer, and a fresh one for a run after a lost race (the
 * lifecycle only runs a change again on a store with concurrent writers, as PostgreSQL is).
 */
class ChangeStoreLifecycleTest {
  @TempDir
  Path pluginsDir;

  private PluginHost host;

  /** The in-memory store, but declaring concurrent writers, so the lifecycle retries conflicts. */
  private static final class ConcurrentWriters implements Store {
    private final InMemoryStore store = new InMemoryStore();

    @Override
    public StoreReader read() {
      return store.read();
    }

    @Override
    public StoreTx begin() {
      return store.begin();
    }

    @Override
    public boolean singleWriter() {
      return false;
    }

    @Override
    public boolean holdsWorld() {
      return store.holdsWorld();
    }

    @Override
    public List<OutgoingMail> pending(int max) {
      return store.pending(max);
    }

    @Override
    public void delivered(long seq) {
      store.delivered(seq);
    }

    @Override
    public void failed(long seq, String reason, boolean permanent) {
      store.failed(seq, reason, permanent);
    }
  }

  private PluginCalls calls(Clock clock) {
    host = new PluginHost(pluginsDir, Duration.ofSeconds(5), clock);
    return new PluginCalls(host, clock, (reader, departmentId, pluginId) -> {
      throw new AssertionError("no plugin settings are resolved here");
    });
  }

  @AfterEach
  void stop() {
    if (host != null) {
      host.close();
    }
  }

  @Test
  void a_run_after_a_lost_race_starts_with_empty_stores_and_the_answer_sees_the_committed_runs() {
    Clock clock = Clock.systemUTC();
    PluginCalls plugins = calls(clock);
    Lifecycle lifecycle = new Lifecycle(new ConcurrentWriters(), plugins, clock, () -> {});
    List<Optional<String>> seenAtStart = new ArrayList<>();

    String answer = lifecycle.run(Actor.system(), change -> {
      ChangeStore alpha = plugins.changeScope().storeFor("alpha");
      seenAtStart.add(alpha.get("run", String.class));
      alpha.put("run", "run " + seenAtStart.size());
      if (seenAtStart.size() == 1) {
        throw new StoreConflict("40P01", "lost a race", null);
      }
      return "body done";
    }, (state, result) -> plugins.changeScope().storeFor("alpha").get("run", String.class).orElse("nothing"));

    assertThat(seenAtStart).as("each run's store at its start").containsExactly(Optional.empty(), Optional.empty());
    assertThat(answer).isEqualTo("run 2");
  }

  @Test
  void plugins_have_separate_stores_within_a_change_and_none_outside_one() {
    Clock clock = Clock.systemUTC();
    PluginCalls plugins = calls(clock);
    Lifecycle lifecycle = new Lifecycle(new InMemoryStore(), plugins, clock, () -> {});

    String answer = lifecycle.run(Actor.system(), change -> {
      plugins.changeScope().storeFor("alpha").put("note", "alpha's");
      plugins.changeScope().storeFor("beta").put("note", "beta's");
      return plugins.changeScope().storeFor("alpha").get("note", String.class).orElse("nothing");
    }, (state, result) -> result + " / " + plugins.changeScope().storeFor("beta").get("note", String.class).orElse("nothing"));

    assertThat(answer).isEqualTo("alpha's / beta's");
    ChangeStore outside = plugins.changeScope().storeFor("alpha");
    assertThat(outside.get("note", String.class)).as("after the change").isEmpty();
    outside.put("note", "kept?");
    assertThat(plugins.changeScope().storeFor("alpha").get("note", String.class)).as("each call outside a change").isEmpty();
  }

  @Test
  void the_callbacks_of_one_answer_outside_a_change_share_a_store_that_goes_with_the_answer() {
    Clock clock = Clock.systemUTC();
    PluginCalls plugins = calls(clock);
    Lifecycle lifecycle = new Lifecycle(new InMemoryStore(), plugins, clock, () -> {});

    String first = lifecycle.answer(() -> {
      plugins.changeScope().storeFor("alpha").put("decoded", "once");
      return plugins.changeScope().storeFor("alpha").get("decoded", String.class).orElse("nothing")
          + " / beta: " + plugins.changeScope().storeFor("beta").get("decoded", String.class).orElse("nothing");
    });
    String second = lifecycle.answer(() -> plugins.changeScope().storeFor("alpha").get("decoded", String.class)
        .orElse("nothing"));

    assertThat(first).isEqualTo("once / beta: nothing");
    assertThat(second).as("the next answer").isEqualTo("nothing");
  }

  @Test
  void an_answer_built_within_a_change_uses_the_change_s_stores() {
    Clock clock = Clock.systemUTC();
    PluginCalls plugins = calls(clock);
    Lifecycle lifecycle = new Lifecycle(new InMemoryStore(), plugins, clock, () -> {});

    String answer = lifecycle.run(Actor.system(), change -> {
      plugins.changeScope().storeFor("alpha").put("list", "checked");
      return "done";
    }, (state, result) -> lifecycle.answer(() -> plugins.changeScope().storeFor("alpha").get("list", String.class)
        .orElse("nothing")));

    assertThat(answer).isEqualTo("checked");
  }
}
