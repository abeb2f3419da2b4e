package dev.deskcc.sim.plugins;

import dev.deskcc.api.PlatformVersion;
import dev.deskcc.api.access.HelpCenterAccess;
import dev.deskcc.api.field.FieldContributor;
import dev.deskcc.api.lifecycle.TicketChangeCheck;
import dev.deskcc.api.lifecycle.TicketChangeReaction;
import dev.deskcc.api.notify.RecipientContributor;
import dev.deskcc.api.settings.PluginSettings;
import dev.deskcc.sim.PluginStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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
 * every plugin call with a time-out, keeping a bounded trace of the calls.
 */
public final class PluginHost implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
  private static final List<Class<?>> EXTENSION_POINTS = List.of(
      TicketChangeCheck.class, TicketChangeReaction.class, FieldContributor.class,
      RecipientContributor.class, HelpCenterAccess.class, PluginSettings.class);

  private final Path pluginsDir;
  private final Duration callTimeout;
  private final Clock clock;
  private final PluginTrace trace = new PluginTrace(2000);
  private final Map<String, Map<Class<?>, List<Object>>> started = new ConcurrentHashMap<>();
  private final Map<String, PluginStatus> unloadable = new LinkedHashMap<>();
  private final ExecutorService workers;
  private PluginManager manager;

  /**
   * @param pluginsDir the folder to load from; {@code null} for none (a plain help desk)
   */
  public PluginHost(Path pluginsDir, Duration callTimeout, Clock clock) {
    this.pluginsDir = pluginsDir;
    this.callTimeout = callTimeout;
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "plugin-call-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
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
    for (PluginWrapper w : pm.getPlugins()) {
      loaded.add(baseName(w.getPluginPath().getFileName().toString()));
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

  /** The extensions of one type of every started plugin, plugins in id order. */
  public <T> List<PluginExtension<T>> extensions(Class<T> type) {
    List<PluginExtension<T>> out = new ArrayList<>();
    started.keySet().stream().sorted().forEach(id -> {
      Map<Class<?>, List<Object>> points = started.get(id);
      if (points != null) {
        for (Object e : points.getOrDefault(type, List.of())) {
          out.add(new PluginExtension<>(id, type, type.cast(e)));
        }
      }
    });
    return out;
  }

  /** The first extension of this type of one started plugin. */
  public <T> Optional<PluginExtension<T>> extension(String pluginId, Class<T> type) {
    return extensions(type).stream().filter(e -> e.pluginId().equals(pluginId)).findFirst();
  }

  /** Ids of the started plugins, in order. */
  public List<String> startedIds() {
    return started.keySet().stream().sorted().toList();
  }

  /**
   * Calls a plugin on a worker thread, bounded by the host's time-out.
   *
   * @throws PluginFailure when the plugin throws or does not return in time
   */
  public <T, R> R call(PluginExtension<T> ext, String phase, String eventType, Function<T, R> fn) {
    String point = ext.point().getSimpleName();
    Future<R> future = workers.submit(() -> fn.apply(ext.extension()));
    try {
      R result = future.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
      trace.add(new PluginCall(clock.instant(), ext.pluginId(), point, phase, eventType, "OK"));
      return result;
    } catch (TimeoutException e) {
      future.cancel(true);
      trace.add(new PluginCall(clock.instant(), ext.pluginId(), point, phase, eventType, "TIMED_OUT"));
      throw new PluginFailure(ext.pluginId(), "plugin '" + ext.pluginId() + "' did not answer "
          + point + " within " + callTimeout.toMillis() + " ms", true, null);
    } catch (ExecutionException e) {
      trace.add(new PluginCall(clock.instant(), ext.pluginId(), point, phase, eventType, "FAILED"));
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new PluginFailure(ext.pluginId(), "plugin '" + ext.pluginId() + "' failed in " + point
          + ": " + cause.getClass().getSimpleName(), false, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new PluginFailure(ext.pluginId(), "interrupted while calling plugin '" + ext.pluginId() + "'", false, e);
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
    workers.shutdownNow();
  }
}
