package dev.deskcc.sim.plugins;

import dev.deskcc.api.PlatformVersion;
import dev.deskcc.api.access.HelpCenterAccess;
import dev.deskcc.api.error.RefusalCodes;
import dev.deskcc.api.field.FieldContributor;
import dev.deskcc.api.lifecycle.TicketChangeCheck;
import dev.deskcc.api.lifecycle.TicketChangeReaction;
import dev.deskcc.api.notify.RecipientContributor;
import dev.deskcc.api.participant.TicketParticipants;
import dev.deskcc.api.settings.PluginSettings;
import dev.deskcc.sim.PluginStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PF4J side of the host: loads plugin jars and zips from one folder (never from the
 * classpath), starts and stops them, hands out the extensions of started plugins only, and runs
 * every plugin call with a time-out ({@link PluginCallMode}: on the caller's thread under a
 * watchdog, or on a worker thread), keeping a bounded trace of the calls.
 */
public final class PluginHost implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
  private static final List<Class<?>> EXTENSION_POINTS = List.of(
      TicketChangeCheck.class, TicketChangeReaction.class, FieldContributor.class,
      RecipientContributor.class, HelpCenterAccess.class, PluginSettings.class, TicketParticipants.class,
      RefusalCodes.class);

  private final Path pluginsDir;
  private final Duration callTimeout;
  private final Clock clock;
  private final PluginTrace trace = new PluginTrace(2000);
  private final Map<String, Map<Class<?>, List<Object>>> started = new ConcurrentHashMap<>();
  private final Map<String, PluginStatus> unloadable = new LinkedHashMap<>();
  private final PluginCallMode callMode;
  private final PluginCallRunner runner;
  /** The started plugins' extensions by point, plugins in id order; rebuilt when one starts or stops. */
  private volatile Map<Class<?>, List<PluginExtension<?>>> byPoint = Map.of();
  private PluginManager manager;

  /**
   * Plugin calls run {@link PluginCallMode#INLINE}.
   *
   * @param pluginsDir the folder to load from; {@code null} for none (a plain help desk)
   */
  public PluginHost(Path pluginsDir, Duration callTimeout, Clock clock) {
    this(pluginsDir, callTimeout, clock, PluginCallMode.INLINE);
  }

  /**
   * @param pluginsDir the folder to load from; {@code null} for none (a plain help desk)
   * @param callMode on which thread plugin calls run
   */
  public PluginHost(Path pluginsDir, Duration callTimeout, Clock clock, PluginCallMode callMode) {
    this.pluginsDir = pluginsDir;
    this.callTimeout = callTimeout;
    this.clock = clock;
    this.callMode = Objects.requireNonNull(callMode, "callMode");
    this.runner = switch (callMode) {
      case INLINE -> new InlineCallRunner(callTimeout);
      case THREAD -> new ThreadCallRunner(callTimeout);
    };
  }

  /** On which thread plugin calls run. */
  public PluginCallMode callMode() {
    return callMode;
  }

  /** Loads and starts every plugin of the folder; problems are logged and listed, never thrown. */
  public synchronized void loadAndStart() {
    if (pluginsDir == null || !Files.isDirectory(pluginsDir)) {
      if (pluginsDir != null) {
        LOG.warn("plugins folder {} does not exist; running without plugins", pluginsDir);
      }
      return;
    }
    DefaultPluginManager pm = new DefaultPluginManager(pluginsDir);
    pm.setSystemVersion(PlatformVersion.CURRENT);
    manager = pm;
    try {
      pm.loadPlugins();
    } catch (RuntimeException e) {
      LOG.error("loading plugins from {} failed: {}", pluginsDir, e.toString());
    }
    noteUnloadable(pm);
    for (PluginWrapper w : sorted(pm.getPlugins())) {
      if (w.getPluginState() == PluginState.RESOLVED) {
        startOne(w.getPluginId());
      } else {
        LOG.warn("plugin {} not started: {}", w.getPluginId(), reason(w));
      }
    }
  }

  private void noteUnloadable(PluginManager pm) {
    Set<String> loaded = new HashSet<>();
    Map<String, String> loadedFrom = new HashMap<>();
    for (PluginWrapper w : pm.getPlugins()) {
      loaded.add(baseName(w.getPluginPath().getFileName().toString()));
      loadedFrom.put(w.getPluginId(), w.getPluginPath().getFileName().toString());
    }
    try (Stream<Path> files = Files.list(pluginsDir)) {
      files.filter(p -> {
            String name = p.getFileName().toString();
            return name.endsWith(".jar") || name.endsWith(".zip");
          })
          .filter(p -> !loaded.contains(baseName(p.getFileName().toString())))
          .sorted()
          .forEach(p -> {
            String name = p.getFileName().toString();
            String id = PluginIds.declaredId(p).orElse(null);
            if (id != null && loadedFrom.containsKey(id)) {
              // PF4J refuses a second jar with a loaded id; say so instead of blaming the archive
              String reason = "duplicate plugin id " + id + ": already loaded from " + loadedFrom.get(id) + "; remove one";
              LOG.error("plugin file {}: {}", name, reason);
              unloadable.put(name, new PluginStatus(id, null, PluginState.FAILED.name(), reason));
              return;
            }
            LOG.error("plugin file {} could not be loaded (bad descriptor or archive)", name);
            unloadable.put(name, new PluginStatus(baseName(name), null, PluginState.FAILED.name(),
                "could not be loaded from " + name));
          });
    } catch (IOException e) {
      LOG.error("cannot list {}: {}", pluginsDir, e.toString());
    }
  }

  private static String baseName(String fileName) {
    return fileName.replaceFirst("\\.(jar|zip)$", "");
  }

  private static List<PluginWrapper> sorted(List<PluginWrapper> plugins) {
    List<PluginWrapper> copy = new ArrayList<>(plugins);
    copy.sort(Comparator.comparing(PluginWrapper::getPluginId));
    return copy;
  }

  private String reason(PluginWrapper w) {
    return switch (w.getPluginState()) {
      case STARTED -> null;
      case DISABLED -> "disabled: Plugin-Requires '" + w.getDescriptor().getRequires()
          + "' does not match platform " + PlatformVersion.CURRENT + " (or the plugin is invalid)";
      case FAILED -> "failed: " + (w.getFailedException() == null ? "unknown" : w.getFailedException().toString());
      case STOPPED -> "stopped";
      default -> w.getPluginState().name().toLowerCase();
    };
  }

  /** Every plugin found, by id. */
  public synchronized List<PluginStatus> statuses() {
    List<PluginStatus> all = new ArrayList<>();
    if (manager != null) {
      for (PluginWrapper w : sorted(manager.getPlugins())) {
        all.add(new PluginStatus(w.getPluginId(), w.getDescriptor().getVersion(),
            w.getPluginState().name(), reason(w)));
      }
    }
    all.addAll(unloadable.values());
    return List.copyOf(all);
  }

  public synchronized Optional<PluginStatus> status(String pluginId) {
    return statuses().stream().filter(s -> s.id().equals(pluginId)).findFirst();
  }

  /** Whether a plugin with this id was loaded (started or not). */
  public synchronized boolean knows(String pluginId) {
    return manager != null && manager.getPlugin(pluginId) != null;
  }

  /** Stops a started plugin; its extensions are no longer called. */
  public synchronized PluginStatus stop(String pluginId) {
    PluginWrapper w = wrapper(pluginId);
    started.remove(pluginId);
    index();
    if (w.getPluginState() == PluginState.STARTED) {
      manager.stopPlugin(pluginId);
    }
    return status(pluginId).orElseThrow();
  }

  /** Starts a loaded plugin again (a no-op when started). */
  public synchronized PluginStatus start(String pluginId) {
    wrapper(pluginId);
    startOne(pluginId);
    return status(pluginId).orElseThrow();
  }

  private PluginWrapper wrapper(String pluginId) {
    PluginWrapper w = manager == null ? null : manager.getPlugin(pluginId);
    if (w == null) {
      throw new NoSuchElementException("no plugin " + pluginId);
    }
    return w;
  }

  private void startOne(String pluginId) {
    try {
      PluginState state = manager.startPlugin(pluginId);
      if (state != PluginState.STARTED) {
        LOG.warn("plugin {} did not start: {}", pluginId, reason(manager.getPlugin(pluginId)));
        return;
      }
      Map<Class<?>, List<Object>> byPoint = new LinkedHashMap<>();
      for (Class<?> point : EXTENSION_POINTS) {
        byPoint.put(point, List.copyOf(manager.getExtensions(point, pluginId)));
      }
      started.put(pluginId, byPoint);
      index();
      LOG.info("plugin {} started", pluginId);
    } catch (RuntimeException e) {
      LOG.error("plugin {} failed to start: {}", pluginId, e.toString());
      PluginWrapper w = manager.getPlugin(pluginId);
      if (w != null) {
        w.setPluginState(PluginState.FAILED);
        w.setFailedException(e);
      }
    }
  }

  /** Rebuilds the extension index after a plugin started or stopped (the hot path only reads it). */
  private void index() {
    Map<Class<?>, List<PluginExtension<?>>> index = new LinkedHashMap<>();
    for (Class<?> point : EXTENSION_POINTS) {
      List<PluginExtension<?>> list = new ArrayList<>();
      started.keySet().stream().sorted().forEach(id -> {
        for (Object e : started.get(id).getOrDefault(point, List.of())) {
          list.add(extensionOf(id, point, e));
        }
      });
      index.put(point, List.copyOf(list));
    }
    byPoint = Map.copyOf(index);
  }

  private static <T> PluginExtension<T> extensionOf(String pluginId, Class<T> point, Object extension) {
    return new PluginExtension<>(pluginId, point, point.cast(extension));
  }

  /** The extensions of one type of every started plugin, plugins in id order. */
  @SuppressWarnings("unchecked")
  public <T> List<PluginExtension<T>> extensions(Class<T> type) {
    List<PluginExtension<?>> list = byPoint.get(type);
    if (list == null) {
      return List.of();
    }
    // the index holds PluginExtension<type> under type only
    return (List<PluginExtension<T>>) (List<?>) list;
  }

  /**
   * The refusal codes the started plugins declare ({@link RefusalCodes}), plugins in id order. A
   * plugin whose declaration throws or breaks the contract is left out and logged: the reference
   * then lacks its codes, which is no reason to fail the request that asked for it.
   */
  public List<DeclaredRefusal> declaredRefusals() {
    List<DeclaredRefusal> out = new ArrayList<>();
    for (PluginExtension<RefusalCodes> ext : extensions(RefusalCodes.class)) {
      try {
        List<dev.deskcc.api.error.RefusalCode> codes = List.copyOf(ext.extension().refusalCodes());
        codes.forEach(code -> out.add(new DeclaredRefusal(ext.pluginId(), code)));
      } catch (RuntimeException e) {
        LOG.warn("plugin {}: its refusal codes could not be read: {}", ext.pluginId(), e.toString());
      }
    }
    return List.copyOf(out);
  }

  /** The first extension of this type of one started plugin. */
  public <T> Optional<PluginExtension<T>> extension(String pluginId, Class<T> type) {
    for (PluginExtension<T> e : extensions(type)) {
      if (e.pluginId().equals(pluginId)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** Ids of the started plugins, in order. */
  public List<String> startedIds() {
    return started.keySet().stream().sorted().toList();
  }

  /**
   * Calls a plugin, bounded by the host's time-out.
   *
   * @throws PluginFailure when the plugin throws or does not return in time
   */
  public <T, R> R call(PluginExtension<T> ext, String phase, String eventType, Function<T, R> fn) {
    return call(ext, phase, eventType, fn, () -> {});
  }

  /**
   * Calls a plugin, bounded by the host's time-out.
   *
   * @param onTimeOut run once if the call overruns, possibly on another thread while the plugin
   *     still runs (invalidate the call's context here, so the plugin's next host call throws)
   * @throws PluginFailure when the plugin throws or does not return in time
   */
  public <T, R> R call(PluginExtension<T> ext, String phase, String eventType, Function<T, R> fn,
      Runnable onTimeOut) {
    String point = ext.point().getSimpleName();
    try {
      R result = runner.run(() -> fn.apply(ext.extension()), () -> {
        onTimeOut.run();
        trace.add(new PluginCall(clock.instant(), ext.pluginId(), point, phase, eventType, "TIMED_OUT"));
        LOG.warn("plugin {} did not answer {} within {} ms; {}", ext.pluginId(), point, callTimeout.toMillis(),
            callMode == PluginCallMode.INLINE ? "interrupting it" : "its worker thread is interrupted");
      });
      trace.add(new PluginCall(clock.instant(), ext.pluginId(), point, phase, eventType, "OK"));
      return result;
    } catch (PluginCallRunner.TimedOut e) {
      throw new PluginFailure(ext.pluginId(), "plugin '" + ext.pluginId() + "' did not answer "
          + point + " within " + callTimeout.toMillis() + " ms", true, null);
    } catch (PluginCallRunner.Failed e) {
      trace.add(new PluginCall(clock.instant(), ext.pluginId(), point, phase, eventType, "FAILED"));
      Throwable cause = e.getCause();
      throw new PluginFailure(ext.pluginId(), "plugin '" + ext.pluginId() + "' failed in " + point
          + ": " + cause.getClass().getSimpleName(), false, cause);
    } catch (PluginCallRunner.Interrupted e) {
      throw new PluginFailure(ext.pluginId(), "interrupted while calling plugin '" + ext.pluginId() + "'", false,
          e.getCause());
    }
  }

  /** Marks the last traced call of a plugin as refused (a check that returned a refusal). */
  public void traceRefusal(String pluginId, String point, String phase, String eventType) {
    trace.add(new PluginCall(clock.instant(), pluginId, point, phase, eventType, "REFUSED"));
  }

  /** The recorded plugin calls, oldest first. */
  public List<PluginCall> trace() {
    return trace.snapshot();
  }

  public void clearTrace() {
    trace.clear();
  }

  /** Stops plugins one by one (PF4J 3.15's stopPlugins() fails once a plugin started), idempotent. */
  @Override
  public synchronized void close() {
    if (manager != null) {
      for (PluginWrapper w : new ArrayList<>(manager.getStartedPlugins())) {
        try {
          manager.stopPlugin(w.getPluginId());
        } catch (RuntimeException e) {
          LOG.warn("stopping plugin {} failed: {}", w.getPluginId(), e.toString());
        }
      }
      try {
        manager.unloadPlugins();
      } catch (RuntimeException e) {
        LOG.warn("unloading plugins failed: {}", e.toString());
      }
      manager = null;
    }
    started.clear();
    index();
    runner.close();
  }
}
