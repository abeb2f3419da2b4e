package dev.deskcc.dist.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.sim.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lifecycle shared by the scenario tests: one simulator per test class, loading the real
 * secondary-contacts plugin jar from a plugins folder of its own, and a fresh world (the
 * contract's example fixture) before every test through {@code POST /sim/fixtures}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScenarioTest {

    private Simulator simulator;
    protected DeskApi desk;

    @BeforeAll
    void startSimulator(@TempDir Path plugins) throws IOException {
        Path jar = pluginJar();
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        simulator = Simulator.builder()
                .port(0)
                .pluginsDir(plugins)
                .fixtureJson(DeskApi.standardWorld("PROFESSIONAL"))
                .build()
                .start();
        desk = new DeskApi(new Http(simulator.baseUrl()));
    }

    @AfterAll
    void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @BeforeEach
    void freshWorld() {
        desk.reset();
    }

    /**
     * The built plugin jar: {@code -Ddeskcc.plugin.jar} as the dist build passes it, else the
     * cc-plugin module's own build output (for a run from the IDE).
     */
    private static Path pluginJar() throws IOException {
        String given = System.getProperty("deskcc.plugin.jar");
        if (given != null && !given.isBlank()) {
            Path jar = Paths.get(given);
            assertThat(jar).as("deskcc.plugin.jar").isRegularFile();
            return jar;
        }
        Path target = Paths.get("..", "cc-plugin", "target");
        assertThat(target).as("no -Ddeskcc.plugin.jar and no %s", target.toAbsolutePath()).isDirectory();
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("cc-plugin-.*\\.(jar|zip)"))
                    .filter(p -> !p.getFileName().toString().contains("sources"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no plugin jar in " + target.toAbsolutePath()));
        }
    }
}
