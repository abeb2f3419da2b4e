package dev.deskcc.sim.desk.internal.extension;

import dev.deskcc.sim.PluginStatus;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.PluginList;
import dev.deskcc.sim.plugins.DeclaredRefusal;
import dev.deskcc.sim.plugins.PluginCall;
import dev.deskcc.sim.plugins.PluginHost;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** The plugins as the simulator and admins see them: states, the call trace, stop and start. */
public final class PluginControl {
  private final PluginHost plugins;

  public PluginControl(PluginHost plugins) {
    this.plugins = plugins;
  }

  public PluginList list(Caller caller) {
    Access.requireAdmin(caller);
    return new PluginList(plugins.statuses());
  }

  public List<PluginStatus> statuses() {
    return plugins.statuses();
  }

  public List<DeclaredRefusal> declaredRefusals() {
    return plugins.declaredRefusals();
  }

  public List<PluginCall> trace() {
    return plugins.trace();
  }

  public PluginStatus stop(String pluginId) {
    return known(pluginId, plugins::stop);
  }

  public PluginStatus start(String pluginId) {
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
