package dev.deskcc.sim.store;

import dev.deskcc.api.model.ActorType;
import java.util.Objects;

/** Who a bearer token belongs to: an agent or a contact. */
public record TokenOwner(ActorType type, String id) {
  public TokenOwner {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
  }
}
