package dev.deskcc.sim.store;

/** Where an outbox message stands with the mail gateway. */
public enum DeliveryState {
  PENDING,
  DELIVERED,
  FAILED
}
