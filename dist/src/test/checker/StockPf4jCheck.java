import dev.deskcc.api.PlatformVersion;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.TreeSet;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionPoint;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * Loads and starts the plugins of a folder in a stock PF4J DefaultPluginManager and prints what
 * happened, one line each:
 *
 * <pre>
 * plugin &lt;id&gt; &lt;version&gt; &lt;state&gt;
 * extension &lt;plugin id&gt; &lt;class&gt; &lt;extension points&gt;
 * </pre>
 *
 * Run by StockPf4jLoadIT in a JVM whose classpath is only PF4J, plugin-api and plugin-api's own
 * dependencies: if the plugin needed anything else, it would fail here.
 */
public final class StockPf4jCheck {

  public static void main(String[] args) {
    PluginManager manager = new DefaultPluginManager(Path.of(args[0]));
    manager.setSystemVersion(PlatformVersion.CURRENT);
    manager.loadPlugins();
    manager.startPlugins();
    for (PluginWrapper plugin : manager.getPlugins()) {
      String id = plugin.getPluginId();
      System.out.println("plugin " + id + " " + plugin.getDescriptor().getVersion() + " " + plugin.getPluginState());
      for (Object extension : manager.getExtensions(id)) {
        System.out.println("extension " + id + " " + extension.getClass().getName() + " " + points(extension.getClass()));
      }
    }
    for (PluginWrapper plugin : manager.getStartedPlugins().toArray(new PluginWrapper[0])) {
      manager.stopPlugin(plugin.getPluginId());
    }
  }

  /** The extension points a class implements, checked to be the classpath's own (shared) types. */
  private static TreeSet<String> points(Class<?> type) {
    TreeSet<String> points = new TreeSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      todo.addAll(java.util.List.of(c.getInterfaces()));
    }
    while (!todo.isEmpty()) {
      Class<?> candidate = todo.pop();
      if (ExtensionPoint.class.isAssignableFrom(candidate) && candidate != ExtensionPoint.class) {
        String loader = candidate.getClassLoader() == ClassLoader.getSystemClassLoader() ? "" : "(NOT SHARED)";
        points.add(candidate.getName() + loader);
      }
      todo.addAll(java.util.List.of(candidate.getInterfaces()));
    }
    return points;
  }
}
