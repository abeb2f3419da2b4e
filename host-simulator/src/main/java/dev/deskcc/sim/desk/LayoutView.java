package dev.deskcc.sim.desk;

import java.util.List;

/** A department's ticket layout. */
public record LayoutView(List<LayoutFieldView> fields) {}
