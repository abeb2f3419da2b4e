package dev.deskcc.sim.plugins;

import java.time.Instant;

/**
 * One call of a plugin extension, as the host's trace keeps it.
 *
 * @param extensionPoint the SPI interface's simple name, e.g. {@code TicketChangeCheck}
 * @param phase {@code CHECK}, {@code RECIPIENTS}, {@code REACT}, {@code FIELDS}, {@code ACCESS},
 *     {@code SETTINGS}
 * @param eventType the lifecycle event's simple name, or {@code null}
 * @param outcome {@code OK}, {@code REFUSED}, {@code FAILED} or {@code TIMED_OUT}
 */
public record PluginCall(
    Instant at, String pluginId, String extensionPoint, String phase, String eventType, String outcome) {}
