package dev.deskcc.dist.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.dist.support.Build;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin jar needs nothing of the simulator: a stock PF4J {@code DefaultPluginManager}, in a
 * fresh JVM whose classpath holds only PF4J, plugin-api and plugin-api's own dependencies, loads
 * and starts it, and instantiates its extensions.
 */
class StockPf4jLoadIT {

  @TempDir Path temp;

  @Test
  void the_plugin_starts_with_its_extensions_in_a_stock_pf4j_manager() throws Exception {
    List<Path> classpath = jars(Build.stockPf4jClasspath());
    assertThat(classpath).as("stock classpath")
        .anyMatch(p -> p.getFileName().toString().startsWith("pf4j-"))
        .anyMatch(p -> p.getFileName().toString().startsWith("plugin-api-"))
        .noneMatch(p -> p.getFileName().toString().startsWith("host-simulator-"))
        .noneMatch(p -> p.getFileName().toString().startsWith("javalin-"));
    Path checker = compileChecker(classpath);
    Path plugins = Files.createDirectories(temp.resolve("plugins"));
    Files.copy(Build.pluginJar(), plugins.resolve(Build.pluginJar().getFileName()));

    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpathOf(classpath, checker),
        "StockPf4jCheck", plugins.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output.lines())
        .as(output)
        .anyMatch(l -> l.matches("plugin secondary-contacts \\S+ STARTED"))
        .anyMatch(l -> l.startsWith("extension secondary-contacts "))
        .filteredOn(l -> l.startsWith("extension "))
        .allMatch(l -> l.contains("dev.deskcc.api."), "implements a plugin-api extension point")
        .noneMatch(l -> l.contains("(NOT SHARED)"));
  }

  private Path compileChecker(List<Path> classpath) throws IOException {
    Path out = Files.createDirectories(temp.resolve("checker"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK (not a JRE) runs the tests").isNotNull();
    int result = javac.run(null, null, null,
        "-proc:none", "-d", out.toString(), "-cp", classpathOf(classpath, null),
        Build.checkerSource().resolve("StockPf4jCheck.java").toString());
    assertThat(result).as("checker compiles").isZero();
    return out;
  }

  private static String classpathOf(List<Path> jars, Path classes) {
    List<String> entries = new ArrayList<>(jars.stream().map(Path::toString).toList());
    if (classes != null) {
      entries.add(classes.toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  private static List<Path> jars(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
  }
}
