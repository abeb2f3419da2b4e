package dev.deskcc.sim.desk;

import java.util.Map;

/** Ids of the keyed objects a fixture created, by key. */
public record FixtureResult(Map<String, String> ids) {}
