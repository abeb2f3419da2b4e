package dev.deskcc.dist.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.dist.support.LauncherProcess;
import dev.deskcc.dist.support.LauncherProcess.Finished;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What bin/deskcc-sim says and does when it is asked for help or cannot start. */
class LauncherRefusalsIT {

  @TempDir Path temp;

  @Test
  void help_describes_every_option_and_exits_0() {
    Finished run = LauncherProcess.run("--help");

    assertThat(run.exitCode()).as(run.transcript()).isZero();
    assertThat(String.join("\n", run.stdout()))
        .contains("--port", "--plugins", "--fixture", "--data-dir", "--database", "listening on http://127.0.0.1:<port>");
  }

  @Test
  void an_unknown_flag_is_one_line_naming_it_with_exit_2() {
    Finished run = LauncherProcess.run("--bogus");

    assertRefused(run, "BAD_OPTION", "--bogus");
    assertThat(run.stdout()).isEmpty();
  }

  @Test
  void a_port_out_of_range_is_a_bad_option() {
    assertRefused(LauncherProcess.run("--port", "70000"), "BAD_OPTION", "70000");
  }

  @Test
  void a_missing_plugins_folder_is_refused() {
    Path missing = temp.resolve("no-such-plugins");

    assertRefused(LauncherProcess.run("--plugins", missing.toString()), "PLUGINS_FOLDER_MISSING", missing.toString());
  }

  @Test
  void a_missing_fixture_is_refused() {
    Path missing = temp.resolve("no-such-fixture.json");

    assertRefused(LauncherProcess.run("--fixture", missing.toString()), "FIXTURE_MISSING", missing.toString());
  }

  @Test
  void a_fixture_that_is_not_json_is_refused() throws IOException {
    Path fixture = Files.writeString(temp.resolve("broken.json"), "{\"org\": ");

    assertRefused(LauncherProcess.run("--port", "0", "--plugins", emptyPlugins(), "--fixture", fixture.toString()),
        "FIXTURE_INVALID", fixture.toString());
  }

  @Test
  void a_fixture_with_a_bad_field_is_refused_naming_the_field() throws IOException {
    Path fixture = Files.writeString(temp.resolve("bad-agent.json"), """
        {"org": {"name": "Acme", "edition": "PROFESSIONAL"},
         "departments": [{"key": "hr", "name": "HR", "helpCenter": true,
                          "supportAddresses": ["hr@acme.test"], "fromAddresses": ["noreply@acme.test"],
                          "ratingMode": "OFF"}],
         "agents": [{"key": "al", "name": "Al", "email": "not-an-address", "admin": true,
                     "departments": ["hr"], "token": "al-token"}],
         "contacts": []}
        """);

    assertRefused(LauncherProcess.run("--port", "0", "--plugins", emptyPlugins(), "--fixture", fixture.toString()),
        "FIXTURE_INVALID", "agents[0].email");
  }

  @Test
  void a_port_in_use_is_refused() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String port = String.valueOf(taken.getLocalPort());

      assertRefused(LauncherProcess.run("--port", port, "--plugins", emptyPlugins()), "PORT_IN_USE", port);
    }
  }

  @Test
  void a_data_folder_or_database_that_cannot_be_used_is_refused() throws IOException {
    Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
    assertRefused(LauncherProcess.run("--data-dir", file.toString()), "DATA_DIR_UNUSABLE", file.toString());
    assertRefused(LauncherProcess.run("--database", "jdbc:mysql://localhost/desk"), "DATABASE_UNUSABLE",
        "jdbc:postgresql://");
    assertRefused(LauncherProcess.run("--database", "jdbc:postgresql://127.0.0.1:1/desk?user=desk"),
        "DATABASE_UNUSABLE", "127.0.0.1:1");
    assertRefused(LauncherProcess.run("--data-dir", temp.toString(), "--database", "jdbc:postgresql://127.0.0.1:1/d"),
        "BAD_OPTION", "--data-dir");
  }

  @Test
  void a_data_folder_whose_path_would_change_the_database_url_is_refused() throws IOException {
    Path evil = temp.resolve("world;INIT=CREATE TABLE PWNED(A INT)");

    assertRefused(LauncherProcess.run("--port", "0", "--plugins", emptyPlugins(), "--data-dir", evil.toString()),
        "DATA_DIR_UNUSABLE", evil.toString());
    try (var left = Files.list(temp)) {
      assertThat(left.map(p -> p.getFileName().toString())).as("nothing created outside the plugins folder")
          .containsExactly("plugins");
    }
  }

  private String emptyPlugins() throws IOException {
    return Files.createDirectories(temp.resolve("plugins")).toString();
  }

  private static void assertRefused(Finished run, String code, String named) {
    assertThat(run.exitCode()).as(run.transcript()).isEqualTo(2);
    assertThat(run.launcherErrors()).as(run.transcript()).singleElement().asString()
        .startsWith("deskcc-sim: " + code + ": ")
        .contains(named);
    assertThat(run.showsStackTrace()).as(run.transcript()).isFalse();
    assertThat(run.stdout()).as(run.transcript()).noneMatch(l -> l.startsWith("listening on"));
  }
}
