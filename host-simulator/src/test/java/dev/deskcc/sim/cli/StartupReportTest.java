package dev.deskcc.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartupReportTest {

  @Test
  void a_kept_world_is_reported_as_served_and_the_fixture_as_not_loaded() {
    String text = print(false, new StartupReport.Setup("in the data folder /srv/desk", "thread", "outbox only"));

    assertThat(text).contains("deskcc-sim: world in the data folder /srv/desk")
        .contains("deskcc-sim: fixture not loaded: serving the world kept there")
        .doesNotContain("demo.json loaded")
        .contains("deskcc-sim: plugin calls thread")
        .endsWith("listening on http://127.0.0.1:1\n");
  }

  @Test
  void a_loaded_fixture_is_named() {
    assertThat(print(true, new StartupReport.Setup("in memory", "inline", "outbox only")))
        .contains("deskcc-sim: fixture /d/fixtures/demo.json loaded");
  }

  @Test
  void a_database_url_is_shown_without_its_password() {
    assertThat(StartupReport.withoutPassword("jdbc:postgresql://db:5432/desk?user=u&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/desk?user=u&ssl=true");
    assertThat(StartupReport.withoutPassword("jdbc:postgresql://db/desk?password=s3cret"))
        .isEqualTo("jdbc:postgresql://db/desk");
    assertThat(StartupReport.withoutPassword("jdbc:postgresql://db/desk?user=u")).isEqualTo("jdbc:postgresql://db/desk?user=u");
  }

  private static String print(boolean loaded, StartupReport.Setup setup) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new StartupReport(out).print(Optional.of(Path.of("/d/plugins")), List.of(), Optional.of(Path.of("/d/fixtures/demo.json")),
        loaded, setup, "http://127.0.0.1:1");
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
