package dev.deskcc.sim.desk;

import dev.deskcc.api.model.Actor;
import java.util.Objects;

/** Who is calling the desk, resolved from a bearer token. {@code id} is the agent's or contact's id. */
public record Caller(CallerRole role, String id) {
  public Caller {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(id, "id");
  }

  public boolean isAgent() {
    return role != CallerRole.CONTACT;
  }

  public boolean isAdmin() {
    return role == CallerRole.ADMIN;
  }

  public boolean isContact() {
    return role == CallerRole.CONTACT;
  }

  public Actor actor() {
    return isContact() ? Actor.contact(id) : Actor.agent(id);
  }
}
