package dev.deskcc.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginJarLocatorTest {

  @TempDir Path target;

  @Test
  void a_missing_jar_fails_saying_where_it_looked_and_how_to_make_it() {
    assertThatThrownBy(() -> PluginJarLocator.locate(target))
        .isInstanceOf(PluginJarMissingException.class)
        .hasMessageContaining("no plugin jar in " + target.toAbsolutePath())
        .hasMessageContaining("failsafe")
        .hasMessageContaining("-Ddeskcc.plugin.jar=");
  }

  @Test
  void a_missing_folder_fails_too() {
    Path absent = target.resolve("nothing-here");

    assertThatThrownBy(() -> PluginJarLocator.locate(absent))
        .isInstanceOf(PluginJarMissingException.class)
        .hasMessageContaining(absent + " does not exist");
  }

  @Test
  void sources_javadoc_and_test_jars_beside_the_plugin_jar_are_not_candidates() throws IOException {
    Path plugin = Files.createFile(target.resolve("my-plugin-1.0.jar"));
    Files.createFile(target.resolve("my-plugin-1.0-sources.jar"));
    Files.createFile(target.resolve("my-plugin-1.0-javadoc.jar"));
    Files.createFile(target.resolve("my-plugin-1.0-tests.jar"));
    Files.createDirectory(target.resolve("classes"));

    assertThat(PluginJarLocator.locate(target)).isEqualTo(plugin.toAbsolutePath());
  }

  @Test
  void two_plugin_jars_are_refused_rather_than_one_picked_at_random() throws IOException {
    Files.createFile(target.resolve("my-plugin-1.0.jar"));
    Files.createFile(target.resolve("my-plugin-1.1.jar"));

    assertThatThrownBy(() -> PluginJarLocator.locate(target))
        .isInstanceOf(PluginJarMissingException.class)
        .hasMessageContaining("more than one jar");
  }

  @Test
  void a_jar_named_directly_is_taken_as_it_is() throws IOException {
    Path jar = Files.createFile(target.resolve("anything.jar"));

    assertThat(PluginJarLocator.locate(jar)).isEqualTo(jar.toAbsolutePath());
  }
}
