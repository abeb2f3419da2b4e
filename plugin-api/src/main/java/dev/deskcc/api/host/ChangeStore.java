package dev.deskcc.api.host;

import java.util.Optional;
import java.util.function.Function;

/**
 * What one plugin has worked out during one change, for its later callbacks of the same change
 * (modelled on JUnit's {@code ExtensionContext.Store}): a check that decoded and screened its
 * data leaves the result here, and the plugin's recipient contribution, field rendering and
 * reactions of the same change read it instead of rebuilding it.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>One store per plugin per change; a plugin never sees another plugin's store.
 *   <li>It lives from the first check of a change to the rendering of that change's answer: the
 *       plugin's {@code TicketChangeCheck}, {@code RecipientContributor}, {@code FieldContributor}
 *       and {@code TicketChangeReaction} calls of the same change see the same store.
 *   <li>When the host runs a change again after losing a race with another change, the store of
 *       the lost run is discarded: the new run starts empty. Nothing in it is ever committed.
 *   <li>Outside a change, the callbacks that build one answer from stored data (a ticket GET:
 *       help-center access, fields, participants) share one store, empty at first and discarded
 *       with the answer; a callback of no answer gets an empty store of its own. Nothing is ever
 *       written there, so code that falls back to stored data works unchanged.
 *   <li>Confined to the change's callbacks: the host may call a plugin on a worker thread, but
 *       never on two threads at once for one change. Do not keep the store past the callback.
 * </ul>
 *
 * <p>Keys are the plugin's own names; values must not be {@code null}.
 *
 * @since 1.3
 */
public interface ChangeStore {

  /**
   * The value stored under {@code key}, if any.
   *
   * @throws ClassCastException if the value stored there is not a {@code type}
   * @since 1.3
   */
  <V> Optional<V> get(String key, Class<V> type);

  /**
   * The value stored under {@code key}, computed by {@code compute} and stored first if there is
   * none. {@code compute} must not return {@code null}.
   *
   * @throws ClassCastException if the value stored there is not a {@code type}
   * @since 1.3
   */
  <V> V getOrCompute(String key, Function<String, ? extends V> compute, Class<V> type);

  /**
   * Stores {@code value} under {@code key}, replacing what was there.
   *
   * @since 1.3
   */
  void put(String key, Object value);

  /**
   * Removes what is stored under {@code key}; returns it, if there was something.
   *
   * @since 1.3
   */
  Optional<Object> remove(String key);
}
