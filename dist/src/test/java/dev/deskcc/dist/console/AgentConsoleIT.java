package dev.deskcc.dist.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The agent's screens, through the first seed's story and the merge dialog. */
class AgentConsoleIT extends ConsoleTest {
    private static final String VERA = "vera@verify-agency.test";

    private static List<String> ccEmails(JsonNode ticket) {
        List<String> out = new ArrayList<>();
        ticket.path("fields").path("cc").forEach(c -> out.add(c.path("email").asText().toLowerCase()));
        return out;
    }

    private String ticketIdInUrl() {
        String url = browser.driver().getCurrentUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void hr_raises_the_onboarding_ticket_with_the_agency_copied_and_its_mailed_report_lands_in_the_thread() {
        world.enable("hr", Map.of("autoAddRecipients", true));
        browser.signInAs(HANA);
        browser.open("#/tickets/new");
        new Select(browser.labelled("Department")).selectByVisibleText("HR Onboarding");
        browser.fill("Subject", "Background check for Emma Newhire");
        browser.fill("Description", "Please run the standard background check.");
        browser.fill("Requester email", "emma@example.com");
        browser.fill("Requester name", "Emma Newhire");
        browser.fill("Secondary Contacts (CC)", "Vera Verify <" + VERA + ">");
        browser.screenshots("agent-new-ticket");
        browser.button("Create ticket");

        WebElement chip = browser.find(By.cssSelector(".field-view[data-field='cc'] li.chip[data-email='" + VERA + "']"));
        String id = ticketIdInUrl();
        assertThat(ccEmails(world.ticket(id, HANA))).containsExactly(VERA);
        // provenance on hover or keyboard focus
        assertThat(chip.getAttribute("title")).contains("Source: Agent", "Added by", "Added at");
        browser.script("arguments[0].focus();", chip);
        WebElement tip = chip.findElement(By.cssSelector(".tip"));
        assertThat(tip.isDisplayed()).isTrue();
        assertThat(chip.getAttribute("aria-describedby")).isEqualTo(tip.getAttribute("id"));
        browser.screenshots("agent-ticket-chips");

        // the reply editor: requester in To, the agency pre-filled as a copy
        WebElement copies = browser.find(By.cssSelector(".recipient-group[data-group='cc']"));
        assertThat(copies.getText()).contains(VERA);
        assertThat(browser.find(By.cssSelector(".recipient-group[data-group='to']")).getText()).contains("emma@example.com");
        browser.fill("Reply", "Please run the background check: employment history and identity.");
        browser.button("Send reply");
        browser.waitForText("employment history and identity.");
        JsonNode reply = lastMessage(id, "AGENT_REPLY");
        assertThat(reply.path("cc").toString() + reply.path("to")).contains(VERA);

        // the agency answers by mail with its report (the mail gateway posts it), copying a spam address
        String raw = "From: Vera Verify <" + VERA + ">\r\nTo: onboarding@acme.test\r\nCc: junk@spam.test\r\n"
                + "Subject: Re: Background check\r\nIn-Reply-To: " + reply.path("messageId").asText() + "\r\n"
                + "Message-ID: <report-1@verify-agency.test>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Stages 1 and 2 are complete, report attached.\r\n--b\r\n"
                + "Content-Type: application/pdf; name=\"report.pdf\"\r\nContent-Disposition: attachment; filename=\"report.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString("%PDF-1.4\nverified\n%%EOF\n".getBytes()) + "\r\n--b--\r\n";
        assertThat(world.deliverInbound(raw, simulator.baseUrl()).path("ticketId").asText()).isEqualTo(id);
        browser.driver().navigate().refresh();
        WebElement inbound = browser.find(By.cssSelector("li.entry[data-kind='INBOUND']:last-child"));
        assertThat(inbound.getText()).contains("Stages 1 and 2 are complete", "report.pdf", "Vera Verify");

        // the history tells which recipient a rule left out, and why
        WebElement skipped = browser.find(By.cssSelector("ol.history li[data-type='CC_SKIPPED']"));
        assertThat(skipped.getText()).contains("junk@spam.test", "CONTACT_SPAM");
        browser.screenshots("agent-thread-report");

        // editing the field: each rejected address is marked beside its entry
        browser.button("Edit Secondary Contacts (CC)");
        browser.fill("Add address", "junk@spam.test, onboarding@acme.test");
        browser.button("Add");
        browser.button("Save");
        browser.find(By.cssSelector("li[data-entry='junk@spam.test'] .rejection[data-code='CONTACT_SPAM']"));
        browser.find(By.cssSelector("li[data-entry='onboarding@acme.test'] .rejection[data-code='SUPPORT_ADDRESS']"));
        assertThat(ccEmails(world.ticket(id, HANA))).containsExactly(VERA);
        browser.screenshots("agent-cc-rejected");
    }

    @Test
    void a_copy_removed_in_the_reply_editor_misses_that_reply_only() {
        world.enable("hr", Map.of());
        String id = world.createTicket("hr", "Laptop for Emma", List.of("Mona Manager <mona@example.com>")).path("id").asText();
        browser.signInAs(HANA);
        browser.open("#/tickets/" + id);
        browser.click(By.cssSelector(".recipient-group[data-group='cc'] button[aria-label='Remove mona@example.com from this reply']"));
        browser.fill("Reply", "Only for Emma.");
        browser.button("Send reply");
        browser.waitForText("Only for Emma.");
        JsonNode reply = lastMessage(id, "AGENT_REPLY");
        assertThat(reply.toString()).doesNotContain("mona@example.com");
        assertThat(ccEmails(world.ticket(id, HANA))).containsExactly("mona@example.com");
    }

    @Test
    void an_agent_merges_two_tickets_choosing_whose_copies_carry_over_after_a_preview() {
        world.enable("hr", Map.of());
        JsonNode target = world.createTicket("hr", "Access badge for Emma", List.of("Mona Manager <mona@example.com>"));
        JsonNode source = world.createTicket("hr", "Badge request (duplicate)", List.of("Vera Verify <" + VERA + ">"));
        browser.signInAs(HANA);
        browser.open("#/tickets/" + target.path("id").asText());
        browser.button("Merge tickets…");
        WebElement dialog = browser.find(By.cssSelector("dialog[open]"));
        dialog.findElement(By.xpath(".//fieldset[not(@data-choice)]//label[contains(., 'Badge request (duplicate)')]")).click();
        WebElement choice = dialog.findElement(By.cssSelector("fieldset[data-choice='ccFrom']"));
        assertThat(choice.getText()).contains("Keep the CCs of", "All of them");
        choice.findElement(By.xpath(".//label[contains(., 'Badge request (duplicate)')]")).click();
        browser.button("Preview merge");
        WebElement preview = browser.find(By.cssSelector("dialog .preview li.chip[data-email='" + VERA + "']"));
        assertThat(preview.isDisplayed()).isTrue();
        assertThat(world.ticket(source.path("id").asText(), HANA).path("status").asText()).as("a preview changes nothing").isEqualTo("OPEN");
        browser.screenshots("agent-merge-preview");

        browser.button("Confirm merge");
        // the preview shows the same chip: only a closed dialog says the merge has been answered
        browser.waitFor(d -> d.findElements(By.cssSelector("dialog[open]")).isEmpty());
        browser.find(By.cssSelector(".field-view[data-field='cc'] li.chip[data-email='" + VERA + "']"));
        JsonNode merged = world.ticket(target.path("id").asText(), HANA);
        assertThat(ccEmails(merged)).containsExactly(VERA);
        assertThat(merged.path("fields").path("cc").get(0).path("source").asText()).isEqualTo("MERGE");
        assertThat(world.ticket(source.path("id").asText(), HANA).path("status").asText()).isEqualTo("MERGED");
    }

    private JsonNode lastMessage(String ticketId, String event) {
        JsonNode found = null;
        for (JsonNode m : world.outbox(ticketId)) {
            if (m.path("event").asText().equals(event)) {
                found = m;
            }
        }
        assertThat(found).as("a %s message for %s", event, ticketId).isNotNull();
        return found;
    }
}
