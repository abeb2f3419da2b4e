package dev.deskcc.api.model;

import java.util.Objects;

/**
 * The person (or the system) behind a change.
 *
 * @param id the agent's or contact's id; {@code null} only for {@link ActorType#SYSTEM}
 */
public record Actor(ActorType type, String id) {
  public Actor {
    Objects.requireNonNull(type, "type");
    if (type != ActorType.SYSTEM) {
      Objects.requireNonNull(id, "id");
    }
  }

  public static Actor agent(String id) {
    return new Actor(ActorType.AGENT, id);
  }

  public static Actor contact(String id) {
    return new Actor(ActorType.CONTACT, id);
  }

  public static Actor system() {
    return new Actor(ActorType.SYSTEM, null);
  }

  public boolean isAgent() {
    return type == ActorType.AGENT;
  }

  public boolean isContact() {
    return type == ActorType.CONTACT;
  }
}
