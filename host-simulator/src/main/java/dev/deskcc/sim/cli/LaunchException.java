package dev.deskcc.sim.cli;

import java.util.Objects;

/**
 * A start-up failure the operator can fix; the launcher prints it as one line and exits with the
 * problem's exit code, never with a stack trace.
 */
final class LaunchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final LaunchProblem problem;

  LaunchException(LaunchProblem problem, String message) {
    super(message);
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  LaunchProblem problem() {
    return problem;
  }

  /** The one line the launcher prints on standard error. */
  String oneLine() {
    return Main.NAME + ": " + problem + ": " + getMessage().replaceAll("\\s*\\R\\s*", " ");
  }
}
