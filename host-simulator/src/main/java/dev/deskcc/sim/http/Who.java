package dev.deskcc.sim.http;

/**
 * Who may call a route. {@link #SIM} routes are simulator control (no token, loopback callers
 * only), {@link #ANYONE} routes need no token; the others need a bearer token of that role (the
 * desk decides the finer rules, such as which tickets a contact may see).
 */
public enum Who {
  SIM,
  ANYONE,
  ADMIN,
  AGENT,
  CONTACT;

  /** True when the route resolves a bearer token before it runs. */
  boolean needsToken() {
    return this != SIM && this != ANYONE;
  }
}
