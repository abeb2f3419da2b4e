package dev.deskcc.junit;

import dev.deskcc.api.PlatformVersion;
import dev.deskcc.api.settings.PluginSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DefaultVersionManager;
import org.pf4j.ExtensionPoint;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The check a plugin author runs before a release: the jar's {@code Plugin-Requires} range against
 * every platform version deskcc has published, and the jar loaded and started in a stock PF4J
 * {@link DefaultPluginManager} (what any host does first), each extension made once and each
 * {@link PluginSettings#describe()} called once (the one call that needs no host).
 *
 * <p>As a test: {@code PluginCompatibility.check(jar).requireCompatible()} (the archetype's
 * {@code CompatibilityIT}); as a command: {@code java -cp <test classpath>
 * dev.deskcc.junit.PluginCompatibility target/my-plugin.jar} (exit 1 on a problem).
 *
 * @since 1.2
 */
public final class PluginCompatibility {
  /** Every platform version published so far, oldest first; the last is this library's own. */
  public static final List<String> KNOWN_PLATFORM_VERSIONS = List.of("1.0.0", "1.1.0", "1.2.0", PlatformVersion.CURRENT);

  private PluginCompatibility() {}

  /** Checks a jar, or the one plugin jar of a folder (as {@link DeskSimulatorTest#pluginJars()} finds it). */
  public static CompatibilityReport check(Path jarOrFolder) {
    Path jar = PluginJarLocator.locate(jarOrFolder);
    Manifest manifest = manifest(jar);
    String pluginId = String.valueOf(manifest.getMainAttributes().getValue("Plugin-Id"));
    String requires = manifest.getMainAttributes().getValue("Plugin-Requires");
    requires = requires == null || requires.isBlank() ? "*" : requires.strip();
    List<String> problems = new ArrayList<>();
    List<String> accepted = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    DefaultVersionManager versions = new DefaultVersionManager();
    for (String v : KNOWN_PLATFORM_VERSIONS) {
      (versions.checkVersionConstraint(v, requires) ? accepted : refused).add(v);
    }
    if (!accepted.contains(PlatformVersion.CURRENT)) {
      problems.add("Plugin-Requires '" + requires + "' excludes the current platform " + PlatformVersion.CURRENT);
    }
    if (requires.equals("*")) {
      problems.add("no Plugin-Requires: name the platform versions the plugin was built for, e.g. '>="
          + PlatformVersion.CURRENT + " & <2.0.0'");
    }
    List<String> extensions = new ArrayList<>();
    String state = inStockHost(jar, pluginId, extensions, problems);
    return new CompatibilityReport(pluginId, requires, accepted, refused, state, extensions, problems);
  }

  private static String inStockHost(Path jar, String pluginId, List<String> extensions, List<String> problems) {
    Path folder = null;
    PluginManager manager = null;
    try {
      folder = Files.createTempDirectory("deskcc-compat-");
      Files.copy(jar, folder.resolve(jar.getFileName()));
      manager = new DefaultPluginManager(folder);
      manager.setSystemVersion(PlatformVersion.CURRENT);
      manager.loadPlugins();
      manager.startPlugins();
      PluginWrapper plugin = manager.getPlugin(pluginId);
      if (plugin == null) {
        problems.add("a stock PF4J host did not load " + jar.getFileName() + " as plugin " + pluginId);
        return "NOT_LOADED";
      }
      if (plugin.getPluginState() != PluginState.STARTED) {
        problems.add("a stock PF4J host left it " + plugin.getPluginState()
            + (plugin.getFailedException() == null ? "" : ": " + plugin.getFailedException()));
      }
      for (Object extension : manager.getExtensions(pluginId)) {
        extensions.add(extension.getClass().getName() + ": " + points(extension.getClass()));
        if (extension instanceof PluginSettings settings) {
          settings.describe();
        }
      }
      if (extensions.isEmpty() && plugin.getPluginState() == PluginState.STARTED) {
        problems.add("no extensions found: is META-INF/extensions.idx in the jar (the PF4J annotation processor)?");
      }
      return plugin.getPluginState().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException | LinkageError e) {
      // a plugin whose describe() or constructor fails is exactly what this check is for
      problems.add("calling the plugin failed: " + e);
      return "FAILED";
    } finally {
      if (manager != null) {
        manager.unloadPlugins();
      }
      delete(folder);
    }
  }

  private static List<String> points(Class<?> type) {
    List<String> out = new ArrayList<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      Arrays.stream(c.getInterfaces()).filter(ExtensionPoint.class::isAssignableFrom)
          .forEach(i -> out.add(i.getSimpleName()));
    }
    return out;
  }

  private static Manifest manifest(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      if (manifest == null) {
        throw new PluginJarMissingException(jar + " has no manifest: it is no PF4J plugin");
      }
      return manifest;
    } catch (IOException e) {
      throw new PluginJarMissingException(jar + " is not a readable jar: " + e.getMessage());
    }
  }

  private static void delete(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }

  /**
   * The command: checks the jar (or folder) given, prints the report, exits 1 on a problem.
   *
   * @param args one path, default {@code target}
   */
  public static void main(String[] args) {
    CompatibilityReport report = check(Path.of(args.length == 0 ? "target" : args[0]));
    System.out.println("plugin " + report.pluginId() + ", Plugin-Requires " + report.requires());
    System.out.println("  runs on platform " + report.accepted() + ", not on " + report.refused());
    System.out.println("  stock PF4J host: " + report.state());
    report.extensions().forEach(e -> System.out.println("  extension " + e));
    report.problems().forEach(p -> System.out.println("  PROBLEM " + p));
    if (!report.problems().isEmpty()) {
      System.exit(1);
    }
  }
}
