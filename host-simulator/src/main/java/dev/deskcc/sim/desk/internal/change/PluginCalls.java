package dev.deskcc.sim.desk.internal.change;

import dev.deskcc.api.host.PluginContext;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.ProblemCode;
import dev.deskcc.sim.plugins.ChangeScope;
import dev.deskcc.sim.plugins.HostPluginContext;
import dev.deskcc.sim.plugins.PluginExtension;
import dev.deskcc.sim.plugins.PluginFailure;
import dev.deskcc.sim.plugins.PluginHost;
import dev.deskcc.sim.plugins.SettingsMemo;
import dev.deskcc.sim.plugins.SettingsSource;
import dev.deskcc.sim.store.StoreReader;
import java.time.Clock;
import java.util.function.BiFunction;

/**
 * Calls plugin extensions with a fresh context per call, turning failures into the desk's 500
 * {@code PLUGIN_FAILED} (the detail names the plugin, never a stack trace).
 */
public final class PluginCalls {
  private final PluginHost host;
  private final Clock clock;
  private final SettingsSource settings;
  private final ChangeScope changeScope = new ChangeScope();

  public PluginCalls(PluginHost host, Clock clock, SettingsSource settings) {
    this.host = host;
    this.clock = clock;
    this.settings = settings;
  }

  public PluginHost host() {
    return host;
  }

  /** Binds a change's plugin stores to the threads doing its work (see {@link Lifecycle}). */
  ChangeScope changeScope() {
    return changeScope;
  }

  /** Settings resolved once for a new change. */
  SettingsMemo settingsForChange() {
    return new SettingsMemo(settings);
  }

  /**
   * Whether the plugin is active in the department (no on/off switch, or its switch is on):
   * lifecycle, recipient, field and help-center calls go to active plugins only. Resolving the
   * switch may call the plugin's settings description once; its failure is a {@code
   * PLUGIN_FAILED} like any other plugin call's.
   */
  boolean active(String pluginId, String departmentId, StoreReader reader, SettingsSource source) {
    try {
      return source.active(reader, departmentId, pluginId);
    } catch (PluginFailure f) {
      throw new DeskException(ProblemCode.PLUGIN_FAILED, f.getMessage());
    }
  }

  /** As {@link #active(String, String, StoreReader, SettingsSource)}, resolved without a change. */
  public boolean active(String pluginId, String departmentId, StoreReader reader) {
    return active(pluginId, departmentId, reader, settings);
  }

  /** Whether the plugin is active in the department, as the change sees its settings. */
  public boolean active(String pluginId, String departmentId, Change change) {
    return active(pluginId, departmentId, change.tx(), change.settings());
  }

  /** A call with a read-only context. */
  public <T, R> R read(PluginExtension<T> ext, String phase, String eventType, StoreReader reader,
      BiFunction<T, PluginContext, R> fn) {
    return read(ext, phase, eventType, reader, settings, fn);
  }

  /** A read-only call that sees settings through {@code source} (a change's reactions). */
  public <T, R> R read(PluginExtension<T> ext, String phase, String eventType, StoreReader reader,
      SettingsSource source, BiFunction<T, PluginContext, R> fn) {
    HostPluginContext ctx = HostPluginContext.readOnly(ext.pluginId(), reader, clock, source,
        changeScope.storeFor(ext.pluginId()));
    return invoke(ext, phase, eventType, ctx, fn);
  }

  /** A call whose context writes into the change's transaction. */
  <T, R> R write(PluginExtension<T> ext, String phase, String eventType, Change change,
      BiFunction<T, PluginContext, R> fn) {
    HostPluginContext ctx = HostPluginContext.writable(ext.pluginId(), change.tx(), change.actor(), clock,
        change.settings(), changeScope.storeFor(ext.pluginId()), new PluginOutbox(change));
    return invoke(ext, phase, eventType, ctx, fn);
  }

  private <T, R> R invoke(PluginExtension<T> ext, String phase, String eventType, HostPluginContext ctx,
      BiFunction<T, PluginContext, R> fn) {
    try {
      // on time-out the context stops working at once, while an inline call may still be running
      R result = host.call(ext, phase, eventType, e -> fn.apply(e, ctx), ctx::invalidate);
      if (result == null) {
        throw new DeskException(ProblemCode.PLUGIN_FAILED, "plugin '" + ext.pluginId() + "' answered "
            + ext.point().getSimpleName() + " with null");
      }
      return result;
    } catch (PluginFailure f) {
      throw new DeskException(ProblemCode.PLUGIN_FAILED, f.getMessage());
    } finally {
      ctx.invalidate();
    }
  }
}
