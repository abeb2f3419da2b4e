package dev.deskcc.sim.plugins;

/** {@link PluginIsolationCases} with plugin calls on the caller's thread under the watchdog (the default). */
class PluginIsolationTest extends PluginIsolationCases {
  @Override
  PluginCallMode mode() {
    return PluginCallMode.INLINE;
  }
}
