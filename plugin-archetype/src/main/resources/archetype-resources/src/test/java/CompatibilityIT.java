package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.junit.CompatibilityReport;
import dev.deskcc.junit.PluginCompatibility;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Before a release: the jar's Plugin-Requires against every platform version deskcc knows, and the
 * jar started in a stock PF4J host with its extensions made once. Fails listing what is wrong.
 */
class CompatibilityIT {

  @Test
  void the_jar_runs_on_the_platform_it_claims_and_in_a_stock_pf4j_host() {
    CompatibilityReport report = PluginCompatibility.check(Path.of("target")).requireCompatible();

    assertThat(report.extensions()).anySatisfy(e -> assertThat(e).contains("AgentReplyReaction"));
  }
}
