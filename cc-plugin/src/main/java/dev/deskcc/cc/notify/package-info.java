/** Who of the CCs receives the mail the desk sends about a ticket. */
package dev.deskcc.cc.notify;
