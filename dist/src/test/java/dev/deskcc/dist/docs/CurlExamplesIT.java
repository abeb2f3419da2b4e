package dev.deskcc.dist.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.deskcc.dist.support.Prerequisite.require;

import dev.deskcc.dist.support.Api;
import dev.deskcc.dist.support.Api.Reply;
import dev.deskcc.dist.support.Build;
import dev.deskcc.dist.support.LauncherProcess;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example marked {@code ```sh curl-example} in README.md and docs/*.md runs against a
 * launched simulator and succeeds. A document's examples run in order in one shell, as a reader
 * follows them in one terminal, starting from a freshly loaded demo world; {@code BASE} and
 * {@code DESKCC_HOME} are set as the documents say (curl and python3 are needed). Every curl call must use {@code --fail}
 * ({@code -f}), so a non-2xx answer fails the example.
 */
class CurlExamplesIT {

  private static final Pattern BLOCK = Pattern.compile("^```sh curl-example\\s*\\n(.*?)^```\\s*$",
      Pattern.MULTILINE | Pattern.DOTALL);
  private static final Pattern FAILING_CURL = Pattern.compile("\\bcurl\\b[^\\n]*?(\\s-[a-zA-Z]*f[a-zA-Z]*\\b|\\s--fail\\b)");

  private static LauncherProcess launcher;
  private static String base;

  @BeforeAll
  static void launch() {
    launcher = LauncherProcess.start("--port", "0");
    base = launcher.awaitListening(Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    launcher.close();
  }

  @TestFactory
  Stream<DynamicTest> every_documented_curl_example_succeeds() throws IOException {
    List<Path> documents = documents();
    int total = 0;
    List<DynamicTest> tests = new ArrayList<>();
    for (Path document : documents) {
      List<String> examples = examples(document);
      total += examples.size();
      if (!examples.isEmpty()) {
        tests.add(DynamicTest.dynamicTest(Build.repoRoot().relativize(document).toString(), () -> run(examples)));
      }
    }
    assertThat(total).as("curl examples in the docs (keep them few: each runs against a launched desk)").isBetween(5, 10);
    return tests.stream();
  }

  private static void run(List<String> examples) throws Exception {
    require(Files.isExecutable(Path.of("/bin/bash")), "no /bin/bash to run the examples");
    require(onPath("curl"), "curl is not on the PATH");
    require(onPath("python3"), "python3 (the examples' JSON helper) is not on the PATH");
    for (String example : examples) {
      for (String line : example.lines().filter(l -> l.matches(".*\\bcurl\\s.*")).toList()) {
        assertThat(FAILING_CURL.matcher(line).find()).as("uses --fail: " + line).isTrue();
      }
    }
    reloadDemoWorld();
    StringBuilder script = new StringBuilder("set -euo pipefail\n");
    for (int i = 0; i < examples.size(); i++) {
      script.append("echo '--- example ").append(i + 1).append("'\n").append(examples.get(i)).append('\n');
    }
    Path work = Files.createDirectories(Build.work().resolve("curl-examples"));
    ProcessBuilder builder = new ProcessBuilder("/bin/bash", "-c", script.toString())
        .directory(work.toFile())
        .redirectErrorStream(true);
    builder.environment().put("BASE", base);
    builder.environment().put("DESKCC_HOME", Build.home().toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();

    assertThat(process.exitValue()).as("the examples failed:\n" + script + "\n--- output\n" + output).isZero();
  }

  private static void reloadDemoWorld() throws IOException {
    String demo = Files.readString(Build.home().resolve("fixtures/demo.json"));
    Reply reply = new Api(base).post("/sim/fixtures", null, demo);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  private static List<Path> documents() throws IOException {
    List<Path> documents = new ArrayList<>();
    documents.add(Build.repoRoot().resolve("README.md"));
    try (Stream<Path> docs = Files.list(Build.repoRoot().resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    return documents;
  }

  static List<String> examples(Path document) throws IOException {
    List<String> examples = new ArrayList<>();
    Matcher m = BLOCK.matcher(Files.readString(document).replace("\r\n", "\n"));
    while (m.find()) {
      examples.add(m.group(1));
    }
    return examples;
  }

  private static boolean onPath(String program) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }
}
