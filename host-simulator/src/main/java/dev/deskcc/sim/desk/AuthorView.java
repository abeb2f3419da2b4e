package dev.deskcc.sim.desk;

import jakarta.annotation.Nullable;
import dev.deskcc.api.model.ActorType;

/** Who wrote a thread entry or made a change; {@code email} may be {@code null}. */
public record AuthorView(ActorType type, String id, @Nullable String email) {}
