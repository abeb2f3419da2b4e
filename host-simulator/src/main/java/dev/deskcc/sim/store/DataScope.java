package dev.deskcc.sim.store;

/** What a piece of plugin data belongs to. */
public enum DataScope {
  TICKET,
  DEPARTMENT
}
