package dev.deskcc.dist.author;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.dist.support.Api;
import dev.deskcc.dist.support.Build;
import dev.deskcc.dist.support.Demo;
import dev.deskcc.dist.support.LauncherProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a plugin author outside this repository does, on a machine without network: generate a
 * project from {@code dev.deskcc:deskcc-plugin-archetype} into a folder of their own, build it
 * ({@code mvn verify}: its test runs the jar in a simulator through {@code @DeskSimulatorTest}),
 * and drop the jar into the distribution's launcher.
 */
class PluginAuthorIT {
  private static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(4);

  @TempDir Path outside;

  @Test
  void a_project_generated_from_the_archetype_builds_tests_in_the_simulator_and_runs_in_the_launcher()
      throws Exception {
    AuthorRepository repo = AuthorRepository.install(Files.createDirectories(outside.resolve("m2")));
    Path settings = repo.settings(outside);
    Path projects = Files.createDirectories(outside.resolve("projects"));

    maven(projects, settings, repo, "generate.log",
        "org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate", "-DinteractiveMode=false",
        "-DarchetypeCatalog=local", "-DarchetypeGroupId=dev.deskcc", "-DarchetypeArtifactId=deskcc-plugin-archetype",
        "-DarchetypeVersion=" + Build.artifactVersion(), "-DgroupId=com.example", "-DartifactId=greeter-plugin",
        "-Dversion=1.0.0", "-Dpackage=com.example.greeter");
    Path project = projects.resolve("greeter-plugin");
    String pom = Files.readString(project.resolve("pom.xml"));
    assertThat(pom).as("a standalone pom importing the BOM").doesNotContain("<parent>")
        .contains("<artifactId>deskcc-bom</artifactId>");

    List<String> build = maven(project, settings, repo, "build.log", "verify");
    assertThat(build).as("the generated test ran through the JUnit extension and passed")
        .anyMatch(l -> l.contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0") && l.contains("MyPluginIT"))
        .anyMatch(l -> l.contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0") && l.contains("CompatibilityIT"));

    Path jar = project.resolve("target/greeter-plugin-1.0.0.jar");
    try (JarFile file = new JarFile(jar.toFile())) {
      assertThat(file.getManifest().getMainAttributes().getValue("Plugin-Requires"))
          .isEqualTo(">=" + Build.platformVersion() + " & <2.0.0");
    }
    Path plugins = Files.createDirectories(outside.resolve("plugins"));
    Files.copy(Build.pluginJar(), plugins.resolve(Build.pluginJar().getFileName()));
    Files.copy(jar, plugins.resolve(jar.getFileName()));
    try (LauncherProcess launcher = LauncherProcess.start("--port", "0", "--plugins", plugins.toString())) {
      Api api = new Api(launcher.awaitListening(Duration.ofSeconds(60)));
      assertThat(api.get("/api/v1/plugins", Demo.ADMIN).json().path("plugins")).as(launcher.transcript())
          .anySatisfy(p -> {
            assertThat(p.path("id").asText()).isEqualTo("greeter-plugin");
            assertThat(p.path("state").asText()).isEqualTo("STARTED");
          });
    }
  }

  /** Runs this machine's Maven as the author would; its output goes to a log file, returned as lines. */
  private List<String> maven(Path dir, Path settings, AuthorRepository repo, String log, String... goals)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Build.mavenHome().resolve("bin/mvn").toString(), "-B", "-s", settings.toString(),
        "-Dmaven.repo.local=" + repo.root()));
    command.addAll(List.of(goals));
    Path logFile = outside.resolve(log);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(logFile.toFile());
    // the outer build's options (a -o, a debug agent) are not the author's
    builder.environment().remove("MAVEN_OPTS");
    builder.environment().remove("MAVEN_ARGS");
    Process process = builder.start();
    if (!process.waitFor(MAVEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
    assertThat(process.isAlive() ? -1 : process.exitValue())
        .as("%s in %s:%n%s", command, dir, String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())))
        .isZero();
    return lines;
  }
}
