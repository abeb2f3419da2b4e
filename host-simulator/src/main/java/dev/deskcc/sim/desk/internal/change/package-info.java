/**
 * The change engine, internal to the desk: how one change runs. {@link
 * dev.deskcc.sim.desk.internal.change.Lifecycle} opens the transaction (queued by {@link
 * dev.deskcc.sim.desk.internal.change.ChangeQueue} on a single-writer store, retried on conflicts),
 * lets the operation apply the host's part, runs every started plugin's check, and after the
 * commit their reactions; a batch (a fixture load) is one change whose steps join it. {@link
 * dev.deskcc.sim.desk.internal.change.Change} is one change in the making; {@link
 * dev.deskcc.sim.desk.internal.change.PluginCalls} calls plugins for a change; {@link
 * dev.deskcc.sim.desk.internal.change.TicketChanges} the steps every ticket change shares; {@link
 * dev.deskcc.sim.desk.internal.change.Notifier} and {@link
 * dev.deskcc.sim.desk.internal.change.RecipientLists} the recipients and the outbox messages.
 *
 * <p>May use the desk's contract, the store, the mail values and the plugin host; knows no
 * operation and no extension point's host side (those use it).
 */
package dev.deskcc.sim.desk.internal.change;
