package dev.deskcc.sim.desk;

import java.util.List;

/** A ticket's ratings. */
public record RatingList(List<RatingView> ratings) {}
