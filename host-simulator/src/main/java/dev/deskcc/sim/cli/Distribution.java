package dev.deskcc.sim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The unpacked distribution the launcher runs from, if any. The {@code bin/deskcc-sim} script
 * passes its own home as the system property {@value #HOME_PROPERTY}; started any other way (an
 * IDE, a test) there is no distribution, hence no default plugins folder.
 *
 * @param home the distribution's root folder, or {@code null} when not started from one
 */
record Distribution(Path home) {

  static final String HOME_PROPERTY = "deskcc.home";

  static Distribution fromSystemProperties() {
    String home = System.getProperty(HOME_PROPERTY);
    return new Distribution(home == null || home.isBlank() ? null : Path.of(home).toAbsolutePath().normalize());
  }

  /** The distribution's {@code plugins/} folder, the default for {@code --plugins}. */
  Optional<Path> pluginsDir() {
    return Optional.ofNullable(home).map(h -> h.resolve("plugins"));
  }

  /**
   * The distribution's demo fixture, made for the plugins the distribution ships (so only used
   * when {@code --plugins} is left at its default).
   */
  Optional<Path> demoFixture() {
    return Optional.ofNullable(home).map(h -> h.resolve("fixtures").resolve("demo.json")).filter(Files::isRegularFile);
  }
}
