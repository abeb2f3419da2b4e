package dev.deskcc.dist.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.dist.support.Api;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (vendored from npm under {@code src/test/resources/axe-core}, see its README) run in the
 * page: the WCAG 2.0, 2.1 and 2.2 A and AA rules. A serious or critical violation fails the test
 * with its rule id, target and help text; every finding of every impact is also written to
 * {@code target/axe/findings.txt}, so that the lesser ones stay visible.
 */
final class Axe {
    private static final String SOURCE = load();
    private static final Path FINDINGS = Path.of("target", "axe", "findings.txt");

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
              resultTypes: ['violations']
            }).then(r => done(JSON.stringify(r.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' '))
            }))))).catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));
            """;

    private Axe() {}

    /** Audits the screen as it is now at 1280 and at 390 px wide. */
    static void audit(Browser browser, String screen) {
        List<String> serious = new ArrayList<>();
        for (Dimension size : List.of(Browser.WIDE, Browser.NARROW)) {
            browser.driver().manage().window().setSize(size);
            serious.addAll(run(browser, screen + " @" + size.getWidth()));
        }
        browser.driver().manage().window().setSize(Browser.WIDE);
        assertThat(serious).as("serious or critical axe-core violations on %s", screen).isEmpty();
    }

    /** The serious and critical findings on the page as it is, each as "screen: rule [impact] help → target :: summary". */
    static List<String> run(Browser browser, String screen) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(SOURCE);
        }
        JsonNode violations = Api.parse((String) js.executeAsyncScript(RUN));
        List<String> serious = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (JsonNode v : violations) {
            String impact = v.path("impact").asText();
            for (JsonNode node : v.path("nodes")) {
                String line = screen + ": " + v.path("id").asText() + " [" + impact + "] " + v.path("help").asText()
                        + " -> " + node.asText();
                all.append(line).append('\n');
                if (impact.equals("serious") || impact.equals("critical")) {
                    serious.add(line);
                }
            }
            if (v.path("nodes").isEmpty()) {
                String line = screen + ": " + v.path("id").asText() + " [" + impact + "] " + v.path("help").asText();
                all.append(line).append('\n');
                if (impact.equals("serious") || impact.equals("critical")) {
                    serious.add(line);
                }
            }
        }
        record(all.length() == 0 ? screen + ": no violation\n" : all.toString());
        return serious;
    }

    private static synchronized void record(String text) {
        try {
            Files.createDirectories(FINDINGS.getParent());
            Files.writeString(FINDINGS, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe-core/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core/axe.min.js is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
