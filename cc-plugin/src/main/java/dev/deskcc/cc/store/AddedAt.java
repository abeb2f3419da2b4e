package dev.deskcc.cc.store;

import dev.deskcc.api.host.PluginContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** When a CC is added: the host's time, to the millisecond (ISO-8601 UTC when written). */
public final class AddedAt {

  private AddedAt() {}

  /** The host's time now, to the millisecond. */
  public static Instant now(PluginContext context) {
    return context.clock().instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
