package dev.deskcc.sim.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of the {@code deskcc-sim} launcher ({@code bin/deskcc-sim} in the distribution).
 * Problems an operator can fix end the process with one line on standard error and exit code 2,
 * never with a stack trace; see {@link LaunchProblem}.
 */
public final class Main {

  static final String NAME = "deskcc-sim";

  private Main() {}

  public static void main(String[] args) {
    MailStreamProviderPin.apply();
    int exitCode = run(args, Distribution.fromSystemProperties(), System.out, System.err);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  /**
   * Parses the arguments and runs the simulator until the JVM shuts down.
   *
   * @return the exit code: 0 after help, version or a clean stop, else a {@link LaunchProblem}'s
   */
  static int run(String[] args, Distribution distribution, PrintStream out, PrintStream err) {
    CommandLine commandLine = new CommandLine(new SimCommand(distribution, out));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setParameterExceptionHandler((e, ignoredArgs) -> {
      LaunchException problem = new LaunchException(LaunchProblem.BAD_OPTION,
          e.getMessage() + " (see " + NAME + " --help)");
      err.println(problem.oneLine());
      return problem.problem().exitCode();
    });
    commandLine.setExecutionExceptionHandler((e, ignoredCommandLine, ignoredParseResult) -> {
      LaunchException problem = e instanceof LaunchException known
          ? known
          : new LaunchException(LaunchProblem.START_FAILED, describe(e));
      err.println(problem.oneLine());
      return problem.problem().exitCode();
    });
    return commandLine.execute(args);
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = e.toString();
    return root == e ? text : text + " (cause: " + root + ")";
  }
}
