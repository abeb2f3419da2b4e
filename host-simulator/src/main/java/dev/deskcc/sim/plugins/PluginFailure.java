package dev.deskcc.sim.plugins;

/**
 * A plugin call threw or did not return in time. The message names the plugin and never holds
 * the plugin's stack trace.
 */
public final class PluginFailure extends RuntimeException {
  private final String pluginId;
  private final boolean timedOut;

  public PluginFailure(String pluginId, String message, boolean timedOut, Throwable cause) {
    super(message, cause);
    this.pluginId = pluginId;
    this.timedOut = timedOut;
  }

  public String pluginId() {
    return pluginId;
  }

  public boolean timedOut() {
    return timedOut;
  }
}
