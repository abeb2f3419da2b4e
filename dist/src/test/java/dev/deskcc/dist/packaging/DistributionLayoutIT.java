package dev.deskcc.dist.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.dist.support.Api;
import dev.deskcc.dist.support.Build;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** What `mvn package` leaves for operators: the unpacked distribution, its zip, the plugin and its checksum. */
class DistributionLayoutIT {

  private final Path home = Build.home();

  @Test
  void the_distribution_has_launcher_libraries_plugin_fixture_and_readme() throws IOException {
    assertThat(home.resolve("bin/deskcc-sim")).isRegularFile().isExecutable();
    assertThat(home.resolve("README")).isRegularFile();
    assertThat(Api.parse(Files.readString(home.resolve("fixtures/demo.json"))).path("departments")).isNotEmpty();
    assertThat(names(home.resolve("plugins"))).containsExactly(Build.pluginJar().getFileName().toString());
    assertThat(names(home.resolve("lib")))
        .anyMatch(n -> n.startsWith("host-simulator-"))
        .anyMatch(n -> n.startsWith("plugin-api-"))
        .anyMatch(n -> n.startsWith("picocli-"))
        .noneMatch(n -> n.startsWith("cc-plugin") || n.startsWith("secondary-contacts"));
  }

  @Test
  void the_plugin_in_the_distribution_is_the_operators_artifact() throws IOException {
    Path inDistribution = home.resolve("plugins").resolve(Build.pluginJar().getFileName());

    assertThat(sha256(inDistribution)).isEqualTo(sha256(Build.pluginJar()));
  }

  @Test
  void the_checksum_file_is_in_sha256sum_format_and_matches_the_plugin_jar() throws IOException {
    Path jar = Build.pluginJar();
    Path checksum = jar.resolveSibling(jar.getFileName() + ".sha256");

    List<String> lines = Files.readAllLines(checksum);

    // "<hex>  <name>" (text mode) or "<hex> *<name>" (binary mode), as sha256sum -c reads
    assertThat(lines).singleElement().asString()
        .matches("[0-9a-f]{64} [ *]" + java.util.regex.Pattern.quote(jar.getFileName().toString()))
        .startsWith(sha256(jar));
  }

  @Test
  void the_zip_holds_the_same_files_under_deskcc() throws IOException {
    Set<String> unpacked;
    try (Stream<Path> files = Files.walk(home)) {
      unpacked = files.filter(Files::isRegularFile)
          .map(p -> "deskcc/" + home.relativize(p).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> zipped;
    try (ZipFile zip = new ZipFile(Build.zip().toFile())) {
      zipped = zip.stream().filter(e -> !e.isDirectory()).map(e -> e.getName())
          .collect(Collectors.toCollection(TreeSet::new));
    }

    assertThat(zipped).isEqualTo(unpacked);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
