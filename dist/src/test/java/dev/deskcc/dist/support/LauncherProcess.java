package dev.deskcc.dist.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code bin/deskcc-sim} of the built distribution, run as a child process the way an
 * operator runs it. Standard output and error are collected line by line.
 */
public final class LauncherProcess implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("^listening on (http://127\\.0\\.0\\.1:\\d+)$");
  private static final Duration POLL = Duration.ofMillis(20);

  private final Process process;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();
  private final Thread outPump;
  private final Thread errPump;

  private LauncherProcess(Process process) {
    this.process = process;
    this.outPump = pump(process.getInputStream(), out, "stdout");
    this.errPump = pump(process.getErrorStream(), err, "stderr");
  }

  /** Starts {@code bin/deskcc-sim} of the distribution at {@code home} with these arguments. */
  public static LauncherProcess start(Path home, String... args) {
    return start(home, java.util.Map.of(), args);
  }

  /** Starts the launcher with extra environment variables (secrets never go on the command line). */
  public static LauncherProcess start(Path home, java.util.Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin").resolve("deskcc-sim").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    // the same JDK that runs the tests, whatever is first on PATH
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("JAVA_OPTS");
    builder.directory(Build.work().toFile());
    try {
      Build.work().toFile().mkdirs();
      return new LauncherProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the distribution's launcher from {@link Build#home()}. */
  public static LauncherProcess start(String... args) {
    return start(Build.home(), args);
  }

  /** Runs a launcher that is expected to end by itself (help, refusals) and waits for its end. */
  public static Finished run(String... args) {
    try (LauncherProcess launcher = start(args)) {
      int exitCode = launcher.awaitExit(Duration.ofSeconds(30));
      return new Finished(exitCode, List.copyOf(launcher.out), List.copyOf(launcher.err));
    }
  }

  /**
   * Waits for the {@code listening on …} line and returns the base URL it names.
   *
   * @throws AssertionError when the process ends or stays silent instead, with what it printed
   */
  public String awaitListening(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : out) {
        Matcher m = LISTENING.matcher(line);
        if (m.matches()) {
          return m.group(1);
        }
      }
      if (!process.isAlive()) {
        drain();
        throw new AssertionError("the launcher ended with exit code " + process.exitValue()
            + " before listening\n" + transcript());
      }
      sleep();
    }
    throw new AssertionError("no listening line within " + timeout + "\n" + transcript());
  }

  /**
   * Sends SIGTERM and waits for the exit code. {@link ProcessHandle#destroy()} sends SIGTERM on
   * Unix and, unlike {@link Process#destroy()}, leaves the output streams open, so what the
   * launcher prints while it stops is still read.
   */
  public int terminate(Duration timeout) {
    process.toHandle().destroy();
    return awaitExit(timeout);
  }

  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("the launcher did not end within " + timeout + "\n" + transcript());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    drain();
    return process.exitValue();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public List<String> stdout() {
    return List.copyOf(out);
  }

  public List<String> stderr() {
    return List.copyOf(err);
  }

  /** Everything it printed, for failure messages. */
  public String transcript() {
    return "--- stdout\n" + String.join("\n", out) + "\n--- stderr\n" + String.join("\n", err);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void drain() {
    try {
      outPump.join(5000);
      errPump.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread pump(InputStream stream, List<String> lines, String name) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("(" + name + " unreadable: " + e + ")");
      }
    }, "launcher-" + name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** A launcher run that ended by itself. */
  public record Finished(int exitCode, List<String> stdout, List<String> stderr) {

    /** The launcher's own lines on standard error (log lines of the host are left out). */
    public List<String> launcherErrors() {
      return stderr.stream().filter(l -> l.startsWith("deskcc-sim: ")).toList();
    }

    /** Whether anything printed looks like a Java stack trace. */
    public boolean showsStackTrace() {
      return java.util.stream.Stream.concat(stdout.stream(), stderr.stream())
          .anyMatch(l -> l.startsWith("\tat ") || l.startsWith("Exception in thread") || l.startsWith("Caused by: "));
    }

    public String transcript() {
      return "exit " + exitCode + "\n--- stdout\n" + String.join("\n", stdout) + "\n--- stderr\n" + String.join("\n", stderr);
    }
  }
}
