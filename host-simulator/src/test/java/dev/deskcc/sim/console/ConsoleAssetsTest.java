package dev.deskcc.sim.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleAssetsTest {
  @Test
  void a_missing_console_file_is_not_remembered() {
    ConsoleAssets assets = new ConsoleAssets();
    for (int i = 0; i < 1000; i++) {
      assertThat(assets.find("js/nothing-" + i + ".js")).isEmpty();
    }
    assertThat(assets.cached()).as("misses grow nothing").isZero();
    assertThat(assets.find("js/app.js")).isPresent();
    assertThat(assets.find("js/app.js")).isPresent();
    assertThat(assets.cached()).as("a real file is kept once").isEqualTo(1);
  }
}
