package dev.deskcc.sim.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.sim.PluginStatus;
import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.support.PluginJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two jars with one plugin id: one runs, the other is reported as a duplicate, never as a broken archive. */
class DuplicatePluginIdTest {

  @TempDir Path plugins;

  @Test
  void the_second_jar_of_a_plugin_id_is_reported_as_a_duplicate_naming_the_first() throws IOException {
    assertThat(runsOf("2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z")).isEqualTo("twin-1.0.0.jar");
  }

  @Test
  void of_two_jars_with_one_id_the_one_modified_earlier_runs() throws IOException {
    assertThat(runsOf("2026-06-01T00:00:00Z", "2026-01-01T00:00:00Z")).isEqualTo("twin-copy.jar");
  }

  /** Which file runs when the first jar and its copy have these modification times. */
  private String runsOf(String firstModified, String copyModified) throws IOException {
    Path first = PluginJar.plugin("twin").requires(">=1.0.0")
        .extension("tp.twin.Twin", """
            package tp.twin;
            import dev.deskcc.api.host.PluginContext;
            import dev.deskcc.api.lifecycle.*;
            public class Twin implements TicketChangeReaction {
              public void react(TicketEvent event, PluginContext ctx) {}
            }
            """)
        .writeTo(plugins);
    Path second = Files.copy(first, plugins.resolve("twin-copy.jar"));
    Files.setLastModifiedTime(first, FileTime.from(Instant.parse(firstModified)));
    Files.setLastModifiedTime(second, FileTime.from(Instant.parse(copyModified)));

    try (Simulator sim = Simulator.builder().pluginsDir(plugins).build().start()) {
      List<PluginStatus> twins = sim.plugins().stream().filter(p -> p.id().equals("twin")).toList();

      assertThat(twins).filteredOn(p -> p.state().equals("STARTED")).hasSize(1);
      PluginStatus refused = twins.stream().filter(p -> p.state().equals("FAILED")).findFirst().orElseThrow();
      String loaded = refused.reason().replaceFirst(".*already loaded from (\\S+);.*", "$1");
      assertThat(refused.reason()).startsWith("duplicate plugin id twin: already loaded from ").endsWith("; remove one");
      assertThat(List.of(first.getFileName().toString(), second.getFileName().toString())).contains(loaded);
      return loaded;
    }
  }
}
