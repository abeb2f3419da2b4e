package dev.deskcc.api.model;

import java.util.Objects;

/**
 * The person (or the system) behind a change.
 *
 * @param id the agent's or contact's id; {@code null} only for {@link ActorType#SYSTEM}
 * @since 1.0
 */
public record Actor(ActorType type, String id) {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public Actor {
    Objects.requireNonNull(type, "type");
    if (type != ActorType.SYSTEM) {
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * The agent with this id.
   *
   * @since 1.0
   */
  public static Actor agent(String id) {
    return new Actor(ActorType.AGENT, id);
  }

  /**
   * The contact with this id.
   *
   * @since 1.0
   */
  public static Actor contact(String id) {
    return new Actor(ActorType.CONTACT, id);
  }

  /**
   * The host itself.
   *
   * @since 1.0
   */
  public static Actor system() {
    return new Actor(ActorType.SYSTEM, null);
  }

  /**
   * Whether an agent (an admin included) acted.
   *
   * @since 1.0
   */
  public boolean isAgent() {
    return type == ActorType.AGENT;
  }

  /**
   * Whether a contact acted.
   *
   * @since 1.0
   */
  public boolean isContact() {
    return type == ActorType.CONTACT;
  }
}
