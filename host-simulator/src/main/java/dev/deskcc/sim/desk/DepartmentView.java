package dev.deskcc.sim.desk;

import java.util.List;

/**
 * A department as a UI needs it: the ticket fields its tickets have beyond the host's own, with
 * their definitions (for a contact: only those visible to contacts).
 */
public record DepartmentView(String id, String name, boolean helpCenter, List<LayoutFieldView> fields) {}
