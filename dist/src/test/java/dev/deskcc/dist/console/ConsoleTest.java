package dev.deskcc.dist.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.dist.support.Api;
import dev.deskcc.dist.support.Build;
import dev.deskcc.sim.Simulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One simulator (the real plugin jar in its plugins folder, the bundled demo world) and one
 * headless Chromium per test class; a fresh demo world before every test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleTest {
    static final String PLUGIN = "secondary-contacts";
    static final String ALICE = "alice-token";
    static final String HANA = "hana-token";
    static final String EMMA = "emma-token";
    static final String MONA = "mona-token";

    protected Simulator simulator;
    protected Browser browser;
    protected Api api;
    protected World world;
    private String demoFixture;

    /** Whether the class runs with the plugin; a plain help desk overrides this. */
    protected boolean withPlugin() {
        return true;
    }

    @BeforeAll
    void start(@TempDir Path plugins) throws IOException {
        Browser.requireChromium();
        if (withPlugin()) {
            Path jar = Build.pluginJar();
            Files.copy(jar, plugins.resolve(jar.getFileName()));
        }
        demoFixture = demoFixture();
        simulator = Simulator.builder().port(0).pluginsDir(plugins).build().start();
        api = new Api(simulator.baseUrl());
        browser = Browser.start(simulator.baseUrl());
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @BeforeEach
    void freshWorld() {
        Api.Reply loaded = api.post("/sim/fixtures", null, demoFixture);
        assertThat(loaded.status()).as("%s", loaded).isEqualTo(200);
        world = new World(api, loaded.json().path("ids"));
    }

    private static String demoFixture() {
        try (InputStream in = Simulator.class.getResourceAsStream("/fixtures/demo.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
