package dev.deskcc.dist.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.dist.support.LauncherProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SIGTERM stops the launcher cleanly: the simulator is closed and the port is free again. */
class LauncherShutdownIT {

  /** What the JVM exits with after SIGTERM once its shutdown hooks have run. */
  private static final int EXIT_AFTER_SIGTERM = 128 + 15;

  @Test
  void sigterm_closes_the_simulator_and_releases_the_port() throws IOException {
    try (LauncherProcess launcher = LauncherProcess.start("--port", "0")) {
      int port = URI.create(launcher.awaitListening(Duration.ofSeconds(60))).getPort();

      int exitCode = launcher.terminate(Duration.ofSeconds(20));

      assertThat(exitCode).as(launcher.transcript()).isEqualTo(EXIT_AFTER_SIGTERM);
      assertThat(launcher.stdout()).as(launcher.transcript()).contains("deskcc-sim: stopped");
      assertThat(String.join("\n", launcher.stderr())).doesNotContain("Exception");
      try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertThat(again.getLocalPort()).isEqualTo(port);
      }
    }
  }
}
