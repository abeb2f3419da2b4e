/**
 * The ticket lifecycle: a closed set of {@link dev.deskcc.api.lifecycle.TicketEvent}s, checked
 * before commit by {@link dev.deskcc.api.lifecycle.TicketChangeCheck} and reacted to after commit
 * by {@link dev.deskcc.api.lifecycle.TicketChangeReaction}.
 *
 * <p>Order of one change: the host applies its own part inside a transaction; every started
 * plugin's checks run (plugins in id order); recipients are gathered; the whole is committed;
 * then reactions run. A refusal by any check rolls everything back.
 */
package dev.deskcc.api.lifecycle;
