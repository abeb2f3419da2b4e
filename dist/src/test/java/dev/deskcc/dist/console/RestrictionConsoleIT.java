package dev.deskcc.dist.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The restriction screen: an agent bars a CC from a ticket in the help center, then lifts the bar. */
class RestrictionConsoleIT extends ConsoleTest {
    private static final String MONA_ADDRESS = "mona@example.com";

    private int monaReads(String id) {
        return api.get("/api/v1/tickets/" + id, MONA).status();
    }

    @Test
    void an_agent_restricts_a_cc_from_the_help_center_and_lifts_it_again() {
        world.enable("hr", Map.of());
        String id = world.createTicket("hr", "Salary review for Emma", List.of("Mona Manager <" + MONA_ADDRESS + ">"))
                .path("id").asText();
        assertThat(monaReads(id)).as("a CC sees the ticket in the help center").isEqualTo(200);

        browser.signInAs(HANA);
        browser.open("#/tickets/" + id);
        browser.click(By.linkText("Help-center access"));
        browser.find(By.cssSelector("tr[data-email='" + MONA_ADDRESS + "'][data-restricted='false']"));
        assertThat(browser.driver().getTitle()).startsWith("Help-center access · #");

        browser.click(By.cssSelector("button[aria-label='Restrict " + MONA_ADDRESS + "']"));
        WebElement row = browser.find(By.cssSelector("tr[data-email='" + MONA_ADDRESS + "'][data-restricted='true']"));
        assertThat(row.getText()).contains("Restricted");
        assertThat(monaReads(id)).as("restricted: the help center no longer shows it").isEqualTo(404);
        // focus stays on the row that changed: its button is now "Lift restriction"
        assertThat(browser.driver().switchTo().activeElement().getAttribute("aria-label"))
                .isEqualTo("Lift the restriction on " + MONA_ADDRESS);
        browser.screenshots("agent-restrictions");

        // someone not on the ticket, by address; an unknown address is refused inline
        browser.fill("Contact email", "nobody-here@example.org");
        browser.click(By.cssSelector("form.inline button[type='submit']"));
        browser.find(By.cssSelector(".problem[data-code='UNKNOWN_CONTACT']"));
        browser.fill("Contact email", "emma@example.com");
        browser.click(By.cssSelector("form.inline button[type='submit']"));
        browser.find(By.cssSelector("tr[data-email='emma@example.com'][data-restricted='true']"));
        assertThat(api.get("/api/v1/tickets/" + id, EMMA).status()).as("even the requester").isEqualTo(404);

        browser.click(By.cssSelector("button[aria-label='Lift the restriction on " + MONA_ADDRESS + "']"));
        browser.find(By.cssSelector("tr[data-email='" + MONA_ADDRESS + "'][data-restricted='false']"));
        assertThat(monaReads(id)).as("lifted: the access she had is back").isEqualTo(200);
        assertThat(browser.all(By.cssSelector("tr[data-restricted='true']"))).hasSize(1);
    }
}
