/**
 * The host side of the extension points, internal to the desk: the ticket fields plugins
 * contribute ({@link dev.deskcc.sim.desk.internal.extension.FieldCatalog}) and the layout of them
 * ({@link dev.deskcc.sim.desk.internal.extension.Layouts}), help-center access and the visibility
 * rule built on it ({@link dev.deskcc.sim.desk.internal.extension.HelpCenter}, {@link
 * dev.deskcc.sim.desk.internal.extension.Access}), plugin settings with their defaults and writes,
 * ticket participants, the descriptions a generic UI renders, and plugin control (list, stop,
 * start).
 *
 * <p>May use the change engine ({@code desk.internal.change}), the desk's contract, the store and
 * the plugin host; not the operations.
 */
package dev.deskcc.sim.desk.internal.extension;
