package dev.deskcc.sim.plugins;

/** {@link PluginIsolationCases} with plugin calls on worker threads ({@code --plugin-calls thread}). */
class PluginIsolationThreadModeTest extends PluginIsolationCases {
  @Override
  PluginCallMode mode() {
    return PluginCallMode.THREAD;
  }
}
