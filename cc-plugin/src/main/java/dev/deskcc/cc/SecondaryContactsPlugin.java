package dev.deskcc.cc;

import org.pf4j.Plugin;

/**
 * The {@code secondary-contacts} plugin: secondary contacts (CC) on tickets.
 *
 * <p>Everything the plugin does lives in its {@code @Extension}s; this class only marks the
 * plugin's life. It holds no state: CC lists live in the host's plugin data, settings in the
 * host's per-department settings.
 */
public final class SecondaryContactsPlugin extends Plugin {

  /** The plugin id, as the jar's manifest declares it. */
  public static final String ID = "secondary-contacts";

  @Override
  public void start() {
    log.info("{} started", ID);
  }

  @Override
  public void stop() {
    log.info("{} stopped", ID);
  }
}
