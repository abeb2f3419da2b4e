package dev.deskcc.dist.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A tool or file a test needs from the machine (Chromium, curl, the sibling ../shared). On a
 * developer's machine a missing one skips the test, saying what to install; in CI ({@code CI=true},
 * as every CI service sets it) it fails: a skipped check there would pass unnoticed.
 */
public final class Prerequisite {
  private Prerequisite() {}

  /** Skips (developer machine) or fails (CI) the test when {@code present} is false. */
  public static void require(boolean present, String whatIsMissing) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.assertTrue(present, () -> "CI=true and a prerequisite is missing: " + whatIsMissing);
    } else {
      Assumptions.assumeTrue(present, () -> whatIsMissing + " (skipped; CI=true makes this a failure)");
    }
  }
}
