package dev.deskcc.api.model;

/**
 * Kind of a thread entry.
 *
 * @since 1.0
 */
public enum EntryKind {
  /** An outgoing reply (agent) or a help-center reply (contact). */
  REPLY,
  /** A message that arrived by mail. */
  INBOUND,
  /** A comment, public or private. */
  COMMENT
}
