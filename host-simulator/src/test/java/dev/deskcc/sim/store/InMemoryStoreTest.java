package dev.deskcc.sim.store;

/** The store contract in memory. */
class InMemoryStoreTest extends StoreContract {
  @Override
  Store newStore() {
    return new InMemoryStore();
  }
}
