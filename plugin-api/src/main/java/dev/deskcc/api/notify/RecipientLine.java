package dev.deskcc.api.notify;

/** Which header of the message a recipient goes in. */
public enum RecipientLine {
  TO,
  CC
}
