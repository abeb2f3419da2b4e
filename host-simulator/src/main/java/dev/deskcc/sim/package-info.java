/**
 * The simulator as one object: {@link dev.deskcc.sim.Simulator} wires a store, the plugin host, the
 * {@link dev.deskcc.sim.desk.Desk desk}, mail delivery and the HTTP API, and loads the start
 * fixture. Its subpackages are the parts; this package is the only one that knows all of them
 * (besides {@code cli}, which starts it).
 */
package dev.deskcc.sim;
