package dev.deskcc.cc.store;

import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.ActorType;
import java.util.Objects;

/**
 * Who added a CC.
 *
 * @param id the agent's or contact's id; {@code null} for {@link ActorType#SYSTEM}
 */
public record AddedBy(ActorType type, String id) {
  public AddedBy {
    Objects.requireNonNull(type, "type");
  }

  public static AddedBy of(Actor actor) {
    return new AddedBy(actor.type(), actor.id());
  }
}
