package dev.deskcc.sim.desk;

/** A layout field; {@code plugin} is {@code null} for the host's own fields. */
public record LayoutFieldView(String name, String label, boolean locked, String plugin) {}
