package dev.deskcc.sim.desk;

import dev.deskcc.api.model.RatingValue;
import jakarta.annotation.Nonnull;

/** A happiness rating; {@code comment} may be {@code null}. */
public record RatingRequest(@Nonnull RatingValue rating, String comment) {}
