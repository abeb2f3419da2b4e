package dev.deskcc.dist.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.dist.support.Build;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Contract §6 as people see it in a real browser: agents see who is muted or bouncing, when and
 * why, and clear a bounce (never a mute); a help-center user switches their own mail; a link
 * opened (or prefetched) by a browser or a scanner unsubscribes nobody, only its button does.
 */
class MailStatusConsoleIT extends ConsoleTest {
    private static final String MONA_MAIL = "mona@example.com";
    private static final String VERA_MAIL = "vera@verify-agency.test";
    private static final String DSN = "host-simulator/src/test/resources/mail/dsn/postfix-user-unknown.eml";

    private JsonNode ticket() {
        world.enable("hr", Map.of("endUsersCanAdd", true));
        return world.createTicket("hr", "Laptop for Emma",
                List.of("Mona Manager <" + MONA_MAIL + ">", "Vera Verify <" + VERA_MAIL + ">"));
    }

    private String link(String ticketId, String email) {
        String url = world.outbox(ticketId).get(0).path("unsubscribe").path(email).asText();
        assertThat(url).as("unsubscribe link of %s", email).contains("/unsubscribe/");
        return url;
    }

    private boolean muted(String ticketId, String token) {
        return api.get("/api/v1/tickets/" + ticketId + "/notifications", token).json().path("muted").asBoolean();
    }

    private JsonNode entry(String ticketId, String email) {
        for (JsonNode e : world.ticket(ticketId, HANA).path("fields").path("cc")) {
            if (e.path("email").asText().equalsIgnoreCase(email)) {
                return e;
            }
        }
        throw new AssertionError(email + " is no CC");
    }

