package dev.deskcc.sim.desk;

import jakarta.annotation.Nullable;
import dev.deskcc.api.model.RatingValue;
import java.time.Instant;

/** A rating as the contract shows it. */
public record RatingView(String id, RatingValue rating, @Nullable String comment, RaterView rater, Instant at) {}
