package dev.deskcc.sim.plugins;

import dev.deskcc.api.host.ChangeStore;
import java.util.function.Supplier;

/**
 * Which change's {@link ChangeStores} the plugin calls made on this thread belong to. The desk
 * binds a change's stores around each stretch of work it does for that change on a thread (the
 * run in its transaction; after commit, the reactions and the answer), so every plugin context it
 * creates there gets the plugin's store of that change. Unbound, a context gets an empty store of
 * its own.
 */
public final class ChangeScope {
  private final ThreadLocal<ChangeStores> bound = new ThreadLocal<>();

  /** Runs {@code work} with {@code stores} bound on this thread; restores what was bound before. */
  public <R> R within(ChangeStores stores, Supplier<R> work) {
    ChangeStores before = bound.get();
    bound.set(stores);
    try {
      return work.get();
    } finally {
      if (before == null) {
        bound.remove();
      } else {
        bound.set(before);
      }
    }
  }

  /**
   * Runs {@code work}, which builds one answer outside a change (a ticket GET, say), with one fresh
   * store per plugin, so that the callbacks building it (access, fields, participants) work a
   * ticket's data out once; when a change's stores are bound already (the answer of a change), with
   * those.
   */
  public <R> R withinAnswer(Supplier<R> work) {
    return bound.get() != null ? work.get() : within(new ChangeStores(), work);
  }

  /** The plugin's store in the change bound on this thread, else an empty one-callback store. */
  public ChangeStore storeFor(String pluginId) {
    ChangeStores stores = bound.get();
    return stores == null ? ChangeStores.outsideAChange() : stores.of(pluginId);
  }
}
