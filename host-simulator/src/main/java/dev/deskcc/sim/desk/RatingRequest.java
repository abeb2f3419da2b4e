package dev.deskcc.sim.desk;

import dev.deskcc.api.model.RatingValue;

/** A happiness rating; {@code comment} may be {@code null}. */
public record RatingRequest(RatingValue rating, String comment) {}
