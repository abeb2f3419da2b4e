/**
 * The web console: static HTML, CSS and JavaScript modules served from the jar at {@code /}, and
 * the few generic read routes it needs. The console calls the public HTTP API with the signed-in
 * user's token, so it can never do what the API would refuse.
 */
package dev.deskcc.sim.console;
