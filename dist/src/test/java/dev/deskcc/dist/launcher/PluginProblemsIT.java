package dev.deskcc.dist.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.dist.support.Api;
import dev.deskcc.dist.support.Api.Reply;
import dev.deskcc.dist.support.Build;
import dev.deskcc.dist.support.Demo;
import dev.deskcc.dist.support.LauncherProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin made for another platform version, and a jar that is no plugin at all: both are
 * reported in the startup log and left out, and the simulator serves without them.
 */
class PluginProblemsIT {

  private static final String FUTURE_REQUIREMENT = ">=9.0.0";

  @TempDir static Path temp;

  private static LauncherProcess launcher;
  private static Api api;

  @BeforeAll
  static void launch() throws IOException {
    Path plugins = Files.createDirectories(temp.resolve("plugins"));
    requiringPlatform(Build.pluginJar(), FUTURE_REQUIREMENT, plugins.resolve("secondary-contacts-future.jar"));
    Files.writeString(plugins.resolve("not-a-plugin.jar"), "this is not a zip file");
    launcher = LauncherProcess.start("--port", "0", "--plugins", plugins.toString());
    api = new Api(launcher.awaitListening(Duration.ofSeconds(60)));
  }

  @AfterAll
  static void stop() {
    launcher.close();
  }

  @Test
  void a_plugin_needing_another_platform_version_is_reported_and_not_started() {
    assertThat(launcher.stdout()).as(launcher.transcript())
        .anyMatch(l -> l.startsWith("deskcc-sim: plugin " + Demo.PLUGIN_ID + " ")
            && l.contains(" - not started")
            && l.contains(FUTURE_REQUIREMENT)
            && l.contains(Build.platformVersion()));
    Reply plugins = api.get("/api/v1/plugins", Demo.ADMIN);
    assertThat(plugins.json().path("plugins"))
        .anySatisfy(p -> {
          assertThat(p.path("id").asText()).isEqualTo(Demo.PLUGIN_ID);
          assertThat(p.path("state").asText()).isNotEqualTo("STARTED");
        });
  }

  @Test
  void a_jar_that_is_no_plugin_is_reported() {
    assertThat(launcher.stdout()).as(launcher.transcript())
        .anyMatch(l -> l.startsWith("deskcc-sim: plugin not-a-plugin ") && l.contains(" - not started"));
  }

  @Test
  void the_simulator_serves_without_them() {
    Reply tickets = api.get("/api/v1/tickets", Demo.ADMIN);

    assertThat(tickets.status()).as(tickets.toString()).isEqualTo(200);
    assertThat(tickets.json().path("tickets")).isNotEmpty();
  }

  /** A copy of {@code jar} whose manifest asks for {@code requirement} as Plugin-Requires. */
  static void requiringPlatform(Path jar, String requirement, Path copy) throws IOException {
    try (JarFile in = new JarFile(jar.toFile());
        OutputStream file = Files.newOutputStream(copy)) {
      Manifest manifest = new Manifest(in.getManifest());
      manifest.getMainAttributes().put(new Attributes.Name("Plugin-Requires"), requirement);
      try (JarOutputStream out = new JarOutputStream(file, manifest)) {
        for (JarEntry entry : java.util.Collections.list(in.entries())) {
          if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
            continue;
          }
          out.putNextEntry(new JarEntry(entry.getName()));
          try (InputStream content = in.getInputStream(entry)) {
            content.transferTo(out);
          }
          out.closeEntry();
        }
      }
    }
  }
}
