package dev.deskcc.junit;

import java.util.List;

/**
 * What {@link PluginCompatibility#check(java.nio.file.Path)} found.
 *
 * @param pluginId the jar's {@code Plugin-Id}
 * @param requires its {@code Plugin-Requires} range ({@code *} when absent)
 * @param accepted the known platform versions the range admits, oldest first
 * @param refused the known platform versions it excludes
 * @param state the PF4J state a stock host left it in ({@code STARTED} when all is well)
 * @param extensions each extension a stock host found, as {@code class: extension points}
 * @param problems what stops a release, empty when none
 * @since 1.2
 */
public record CompatibilityReport(
    String pluginId,
    String requires,
    List<String> accepted,
    List<String> refused,
    String state,
    List<String> extensions,
    List<String> problems) {

  /** Copies the lists. */
  public CompatibilityReport {
    accepted = List.copyOf(accepted);
    refused = List.copyOf(refused);
    extensions = List.copyOf(extensions);
    problems = List.copyOf(problems);
  }

  /**
   * @throws AssertionError listing the problems, when there are any
   */
  public CompatibilityReport requireCompatible() {
    if (!problems.isEmpty()) {
      throw new AssertionError("plugin " + pluginId + " is not ready for release:\n  " + String.join("\n  ", problems)
          + "\n" + this);
    }
    return this;
  }
}
