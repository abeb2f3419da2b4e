package dev.deskcc.sim.desk;

import java.util.List;

/** The started plugins that have settings for a department. */
public record DepartmentPluginList(List<DepartmentPluginView> plugins) {}
