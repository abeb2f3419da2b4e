package dev.deskcc.dist.scenario;

import dev.deskcc.dist.support.Build;
import dev.deskcc.sim.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path jar = Build.pluginJar();
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
}
