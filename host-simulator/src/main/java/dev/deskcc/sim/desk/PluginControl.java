package dev.deskcc.sim.desk;

import dev.deskcc.sim.PluginStatus;
import dev.deskcc.sim.plugins.DeclaredRefusal;
import dev.deskcc.sim.plugins.PluginCall;
import dev.deskcc.sim.plugins.PluginHost;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** The plugins as the simulator and admins see them: states, the call trace, stop and start. */
final class PluginControl {
  private final PluginHost plugins;

  PluginControl(PluginHost plugins) {
    this.plugins = plugins;
  }

  PluginList list(Caller caller) {
    Access.requireAdmin(caller);
    return new PluginList(plugins.statuses());
  }

  List<PluginStatus> statuses() {
    return plugins.statuses();
  }

  List<DeclaredRefusal> declaredRefusals() {
    return plugins.declaredRefusals();
  }

  List<PluginCall> trace() {
    return plugins.trace();
  }

  PluginStatus stop(String pluginId) {
    return known(pluginId, plugins::stop);
  }

  PluginStatus start(String pluginId) {
    return known(pluginId, plugins::start);
  }

  private static PluginStatus known(String pluginId, Function<String, PluginStatus> action) {
    try {
      return action.apply(pluginId);
    } catch (NoSuchElementException e) {
      throw DeskException.notFound("no plugin " + pluginId);
    }
  }
}
