package dev.deskcc.api.model;

/** Who did something. */
public enum ActorType {
  AGENT,
  CONTACT,
  SYSTEM
}
