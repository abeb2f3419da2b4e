package dev.deskcc.dist.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build put what the integration tests check; the dist pom passes these as system
 * properties to failsafe.
 */
public final class Build {

  private Build() {}

  /** The unpacked distribution, {@code dist/target/deskcc}. */
  public static Path home() {
    return path("deskcc.home");
  }

  /**
   * The operator's copy of the plugin jar, {@code dist/target/secondary-contacts-<version>.jar}:
   * the one plugin jar every test here loads (the dist build copies it from cc-plugin).
   *
   * @throws IllegalStateException when the property is not set or names no file
   */
  public static Path pluginJar() {
    Path jar = path("deskcc.plugin.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no plugin jar at " + jar + ": the dist build copies it there (mvn verify)");
    }
    return jar;
  }

  /** {@code dist/target/deskcc-<version>.zip}. */
  public static Path zip() {
    return path("deskcc.zip");
  }

  /** Folder of jars: plugin-api and its own dependencies, nothing of the host. */
  public static Path stockPf4jClasspath() {
    return path("deskcc.stock.classpath");
  }

  /** Sources of the stand-alone PF4J checker program. */
  public static Path checkerSource() {
    return path("deskcc.checker.source");
  }

  /** The project checkout's root folder. */
  public static Path repoRoot() {
    return path("deskcc.repo.root");
  }

  /** A scratch folder under target/ for files the tests make. */
  public static Path work() {
    return path("deskcc.work");
  }

  /** The platform (SPI) version the build declares. */
  public static String platformVersion() {
    return property("deskcc.platform.version");
  }

  /** The version of every deskcc artifact ({@code 1.3.0-SNAPSHOT} while in development). */
  public static String artifactVersion() {
    return property("deskcc.version");
  }

  /** The Maven installation running this build (its {@code bin/mvn} runs the author's build). */
  public static Path mavenHome() {
    return path("deskcc.maven.home");
  }

  /** This build's local repository (read as a file:// mirror, never written to). */
  public static Path localRepository() {
    return path("deskcc.local.repository");
  }

  private static Path path(String name) {
    return Path.of(property(name)).toAbsolutePath().normalize();
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set: run this test with failsafe (mvn verify)");
    }
    return value;
  }
}
