/**
 * The PF4J plugin host: loads, starts and stops plugins ({@link dev.deskcc.sim.plugins.PluginHost}),
 * gives them their {@link dev.deskcc.api.host.PluginContext} over the store, runs their calls
 * inline or on a thread with a time limit, isolates their failures and records the call trace.
 * Knows the plugin API and the store, not the desk.
 */
package dev.deskcc.sim.plugins;
