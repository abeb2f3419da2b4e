package dev.deskcc.dist.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.deskcc.dist.support.Api;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The console under its own Content-Security-Policy, and {@code /sim} against a web page on
 * another origin, in headless Chromium: the browser is the attacker's tool here, so only a real one
 * shows what a page can make it send.
 */
class ConsoleSecurityIT extends ConsoleTest {

    /** Serves one attacking page from a second local server (another port: another origin). */
    private static HttpServer attacker(String page) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private String pluginState() {
        for (var p : api.get("/sim/plugins", null).json().path("plugins")) {
            if (p.path("id").asText().equals(PLUGIN)) {
                return p.path("state").asText();
            }
        }
        return "MISSING";
    }

    @Test
    void a_page_on_another_origin_cannot_stop_the_plugin_or_replace_the_world() throws Exception {
        String sim = simulator.baseUrl();
        String before = api.get("/sim/fixtures", null).body();
        int ticketsBefore = api.get("/api/v1/tickets", ALICE).json().path("tickets").size();
        assertThat(pluginState()).isEqualTo("STARTED");
        String world = "{\"org\":{\"name\":\"Pwned\",\"edition\":\"PROFESSIONAL\"},\"departments\":[],\"agents\":[],\"contacts\":[]}";
        String jsWorld = world.replace("\\", "\\\\").replace("\"", "\\\"");
        // the classic text/plain form trick (name + "=" + value is the JSON), a no-cors fetch of
        // each control call with a simple content type, and a beacon
        String page = "<!doctype html><html><body>"
                + "<iframe name=sink></iframe>"
                + "<form id=f method=POST enctype=text/plain target=sink action='" + sim + "/sim/fixtures'>"
                + "<input type=hidden name='" + world.substring(0, world.length() - 1).replace("'", "&#39;")
                + ",\"x\":\"' value='\"}'></form>"
                + "<script>"
                + "document.getElementById('f').submit();"
                + "const sim='" + sim + "';"
                + "Promise.allSettled(["
                + "fetch(sim+'/sim/plugins/" + PLUGIN + "/stop',{method:'POST',mode:'no-cors',body:'x',headers:{'Content-Type':'text/plain'}}),"
                + "fetch(sim+'/sim/plugins/" + PLUGIN + "/stop',{method:'POST',mode:'no-cors'}),"
                + "fetch(sim+'/sim/fixtures',{method:'POST',mode:'no-cors',body:\"" + jsWorld + "\",headers:{'Content-Type':'text/plain'}}),"
                + "fetch(sim+'/sim/users',{mode:'no-cors'})"
                + "]).then(()=>{navigator.sendBeacon(sim+'/sim/plugins/" + PLUGIN + "/stop','x');"
                + "setTimeout(()=>{document.title='sent';},500);});"
                + "</script></body></html>";
        HttpServer evil = attacker(page);
        try {
            String evilUrl = "http://127.0.0.1:" + evil.getAddress().getPort() + "/";
            assertThat(URI.create(evilUrl).getPort()).isNotEqualTo(URI.create(sim).getPort());
            browser.driver().get(evilUrl);
            browser.waitFor(d -> "sent".equals(d.getTitle()));
            Thread.sleep(500);
        } finally {
            evil.stop(0);
        }
        assertThat(pluginState()).as("the plugin still runs").isEqualTo("STARTED");
        assertThat(api.get("/sim/fixtures", null).body()).as("the world was not replaced").isEqualTo(before);
        assertThat(api.get("/api/v1/tickets", ALICE).json().path("tickets").size()).isEqualTo(ticketsBefore);
    }

    @Test
    void the_console_runs_under_its_content_security_policy_without_a_violation() {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        // installed by the browser before any page script (and outside the page's policy)
        chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__csp = []; document.addEventListener('securitypolicyviolation',"
                        + " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));"));
        browser.signInAs(ALICE);
        noViolation("tickets");
        browser.open("#/tickets/" + world.id("onboarding"));
        browser.find(By.tagName("h1"));
        noViolation("a ticket");
        browser.open("#/tickets/new");
        browser.find(By.tagName("form"));
        noViolation("new ticket");
        browser.open("#/settings/" + world.id("hr"));
        browser.find(By.cssSelector("section.plugin-settings"));
        noViolation("settings");
        browser.open("#/developer");
        browser.find(By.tagName("h1"));
        noViolation("developer");
        browser.signInAs(EMMA);
        browser.find(By.tagName("h1"));
        noViolation("help center");
        browser.open("#/help/" + world.id("laptop"));
        browser.find(By.tagName("h1"));
        noViolation("help center ticket");

        // the listener does see a violation: an inline script, as an injected string would need
        browser.script("const s = document.createElement('script'); s.textContent = 'window.__ran = 1;'; document.body.append(s);");
        browser.waitFor(d -> !violations().isEmpty());
        assertThat(violations()).anyMatch(v -> String.valueOf(v).startsWith("script-src"));
        assertThat(browser.script("return window.__ran === undefined;")).isEqualTo(true);
    }

    @SuppressWarnings("unchecked")
    private List<Object> violations() {
        Object v = browser.script("return window.__csp || null;");
        assertThat(v).as("the violation listener is installed").isNotNull();
        return (List<Object>) v;
    }

    private void noViolation(String screen) {
        try {
            Thread.sleep(Duration.ofMillis(300).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(violations()).as("CSP violations on " + screen).isEmpty();
        assertThat(browser.text()).as(screen).doesNotContain("Something went wrong");
    }
}
