package dev.deskcc.sim.desk;

import jakarta.annotation.Nonnull;
import java.util.List;

/** A department layout: field names in order. */
public record LayoutRequest(@Nonnull List<String> fields) {}
