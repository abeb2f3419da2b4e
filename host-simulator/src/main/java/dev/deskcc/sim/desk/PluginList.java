package dev.deskcc.sim.desk;

import dev.deskcc.sim.PluginStatus;
import java.util.List;

/** Plugins the host found. */
public record PluginList(List<PluginStatus> plugins) {}
