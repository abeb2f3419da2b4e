package dev.deskcc.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/openapi.json} lints clean under Redocly's recommended rules ({@code docs/redocly.yaml};
 * the findings {@code docs/.redocly.lint-ignore.yaml} names are facts, each explained there). Runs
 * the real Redocly CLI through {@code npx}, pinned; CI installs Node.js for it ({@code .ci/run}).
 * Without {@code npx} on the PATH the test is skipped with a hint, as the browser tests are
 * without Chromium.
 */
class OpenApiLintTest {
  /** 1.34.x runs on Debian 12's Node.js 18; the 2.x line needs Node.js 20. */
  static final String REDOCLY = "@redocly/cli@1.34.5";
  private static final Path DOCS = Path.of("..", "docs");

  @Test
  void the_published_document_lints_clean_under_redocly_recommended_rules() throws Exception {
    Assumptions.assumeTrue(onPath("npx"), "npx not found: install Node.js and npm (Debian: apt-get install nodejs npm)");
    Process lint = new ProcessBuilder("npx", "--yes", REDOCLY, "lint", "openapi.json", "--config", "redocly.yaml",
        "--format", "stylish")
        .directory(DOCS.toFile())
        .redirectErrorStream(true)
        .start();
    // the first run downloads the CLI; later runs take a few seconds
    assertThat(lint.waitFor(180, TimeUnit.SECONDS)).as("redocly lint finished").isTrue();
    String out = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(lint.exitValue()).as(out).isZero();
    assertThat(out).as(out).contains("Your API description is valid").doesNotContain("warning");
  }

  private static boolean onPath(String command) throws IOException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(dir, command).canExecute()) {
        return true;
      }
    }
    return false;
  }
}
