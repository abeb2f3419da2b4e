package dev.deskcc.dist.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** With an empty plugins folder the console is a plain help desk: no CC word anywhere. */
class PlainConsoleIT extends ConsoleTest {

    @Override
    protected boolean withPlugin() {
        return false;
    }

    @Test
    void an_empty_plugins_folder_gives_a_plain_help_desk() {
        browser.signInAs(ALICE);
        browser.open("#/settings/" + world.id("hr"));
        browser.waitForText("No plugin with settings is running.");
        assertThat(browser.text()).doesNotContainPattern("(?i)\\bcc\\b|secondary");

        browser.open("#/tickets/" + world.id("onboarding"));
        browser.find(By.cssSelector("li.entry[data-kind='INBOUND']"));
        assertThat(browser.all(By.cssSelector(".field-view"))).isEmpty();
        assertThat(browser.text()).doesNotContainPattern("(?i)\\bcc\\b|secondary");
        browser.screenshots("plain-ticket");

        browser.open("#/developer");
        browser.waitForText("The plugins folder is empty");
    }
}
