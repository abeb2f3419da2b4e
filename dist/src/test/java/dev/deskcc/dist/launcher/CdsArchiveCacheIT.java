package dev.deskcc.dist.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.dist.support.Build;
import dev.deskcc.dist.support.LauncherProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every new installation makes a class-data archive of ~40 MB; the cache keeps the 3 newest. */
class CdsArchiveCacheIT {

  @TempDir Path cache;

  @Test
  void making_a_new_archive_removes_all_but_the_three_newest() throws IOException {
    Path dir = Files.createDirectories(cache.resolve("deskcc"));
    for (int i = 0; i < 5; i++) {
      Path old = Files.writeString(dir.resolve("deskcc-old" + i + ".jsa"), "an archive of an installation gone");
      Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(10 - i))));
    }

    try (LauncherProcess launcher = LauncherProcess.start(Build.home(), Map.of("XDG_CACHE_HOME", cache.toString()),
        "--port", "0")) {
      launcher.awaitListening(Duration.ofSeconds(90));
    }

    List<String> left;
    try (Stream<Path> files = Files.list(dir)) {
      left = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsa")).sorted().toList();
    }
    assertThat(left).hasSize(3).contains("deskcc-old4.jsa", "deskcc-old3.jsa")
        .anyMatch(n -> !n.startsWith("deskcc-old"));
  }
}
