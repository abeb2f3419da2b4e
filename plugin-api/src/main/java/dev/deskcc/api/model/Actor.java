package dev.deskcc.api.model;

import java.util.Objects;

/**
 * The person (or the system) behind a change.
 *
 * @param id the agent's or contact's id; {@code null} only for {@link ActorType#SYSTEM}
 */
public record Actor(ActorType type, String id) {
  /** Checks the components: a required one that is {@code null} is refused, lists are copied (immutable). */
  public Actor {
    Objects.requireNonNull(type, "type");
    if (type != ActorType.SYSTEM) {
      Objects.requireNonNull(id, "id");
    }
  }

  /** The agent with this id. */
  public static Actor agent(String id) {
    return new Actor(ActorType.AGENT, id);
  }

  /** The contact with this id. */
  public static Actor contact(String id) {
    return new Actor(ActorType.CONTACT, id);
  }

  /** The host itself. */
  public static Actor system() {
    return new Actor(ActorType.SYSTEM, null);
  }

  /** Whether an agent (an admin included) acted. */
  public boolean isAgent() {
    return type == ActorType.AGENT;
  }

  /** Whether a contact acted. */
  public boolean isContact() {
    return type == ActorType.CONTACT;
  }
}
