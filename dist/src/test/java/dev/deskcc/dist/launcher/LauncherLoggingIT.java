package dev.deskcc.dist.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.dist.support.LauncherProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A default start prints the launcher's own lines; the libraries' INFO chatter only with --verbose. */
class LauncherLoggingIT {
  private static final List<String> LIBRARIES = List.of("org.pf4j.", "org.eclipse.jetty.", "io.javalin.");

  @Test
  void a_default_start_prints_no_library_info_lines() {
    try (LauncherProcess launcher = LauncherProcess.start("--port", "0")) {
      launcher.awaitListening(Duration.ofSeconds(60));

      assertThat(launcher.stderr()).as(launcher.transcript())
          .noneMatch(l -> l.contains(" INFO ") && LIBRARIES.stream().anyMatch(l::contains));
    }
  }

  @Test
  void verbose_lets_them_through() {
    try (LauncherProcess launcher = LauncherProcess.start("--port", "0", "--verbose")) {
      launcher.awaitListening(Duration.ofSeconds(60));

      assertThat(launcher.stderr()).as(launcher.transcript())
          .anyMatch(l -> l.contains(" INFO org.pf4j."))
          .anyMatch(l -> l.contains(" INFO io.javalin."));
    }
  }
}
