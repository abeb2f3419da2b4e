package dev.deskcc.sim.desk;

import java.util.List;

/** The departments a caller works in (agents) or may submit to (help-center users). */
public record DepartmentList(List<DepartmentView> departments) {}
