package dev.deskcc.example.replycounter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.junit.CompatibilityReport;
import dev.deskcc.junit.PluginCompatibility;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The release check: Plugin-Requires against the known platform versions, and a stock PF4J host. */
class CompatibilityIT {

  @Test
  void the_example_runs_on_every_platform_since_1_0_and_in_a_stock_pf4j_host() {
    CompatibilityReport report =
        PluginCompatibility.check(Path.of(System.getProperty("deskcc.plugin.jar"))).requireCompatible();

    assertThat(report.refused()).isEmpty();
    assertThat(report.accepted()).containsExactlyElementsOf(PluginCompatibility.KNOWN_PLATFORM_VERSIONS);
    assertThat(report.extensions()).anySatisfy(e -> assertThat(e).contains("ReplyCountCheck: [TicketChangeCheck]"));
  }
}
