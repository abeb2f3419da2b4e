/**
 * The help desk's contract in Java: {@link dev.deskcc.sim.desk.Desk}, the facade with one method
 * per operation of the HTTP contract, and what its methods take and give: the callers ({@link
 * dev.deskcc.sim.desk.Caller}, {@link dev.deskcc.sim.desk.CallerRole}), request records
 * ({@code *Request}), view records ({@code *View}, {@code *List}, whose JSON is the contract's),
 * results ({@link dev.deskcc.sim.desk.InboundResult}, {@link dev.deskcc.sim.desk.FixtureResult},
 * {@link dev.deskcc.sim.desk.DroppedMail}), the refusal {@link dev.deskcc.sim.desk.DeskException}
 * with the host's stable codes ({@link dev.deskcc.sim.desk.ProblemCode}, which own their HTTP
 * status), and {@link dev.deskcc.sim.desk.WorldBuilder} for replacing the world in one change.
 *
 * <p>Everything else of the desk lives in {@code desk.internal.*}: the rest of the simulator (HTTP,
 * fixtures, console, command line) uses only this package. It may use the store, mail and plugin
 * host packages, never the HTTP layer.
 */
package dev.deskcc.sim.desk;
