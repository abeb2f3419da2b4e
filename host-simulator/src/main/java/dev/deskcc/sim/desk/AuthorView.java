package dev.deskcc.sim.desk;

import jakarta.annotation.Nullable;
import dev.deskcc.api.model.ActorType;

/**
 * Who wrote a thread entry or made a change; {@code email} may be {@code null}, and so may {@code
 * id} for the desk itself ({@code SYSTEM}: a delivery report's bounce, say).
 */
public record AuthorView(ActorType type, @Nullable String id, @Nullable String email) {}
