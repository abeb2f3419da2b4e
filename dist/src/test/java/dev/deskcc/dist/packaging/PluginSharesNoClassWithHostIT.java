package dev.deskcc.dist.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.dist.support.Build;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plugin jar and the host's runtime classpath (the distribution's lib/) share no class: a
 * class in both would load twice under PF4J's plugin-first class loading (an extension point
 * bundled in the plugin is a different type to the host, and its extensions are not found).
 * This is the build's duplicate-class rule; it reads the jars themselves, so it needs no network.
 */
class PluginSharesNoClassWithHostIT {

  @Test
  void no_class_of_the_plugin_jar_is_also_on_the_host_classpath() throws IOException {
    Set<String> pluginClasses = classes(Build.pluginJar());
    Map<String, String> shared = new TreeMap<>();
    try (Stream<Path> jars = Files.list(Build.home().resolve("lib"))) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
        for (String name : classes(jar)) {
          if (pluginClasses.contains(name)) {
            shared.put(name, jar.getFileName().toString());
          }
        }
      }
    }

    assertThat(pluginClasses).as("the plugin jar has classes").isNotEmpty();
    assertThat(shared).as("classes both in the plugin jar and in lib/ (class -> lib jar)").isEmpty();
  }

  private static Set<String> classes(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream()
          .map(e -> e.getName())
          .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class"))
          .collect(Collectors.toSet());
    }
  }
}
