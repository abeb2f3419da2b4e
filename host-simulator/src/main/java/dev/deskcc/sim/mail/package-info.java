/**
 * Mail, independent of the desk: parsing inbound MIME into {@link dev.deskcc.sim.mail.ParsedMail},
 * rendering outbox messages ({@link dev.deskcc.sim.mail.OutgoingMail}) as MIME, message ids, and
 * delivery of the outbox to a mail gateway. Uses only the plugin API's model; nothing of the
 * simulator's other packages.
 */
package dev.deskcc.sim.mail;
