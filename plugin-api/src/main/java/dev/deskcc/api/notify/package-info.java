/** Who receives the mail the desk sends about a ticket. */
package dev.deskcc.api.notify;
