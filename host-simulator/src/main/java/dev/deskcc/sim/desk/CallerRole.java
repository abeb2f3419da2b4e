package dev.deskcc.sim.desk;

/** What a caller may do: agents work tickets, admins also configure, contacts use the help center. */
public enum CallerRole {
  AGENT,
  ADMIN,
  CONTACT
}
