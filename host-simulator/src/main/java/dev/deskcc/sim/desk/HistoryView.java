package dev.deskcc.sim.desk;

import java.util.List;

/** A ticket's audit log. */
public record HistoryView(List<HistoryEntryView> events) {}
