package dev.deskcc.cc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The module's own build leaves the jar's checksum beside it, in the form `sha256sum -c` reads. */
class PluginJarChecksumIT {

  @Test
  void the_plugin_jar_has_its_sha256_beside_it() throws IOException, NoSuchAlgorithmException {
    Path jar = Path.of(System.getProperty("deskcc.plugin.jar"));
    Path sum = jar.resolveSibling(jar.getFileName() + ".sha256");

    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
    assertThat(Files.readString(sum).strip()).matches(expected + " [ *]" + jar.getFileName());
  }
}
