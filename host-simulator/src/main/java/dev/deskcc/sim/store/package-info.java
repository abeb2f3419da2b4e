/**
 * Where the desk's world is kept: the {@link dev.deskcc.sim.store.Store} with its reads ({@link
 * dev.deskcc.sim.store.StoreReader}) and transactions ({@link dev.deskcc.sim.store.StoreTx}), the
 * in-memory store, and {@link dev.deskcc.sim.store.Stores}, which chooses one. Holds the plugin
 * API's model values and the outbox; knows nothing of the desk, HTTP or plugins.
 */
package dev.deskcc.sim.store;
