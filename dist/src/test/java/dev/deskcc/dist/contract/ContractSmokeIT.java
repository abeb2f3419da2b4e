package dev.deskcc.dist.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.deskcc.dist.support.Prerequisite.require;

import dev.deskcc.dist.support.Build;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shared contract's smoke checks ({@code ../shared/contract/smoke.py}), run from the project
 * root as the contract's owners run them: it starts {@code dist/target/deskcc/bin/deskcc-sim}
 * itself. Skipped, with the reason, where the script or python3 is missing.
 */
class ContractSmokeIT {

  @Test
  void the_contract_smoke_checks_pass() throws Exception {
    Path root = Build.repoRoot();
    Path smoke = root.resolve("../shared/contract/smoke.py").normalize();
    require(Files.isRegularFile(smoke), "no contract smoke script at " + smoke);
    Optional<Path> python = onPath("python3");
    require(python.isPresent(), "python3 is not on the PATH");

    Process process = new ProcessBuilder(python.get().toString(), "../shared/contract/smoke.py")
        .directory(root.toFile())
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(output).isTrue();
    System.out.println(output);

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains(" passed, 0 failed");
  }

  static Optional<Path> onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, program))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
