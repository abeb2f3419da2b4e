/**
 * Who takes part in a ticket's conversation besides the people the host knows itself.
 *
 * @since 1.2
 */
package dev.deskcc.api.participant;