    private void bounce(String ticketId, String email) {
        String messageId = world.outbox(ticketId).get(0).path("messageId").asText();
        try {
            String raw = Files.readString(Build.repoRoot().resolve(DSN), StandardCharsets.UTF_8)
                    .replace("<7d1c9e0a-6b2f-4f7e-9c1d-2a9f3e4b5c6d@desk.acme.test>", messageId)
                    .replace("gone@example.org", email).replace("\r\n", "\n").replace("\n", "\r\n");
            JsonNode answer = world.deliverInbound(raw, simulator.baseUrl());
            assertThat(answer.path("dropped").asText()).isEqualTo("DELIVERY_REPORT");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebElement chip(String scope, String email) {
        return browser.find(By.cssSelector(scope + " li.chip[data-email='" + email + "']"));
    }

    private WebElement active() {
        return browser.driver().switchTo().activeElement();
    }

    private String status() {
        return browser.waitFor(d -> {
            String text = d.findElement(By.id("status")).getAttribute("textContent");
            return text.isEmpty() ? null : text;
        });
    }

    @Test
    void agents_see_muted_and_bouncing_people_with_when_and_why_and_clear_a_bounce_by_keyboard() {
        JsonNode t = ticket();
        String id = t.path("id").asText();
        assertThat(api.call("POST", URI.create(link(id, MONA_MAIL)).getRawPath(), null, "").status()).isEqualTo(200);
        assertThat(api.put("/api/v1/tickets/" + id + "/notifications", EMMA, Map.of("muted", true)).status()).isEqualTo(200);
        bounce(id, VERA_MAIL);

        browser.signInAs(HANA);
        browser.open("#/tickets/" + id);
        WebElement mona = chip(".field-view[data-field='cc']", MONA_MAIL);
        assertThat(mona.getAttribute("data-mail")).isEqualTo("muted");
        assertThat(mona.findElement(By.cssSelector(".marker")).getText()).isEqualTo("Muted");
        String monaTip = mona.findElement(By.cssSelector(".tip")).getAttribute("textContent");
        assertThat(monaTip).contains("Muted by themselves on", "Only they can turn it back on");
        assertThat(mona.getAttribute("aria-describedby")).isEqualTo(mona.findElement(By.cssSelector(".tip")).getAttribute("id"));
        assertThat(mona.findElements(By.tagName("button"))).as("agents cannot unmute").isEmpty();

        WebElement requester = chip(".requester-line", "emma@example.com");
        assertThat(requester.getAttribute("data-mail")).isEqualTo("muted");
        assertThat(requester.getText()).contains("Emma Newhire", "Muted");

        WebElement vera = chip(".field-view[data-field='cc']", VERA_MAIL);
        assertThat(vera.getAttribute("data-mail")).isEqualTo("bouncing");
        assertThat(vera.findElement(By.cssSelector(".tip")).getAttribute("textContent"))
                .contains("Mail to this address bounced on", "(ticket #" + t.path("number").asText() + ")");
        assertThat(browser.text()).doesNotContainIgnoringCase("unmute");
        // the reply editor marks who its reply will not reach
        assertThat(chip(".recipient-group[data-group='cc']", MONA_MAIL).getAttribute("data-mail")).isEqualTo("muted");
        assertThat(chip(".recipient-group[data-group='cc']", VERA_MAIL).getAttribute("data-mail")).isEqualTo("bouncing");
        assertThat(chip(".recipient-group[data-group='to']", "emma@example.com").getAttribute("data-mail")).isEqualTo("muted");

        // the tooltip shows on keyboard focus, as on hover
        browser.script("arguments[0].focus();", mona);
        assertThat(mona.findElement(By.cssSelector(".tip")).isDisplayed()).isTrue();
        browser.screenshots("agent-ticket-muted-bouncing");
        browser.script("arguments[0].blur();", mona);
        Axe.audit(browser, "agent ticket with muted and bouncing people");

        WebElement clear = vera.findElement(By.cssSelector("button.clear-bounce"));
        assertThat(clear.getAttribute("aria-label")).isEqualTo("Clear bounce for " + VERA_MAIL);
        browser.script("arguments[0].focus();", clear);
        active().sendKeys(Keys.ENTER);
        assertThat(status()).isEqualTo("Bounce of " + VERA_MAIL + " cleared: mail reaches it again");
        browser.waitFor(d -> d.findElements(By.cssSelector(".field-view[data-field='cc'] li.chip[data-email='" + VERA_MAIL
                + "'][data-mail='']")).size() == 1 ? true : null);
        assertThat(entry(id, VERA_MAIL).path("bouncing").asBoolean()).isFalse();
        assertThat(entry(id, MONA_MAIL).path("muted").asBoolean()).as("the mute stays").isTrue();
    }

    @Test
    void a_help_center_user_switches_their_mail_for_a_ticket_with_the_keyboard() {
        String id = ticket().path("id").asText();
        browser.signInAs(MONA);
        browser.open("#/help/" + id);
        WebElement box = browser.labelled("Email me about this ticket");
        assertThat(box.getAttribute("type")).isEqualTo("checkbox");
        assertThat(box.isSelected()).isTrue();
        assertThat(browser.driver().findElement(By.id(box.getAttribute("aria-describedby"))).getText())
                .contains("rating invitations included");
        Axe.audit(browser, "help-center ticket with the mail switch");

        browser.script("arguments[0].focus();", box);
        active().sendKeys(Keys.SPACE);
        assertThat(status()).isEqualTo("You will get no more email about this request");
        browser.waitFor(d -> muted(id, MONA) ? true : null);
        assertThat(browser.labelled("Email me about this ticket").isSelected()).isFalse();
        assertThat(active().getAttribute("id")).as("focus stays on the switch").isEqualTo(box.getAttribute("id"));
        assertThat(entry(id, MONA_MAIL).path("muted").asBoolean()).isTrue();
        browser.screenshots("help-mail-switch");

        active().sendKeys(Keys.SPACE);
        browser.waitFor(d -> d.findElement(By.id("status")).getAttribute("textContent")
                .equals("You will get email about this request") ? true : null);
        assertThat(muted(id, MONA)).isFalse();
        browser.open("#/help/" + id);
        assertThat(browser.labelled("Email me about this ticket").isSelected()).as("after a reload").isTrue();
    }

    @Test
    void a_browser_opening_or_prefetching_the_link_unsubscribes_nobody_only_the_button_does() throws InterruptedException {
        String id = ticket().path("id").asText();
        String url = link(id, MONA_MAIL);

        // what a mail client or scanner's browser does ahead of a click: prefetch and prerender
        browser.signInAs(HANA);
        browser.open("#/tickets");
        browser.find(By.cssSelector("ul.tickets"));
        browser.script("for (const rel of ['prefetch', 'prerender']) { const l = document.createElement('link');"
                + " l.rel = rel; l.href = arguments[0]; document.head.append(l); }", url);
        Thread.sleep(1500);
        browser.driver().get(url);
        browser.find(By.xpath("//button[normalize-space(.)='Stop emails about this ticket']"));
        browser.driver().navigate().refresh();
        browser.find(By.xpath("//button[normalize-space(.)='Stop emails about this ticket']"));
        assertThat(browser.text()).contains("Nothing changes until you press the button");
        assertThat(muted(id, MONA)).as("opened, prefetched, reloaded: still subscribed").isFalse();
        assertThat(api.get("/api/v1/tickets/" + id + "/history", HANA).body()).doesNotContain("RECIPIENT_MUTED");
        Axe.audit(browser, "unsubscribe page");
        browser.screenshots("unsubscribe-page");

        browser.button("Stop emails about this ticket");
        browser.waitForText("You will get no more emails about ticket #");
        assertThat(muted(id, MONA)).isTrue();
        Axe.audit(browser, "unsubscribed page");
        browser.driver().get(url);
        browser.waitForText("gets no more emails about this ticket");
        assertThat(browser.all(By.tagName("button"))).as("a muted person's page offers nothing to press").isEmpty();
    }
}
