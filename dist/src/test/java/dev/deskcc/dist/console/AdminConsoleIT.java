package dev.deskcc.dist.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The department admin's screens: plugin settings from the plugin's descriptor, and the layout. */
class AdminConsoleIT extends ConsoleTest {

    private JsonNode settings(String dept) {
        return api.get("/api/v1/departments/" + world.id(dept) + "/plugins/" + PLUGIN + "/settings", ALICE).json();
    }

    @Test
    void an_admin_enables_cc_for_a_department_only_through_its_acknowledgement() {
        browser.signInAs(ALICE);
        browser.open("#/settings/" + world.id("hr"));
        browser.find(By.cssSelector("section.plugin-settings[data-plugin='" + PLUGIN + "']"));
        browser.screenshots("admin-settings");

        browser.labelled("Enable Secondary Contacts (CC)").click();
        browser.labelled("Auto-add email recipients in the ticket's Secondary Contacts (CCs) field").click();
        browser.button("Save settings");
        WebElement dialog = browser.find(By.cssSelector("dialog[open]"));
        assertThat(dialog.getText()).contains("Enable Secondary Contacts (CC)?", "I understand, enable");
        assertThat(settings("hr").path("enabled").asBoolean()).as("nothing stored before the acknowledgement").isFalse();
        browser.screenshots("admin-acknowledgement");

        browser.button("I understand, enable");
        WebElement ccRow = browser.find(By.cssSelector("ol.layout li.locked[data-field='cc']"));
        assertThat(ccRow.getText()).contains("Locked", "cannot be removed from the layout");
        JsonNode stored = settings("hr");
        assertThat(stored.path("enabled").asBoolean()).isTrue();
        assertThat(stored.path("autoAddRecipients").asBoolean()).isTrue();
        assertThat(browser.labelled("Enable Secondary Contacts (CC)").isSelected()).isTrue();

        // someone tries to take the locked field off the layout: the API's refusal shows beside it
        browser.click(By.cssSelector("li[data-field='cc'] button.remove"));
        WebElement refusal = browser.find(By.cssSelector("li[data-field='cc'] .problem[data-code='FIELD_LOCKED']"));
        assertThat(refusal.getAttribute("role")).isEqualTo("alert");
        assertThat(api.get("/api/v1/departments/" + world.id("hr") + "/layout", ALICE).json().toString()).contains("\"cc\"");
        browser.screenshots("admin-layout-locked");
    }

    @Test
    void a_help_center_refusal_shows_inline_and_changes_nothing() {
        browser.signInAs(ALICE);
        browser.open("#/settings/" + world.id("it"));
        browser.labelled("Enable Secondary Contacts (CC)").click();
        browser.labelled("End users can add Secondary Contacts (CCs) to tickets in the help center").click();
        browser.button("Save settings");
        browser.button("I understand, enable");
        WebElement refusal = browser.find(By.cssSelector("section.plugin-settings .problem[data-code='HELP_CENTER_REQUIRED']"));
        assertThat(refusal.isDisplayed()).isTrue();
        assertThat(settings("it").path("enabled").asBoolean()).isFalse();
        browser.screenshots("admin-help-center-refusal");
    }

    @Test
    void the_plugin_developer_stops_and_starts_plugins_and_reads_the_outbox() {
        world.enable("hr", Map.of());
        world.createTicket("hr", "Badge for Emma", java.util.List.of("Vera Verify <vera@verify-agency.test>"));
        browser.signInAsDeveloper();
        WebElement card = browser.find(By.cssSelector("li[data-plugin='" + PLUGIN + "']"));
        assertThat(card.getAttribute("data-state")).isEqualTo("STARTED");
        WebElement message = browser.find(By.cssSelector("ol.outbox li[data-event='TICKET_CREATED']"));
        assertThat(message.getText()).contains("Subject", "Message-ID", "vera@verify-agency.test");
        browser.screenshots("developer");

        browser.click(By.cssSelector("button[aria-label='Stop " + PLUGIN + "']"));
        browser.waitFor(d -> !d.findElements(By.cssSelector("li[data-plugin='" + PLUGIN + "'][data-state='STOPPED']")).isEmpty());
        browser.click(By.cssSelector("button[aria-label='Start " + PLUGIN + "']"));
        browser.waitFor(d -> !d.findElements(By.cssSelector("li[data-plugin='" + PLUGIN + "'][data-state='STARTED']")).isEmpty());
    }
}
