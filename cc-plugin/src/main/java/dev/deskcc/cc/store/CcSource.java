package dev.deskcc.cc.store;

/** How a CC came onto a ticket. */
public enum CcSource {
  /** An agent, creating the ticket or editing the CC field in ticket details. */
  AGENT,
  /** An agent's reply editor (its To or Cc). */
  REPLY,
  /** A contact, submitting or replying in the help center. */
  HELP_CENTER,
  /** A recipient of an incoming email (auto-add). */
  EMAIL,
  /** Carried over from another ticket by a merge. */
  MERGE
}
