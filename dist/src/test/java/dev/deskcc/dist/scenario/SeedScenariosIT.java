package dev.deskcc.dist.scenario;

import static dev.deskcc.dist.scenario.DeskApi.ADMIN;
import static dev.deskcc.dist.scenario.DeskApi.EMMA;
import static dev.deskcc.dist.scenario.DeskApi.EMMA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.MONA;
import static dev.deskcc.dist.scenario.DeskApi.MONA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.VERA;
import static dev.deskcc.dist.scenario.DeskApi.VERA_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two stories of the seeds, end to end over HTTP. */
class SeedScenariosIT extends ScenarioTest {

    @Test
    void hr_keeps_the_background_check_agency_in_the_loop() throws Exception {
        // the admin enables CC on HR: the pop-up must be acknowledged, then the auto-add option
        Answer refused = desk.putSettings("hr", Map.of("enabled", true, "autoAddRecipients", true), ADMIN);
        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        Answer enabled = desk.putSettings("hr", Map.of("enabled", true, "acknowledged", true, "autoAddRecipients", true), ADMIN);
        assertThat(enabled.ok()).as("%s", enabled).isTrue();
        assertThat(enabled.json().path("autoAddRecipients").asBoolean()).isTrue();

        // the HR executive raises the onboarding ticket with the agency's contact as CC
        long seq = desk.lastSeq();
        JsonNode ticket = desk.ticketWithCc("hr", "Vera Verify <vera@verify-agency.test>");
        String id = ticket.path("id").asText();
        assertThat(Views.ccEmails(ticket)).containsExactly(VERA_MAIL);
        assertThat(Views.ccEntry(ticket, VERA_MAIL).orElseThrow().path("source").asText()).isEqualTo("AGENT");
        assertThat(Views.notified(desk.outbox(id, seq), "TICKET_CREATED")).contains(VERA_MAIL);

        // the agent's reply reaches Vera
        seq = desk.lastSeq();
        desk.agentReply(id, "Please run the background check: employment history and identity.");
        List<JsonNode> replies = Views.messagesOf(desk.outbox(id, seq), "AGENT_REPLY");
        assertThat(Views.notified(replies, "AGENT_REPLY")).contains(VERA_MAIL, EMMA_MAIL);
        String messageId = replies.stream().filter(m -> Views.recipients(m).contains(VERA_MAIL))
                .findFirst().orElseThrow().path("messageId").asText();
        assertThat(messageId).startsWith("<").endsWith(">");

        // Vera answers by mail with the report and copies a colleague
        byte[] report = "%PDF-1.4\nEmployment history: verified\nIdentity: verified\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Answer taken = desk.inbound(Mail.from("Vera Verify <vera@verify-agency.test>")
                .to("onboarding@acme.test").cc("Val Colleague <val@verify-agency.test>")
                .subject("Re: Background check").inReplyTo(messageId)
                .text("Stages 1 and 2 are complete, report attached.")
                .attach("report.pdf", "application/pdf", report).bytes());
        assertThat(taken.status()).as("%s", taken).isEqualTo(202);
        assertThat(taken.json().path("ticketId").asText()).isEqualTo(id);
        assertThat(taken.json().path("created").asBoolean()).isFalse();

        JsonNode after = desk.ticket(id);
        JsonNode inbound = Views.thread(after, "INBOUND").stream()
                .filter(e -> e.path("id").asText().equals(taken.json().path("entryId").asText())).findFirst().orElseThrow();
        assertThat(inbound.path("author").path("email").asText()).isEqualToIgnoringCase(VERA_MAIL);
        JsonNode attachment = inbound.path("attachments").get(0);
        assertThat(attachment.path("name").asText()).isEqualTo("report.pdf");
        assertThat(attachment.path("size").asLong()).isEqualTo(report.length);
        assertThat(attachment.path("sha256").asText()).isEqualToIgnoringCase(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(report)));
        assertThat(after.path("requester").path("email").asText()).isEqualToIgnoringCase(EMMA_MAIL);
        assertThat(Views.ccEmails(after)).containsExactly(VERA_MAIL, "val@verify-agency.test");
        assertThat(Views.ccEntry(after, "val@verify-agency.test").orElseThrow().path("source").asText()).isEqualTo("EMAIL");

        // Vera follows the ticket in the help center as a CC, her report included
        assertThat(Views.row(desk.ticketsSeenBy(VERA), id))
                .hasValueSatisfying(r -> assertThat(r.path("role").asText()).isEqualTo("CC"));
        Answer seen = desk.ticketAs(id, VERA);
        assertThat(seen.status()).as("%s", seen).isEqualTo(200);
        assertThat(seen.json().path("thread").toString()).contains("report.pdf", "Stages 1 and 2 are complete");
    }

    @Test
    void a_customer_keeps_their_manager_in_the_loop_from_the_help_center() {
        Answer enabled = desk.putSettings("hr", Map.of("enabled", true, "acknowledged", true, "endUsersCanAdd", true), ADMIN);
        assertThat(enabled.ok()).as("%s", enabled).isTrue();

        // the customer submits a ticket in the help center, CC'ing their manager
        long seq = desk.lastSeq();
        Answer submitted = desk.submit(EMMA, "hr", List.of("Mona Manager <mona@example.com>"));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
        String id = submitted.json().path("id").asText();
        assertThat(submitted.json().path("channel").asText()).isEqualTo("HELP_CENTER");
        assertThat(submitted.json().path("requester").path("email").asText()).isEqualToIgnoringCase(EMMA_MAIL);
        assertThat(Views.ccEmails(submitted.json())).containsExactly(MONA_MAIL);
        assertThat(Views.ccEntry(submitted.json(), MONA_MAIL).orElseThrow().path("source").asText()).isEqualTo("HELP_CENTER");

        // the manager is told the ticket exists and can track it on their own
        assertThat(Views.timesNotified(desk.outbox(id, seq), "TICKET_CREATED", MONA_MAIL)).isEqualTo(1);
        assertThat(Views.row(desk.ticketsSeenBy(MONA), id))
                .hasValueSatisfying(r -> assertThat(r.path("role").asText()).isEqualTo("CC"));
        assertThat(desk.ticketAs(id, MONA).status()).isEqualTo(200);

        // the agent's reply reaches the manager, who can step in
        seq = desk.lastSeq();
        desk.agentReply(id, "We need your manager's approval for the laptop.");
        assertThat(Views.notified(desk.outbox(id, seq), "AGENT_REPLY")).contains(MONA_MAIL, EMMA_MAIL);
        Answer stepIn = desk.reply(id, Map.of("content", "Approved."), MONA);
        assertThat(stepIn.status()).as("%s", stepIn).isEqualTo(201);
        assertThat(desk.ticketAs(id, EMMA).json().path("thread").toString()).contains("Approved.");
    }
}
