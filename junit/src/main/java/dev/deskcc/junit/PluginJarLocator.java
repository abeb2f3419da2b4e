package dev.deskcc.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the one plugin jar a test runs: a jar file as given, or the single plugin jar in a folder. */
final class PluginJarLocator {

  private PluginJarLocator() {}

  /**
   * @throws PluginJarMissingException when there is no jar, or a folder holds several
   */
  static Path locate(Path where) {
    Path absolute = where.toAbsolutePath().normalize();
    if (Files.isRegularFile(absolute)) {
      return absolute;
    }
    if (!Files.isDirectory(absolute)) {
      throw new PluginJarMissingException(absolute + " does not exist. " + HOW);
    }
    List<Path> jars = jarsIn(absolute);
    if (jars.isEmpty()) {
      throw new PluginJarMissingException("no plugin jar in " + absolute + ". " + HOW);
    }
    if (jars.size() > 1) {
      throw new PluginJarMissingException("more than one jar in " + absolute + ": " + jars
          + "; run `mvn clean verify`, or name one with -D" + DeskSimulatorExtension.JAR_PROPERTY + "=<jar>");
    }
    return jars.get(0);
  }

  private static final String HOW = "The plugin jar is made by `package`: name the test *IT so that "
      + "failsafe runs it after `package` (`mvn verify`), or name the jar with -D"
      + DeskSimulatorExtension.JAR_PROPERTY + "=<jar>.";

  private static List<Path> jarsIn(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> isPluginJar(p.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // what maven-source/javadoc/jar(test-jar)/shade leave beside the plugin jar
  private static boolean isPluginJar(String name) {
    return name.endsWith(".jar")
        && !name.endsWith("-sources.jar")
        && !name.endsWith("-javadoc.jar")
        && !name.endsWith("-tests.jar")
        && !name.startsWith("original-");
  }
}
