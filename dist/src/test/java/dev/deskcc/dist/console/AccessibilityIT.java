package dev.deskcc.dist.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every main screen, as each kind of user reaches it, audited with axe-core at 1280 and 390 px
 * wide (WCAG 2.0 to 2.2, A and AA): a serious or critical violation fails.
 */
class AccessibilityIT extends ConsoleTest {

    private String ticketWithCopies() {
        world.enable("hr", Map.of("endUsersCanAdd", true));
        world.createTicket("hr", "Badge request (duplicate)", List.of("Vera Verify <vera@verify-agency.test>"));
        JsonNode t = world.createTicket("hr", "Access badge for Emma",
                List.of("Mona Manager <mona@example.com>", "Vera Verify <vera@verify-agency.test>"));
        return t.path("id").asText();
    }

    private void screen(String hash, By ready, String name) {
        browser.open(hash);
        browser.find(ready);
        Axe.audit(browser, name);
    }

    @Test
    void the_audit_reports_a_serious_violation_with_its_rule_target_and_help() {
        // the check itself can fail: an unlabelled field planted in a real screen
        browser.signInAs(HANA);
        browser.open("#/tickets");
        browser.find(By.cssSelector("ul.tickets"));
        browser.script("const main = document.getElementById('main');"
                + "const input = document.createElement('input'); input.id = 'planted'; main.append(input);");
        List<String> found = Axe.run(browser, "planted");
        assertThat(found).anySatisfy(line -> assertThat(line).contains("label [critical]", "#planted", "Form elements must have labels"));
    }

    @Test
    void the_sign_in_and_developer_screens() {
        browser.open("#/signin");
        browser.script("sessionStorage.clear();");
        browser.driver().navigate().refresh();
        browser.find(By.cssSelector("button.user-choice"));
        Axe.audit(browser, "sign-in");
        browser.signInAsDeveloper();
        browser.find(By.cssSelector("li[data-plugin]"));
        Axe.audit(browser, "developer");
    }

    @Test
    void an_admins_screens() {
        String id = ticketWithCopies();
        browser.signInAs(ALICE);
        screen("#/settings/" + world.id("hr"), By.cssSelector("ol.layout li[data-field='cc']"), "admin settings");
        // the acknowledgement dialog (IT has the plugin off)
        browser.open("#/settings/" + world.id("it"));
        browser.labelled("Enable Secondary Contacts (CC)").click();
        browser.button("Save settings");
        browser.find(By.cssSelector("dialog[open]"));
        Axe.audit(browser, "admin acknowledgement");
        browser.button("Cancel");
        screen("#/tickets", By.cssSelector("ul.tickets"), "admin tickets");
        screen("#/tickets/" + id, By.cssSelector(".recipient-group[data-group='cc']"), "admin ticket");
    }

    @Test
    void an_agents_screens() {
        String id = ticketWithCopies();
        browser.signInAs(HANA);
        screen("#/tickets", By.cssSelector("ul.tickets"), "agent tickets");
        screen("#/tickets/new", By.cssSelector("form select"), "agent new ticket");
        screen("#/tickets/" + id, By.cssSelector(".field-view[data-field='cc'] li.chip"), "agent ticket");
        // the chip's provenance tooltip shown, and the CC editor open
        browser.script("document.querySelector('.field-view li.chip').focus();");
        Axe.audit(browser, "agent ticket, provenance shown");
        browser.button("Edit Secondary Contacts (CC)");
        browser.find(By.cssSelector("form.editor"));
        Axe.audit(browser, "agent CC editor");
        browser.button("Merge tickets…");
        browser.find(By.cssSelector("dialog[open] fieldset")).findElement(By.cssSelector("label")).click();
        browser.find(By.cssSelector("dialog[open] fieldset[data-choice='ccFrom']"));
        Axe.audit(browser, "agent merge dialog");
        browser.click(By.xpath("//dialog[@open]//button[normalize-space(.)='Cancel']"));
        screen("#/tickets/" + id + "/restrictions", By.cssSelector("table.restrictions-table"), "agent restrictions");
    }

    @Test
    void a_contacts_screens() {
        String id = ticketWithCopies();
        browser.signInAs(MONA);
        screen("#/help", By.cssSelector("ul.tickets"), "contact requests");
        screen("#/help/new", By.cssSelector("form select"), "contact submit");
        screen("#/help/" + id, By.xpath("//legend[normalize-space(.)='How did we do?']"), "contact request");
        screen("#/help/" + world.id("laptop"), By.xpath("//h1[normalize-space(.)='Not found']"), "contact not found");
    }
}
