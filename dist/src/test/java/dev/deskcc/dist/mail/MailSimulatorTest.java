package dev.deskcc.dist.mail;

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
 * One simulator per test class with the built secondary-contacts jar in its plugins folder, and a
 * fresh scenario world before every test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MailSimulatorTest {

    private Simulator simulator;
    protected MailDesk desk;

    @BeforeAll
    void startSimulator(@TempDir Path plugins) throws IOException {
        Path jar = Build.pluginJar();
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        simulator = Simulator.builder().port(0).pluginsDir(plugins).fixtureJson(MailDesk.world()).build().start();
        desk = new MailDesk(simulator.baseUrl());
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
