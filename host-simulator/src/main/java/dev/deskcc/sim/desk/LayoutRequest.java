package dev.deskcc.sim.desk;

import java.util.List;

/** A department layout: field names in order. */
public record LayoutRequest(List<String> fields) {}
