/**
 * The desk's operations, internal to the desk, one class per feature, each called by the {@link
 * dev.deskcc.sim.desk.Desk} method of the same name: ticket creation, details, replies, comments,
 * merges, ratings, restrictions, inbound mail ({@link
 * dev.deskcc.sim.desk.internal.operation.MailIntake} with {@link
 * dev.deskcc.sim.desk.internal.operation.MailRouting}), the reads (tickets, contacts, outbox) and
 * department setup. Each write runs as one change of the engine in {@code desk.internal.change};
 * {@link dev.deskcc.sim.desk.internal.operation.DeskParts} is what they share, {@link
 * dev.deskcc.sim.desk.internal.operation.Views} renders the contract's view records.
 *
 * <p>May use the change engine, the extension points' host side, the desk's contract, the store
 * and the mail values.
 */
package dev.deskcc.sim.desk.internal.operation;
