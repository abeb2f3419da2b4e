/**
 * The command line: parses the launcher's options, checks the distribution's folders and plugins,
 * starts a {@link dev.deskcc.sim.Simulator} and prints the startup report. May use the simulator,
 * the store, plugin and fixture packages to configure it, and the desk's public contract; never
 * {@code desk.internal}.
 */
package dev.deskcc.sim.cli;
