/**
 * The deskcc platform SPI: what a plugin may implement and what it may call.
 *
 * <p>A plugin implements one small extension point per capability, each an {@link
 * org.pf4j.ExtensionPoint} annotated in the plugin with {@code @Extension}:
 *
 * <ul>
 *   <li>{@link dev.deskcc.api.lifecycle.TicketChangeCheck} — check a ticket change before it is
 *       committed, refuse it or add to it (plugin data, contacts, history);
 *   <li>{@link dev.deskcc.api.lifecycle.TicketChangeReaction} — react after a change committed;
 *   <li>{@link dev.deskcc.api.field.FieldContributor} — contribute ticket fields and layout fields;
 *   <li>{@link dev.deskcc.api.notify.RecipientContributor} — add or withhold recipients of outbound
 *       mail;
 *   <li>{@link dev.deskcc.api.access.HelpCenterAccess} — grant a contact help-center access;
 *   <li>{@link dev.deskcc.api.participant.TicketParticipants} — name a ticket's participants
 *       (since 1.2);
 *   <li>{@link dev.deskcc.api.settings.PluginSettings} — describe and validate per-department
 *       settings;
 *   <li>{@link dev.deskcc.api.error.RefusalCodes} — declare the refusal codes a plugin may answer
 *       with, for the host's API reference (since 1.2).
 * </ul>
 *
 * <p>Every callback receives one {@link dev.deskcc.api.host.PluginContext}: the host services a
 * plugin may call. Extension instances are created once per plugin start and called from many
 * request threads at once; they must keep no mutable state in fields (state lives in the host's
 * plugin data and settings).
 *
 * <p>The SPI version is {@link dev.deskcc.api.PlatformVersion#CURRENT}; a plugin's {@code
 * Plugin-Requires} manifest entry is checked against it.
 */
package dev.deskcc.api;
