package dev.deskcc.dist.scenario;

import static dev.deskcc.dist.scenario.DeskApi.AGENT;
import static dev.deskcc.dist.scenario.DeskApi.EMMA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.MONA;
import static dev.deskcc.dist.scenario.DeskApi.MONA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.OSCAR_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.VERA_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract §5, reply editor: leaving a CC out skips one reply; adding one (in cc or to) joins the ticket. */
class ReplyEditorIT extends ScenarioTest {

    @Test
    void a_reply_with_cc_left_out_goes_to_every_ticket_cc() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL).path("id").asText();
        long seq = desk.lastSeq();
        desk.agentReply(id, "Update");
        assertThat(Views.notified(desk.outbox(id, seq), "AGENT_REPLY")).contains(EMMA_MAIL, MONA_MAIL, VERA_MAIL);
    }

    @Test
    void a_cc_left_out_of_a_reply_does_not_get_that_reply_and_stays_on_the_ticket() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL).path("id").asText();
        long seq = desk.lastSeq();
        Answer answer = desk.reply(id, Map.of("content", "Only for Vera", "cc", List.of(VERA_MAIL)), AGENT);
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        List<JsonNode> msgs = desk.outbox(id, seq);
        assertThat(Views.notified(msgs, "AGENT_REPLY")).contains(EMMA_MAIL, VERA_MAIL).doesNotContain(MONA_MAIL);
        assertThat(Views.ccEmails(desk.ticket(id))).containsExactly(MONA_MAIL, VERA_MAIL);
        assertThat(desk.ticketAs(id, MONA).status()).as("still sees it in the help center").isEqualTo(200);

        seq = desk.lastSeq();
        desk.agentReply(id, "For everyone again");
        assertThat(Views.notified(desk.outbox(id, seq), "AGENT_REPLY")).as("skipped for that reply only").contains(MONA_MAIL);
    }

    @Test
    void an_empty_cc_in_a_reply_reaches_no_cc_and_removes_none() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL).path("id").asText();
        long seq = desk.lastSeq();
        assertThat(desk.reply(id, Map.of("content", "Just you", "cc", List.of()), AGENT).status()).isEqualTo(201);
        assertThat(Views.notified(desk.outbox(id, seq), "AGENT_REPLY")).contains(EMMA_MAIL).doesNotContain(MONA_MAIL, VERA_MAIL);
        assertThat(Views.ccEmails(desk.ticket(id))).containsExactly(MONA_MAIL, VERA_MAIL);
    }

    @Test
    void an_address_added_in_the_reply_cc_joins_the_ticket_and_gets_the_reply() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        long seq = desk.lastSeq();
        Answer answer = desk.reply(id, Map.of("content", "Adding Vera", "cc", List.of(MONA_MAIL, "Vera V <VERA@verify-agency.test>")), AGENT);
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(Views.notified(desk.outbox(id, seq), "AGENT_REPLY")).contains(EMMA_MAIL, MONA_MAIL, VERA_MAIL);
        JsonNode after = desk.ticket(id);
        assertThat(Views.ccEmails(after)).containsExactly(MONA_MAIL, VERA_MAIL);
        assertThat(Views.ccEntry(after, VERA_MAIL).orElseThrow().path("source").asText()).isEqualTo("REPLY");

        seq = desk.lastSeq();
        desk.agentReply(id, "Next");
        assertThat(Views.notified(desk.outbox(id, seq), "AGENT_REPLY")).as("now a ticket CC").contains(VERA_MAIL);
    }

    @Test
    void extra_to_recipients_join_the_cc_list_and_the_requester_stays_the_requester() {
        desk.enable("hr");
        JsonNode t = desk.ticketWithCc("hr");
        String id = t.path("id").asText();
        long seq = desk.lastSeq();
        Answer answer = desk.reply(id, Map.of("content", "To several", "to", List.of(VERA_MAIL, EMMA_MAIL, OSCAR_MAIL)), AGENT);
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        JsonNode after = desk.ticket(id);
        assertThat(Views.ccEmails(after)).containsExactly(VERA_MAIL, OSCAR_MAIL);
        assertThat(Views.ccEntry(after, VERA_MAIL).orElseThrow().path("source").asText()).isEqualTo("REPLY");
        assertThat(after.path("requester").path("email").asText()).isEqualToIgnoringCase(EMMA_MAIL);
        assertThat(after.path("requester").path("contactId").asText()).isEqualTo(t.path("requester").path("contactId").asText());
        List<JsonNode> msgs = desk.outbox(id, seq);
        assertThat(Views.notified(msgs, "AGENT_REPLY")).contains(EMMA_MAIL, VERA_MAIL, OSCAR_MAIL);
        for (String who : List.of(EMMA_MAIL, VERA_MAIL, OSCAR_MAIL)) {
            assertThat(Views.timesNotified(msgs, "AGENT_REPLY", who)).as("%s at most once: %s", who, msgs).isEqualTo(1);
        }
    }

    @Test
    void a_reply_to_others_without_the_requester_keeps_the_requester() {
        desk.enable("hr");
        JsonNode t = desk.ticketWithCc("hr");
        String id = t.path("id").asText();
        long seq = desk.lastSeq();
        assertThat(desk.reply(id, Map.of("content", "Vera only", "to", List.of(VERA_MAIL)), AGENT).status()).isEqualTo(201);
        JsonNode after = desk.ticket(id);
        assertThat(after.path("requester").path("email").asText()).isEqualToIgnoringCase(EMMA_MAIL);
        assertThat(Views.ccEmails(after)).containsExactly(VERA_MAIL);
        assertThat(Views.notified(desk.outbox(id, seq), "AGENT_REPLY")).contains(VERA_MAIL).doesNotContain(EMMA_MAIL);
    }

    @Test
    void a_cc_named_in_both_to_and_cc_is_told_once() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        long seq = desk.lastSeq();
        assertThat(desk.reply(id, Map.of("content", "Twice named", "to", List.of(EMMA_MAIL, MONA_MAIL),
                "cc", List.of("MONA@example.com")), AGENT).status()).isEqualTo(201);
        List<JsonNode> msgs = desk.outbox(id, seq);
        assertThat(Views.timesNotified(msgs, "AGENT_REPLY", MONA_MAIL)).as("%s", msgs).isEqualTo(1);
        assertThat(Views.timesNotified(msgs, "AGENT_REPLY", EMMA_MAIL)).as("%s", msgs).isEqualTo(1);
        assertThat(Views.ccEmails(desk.ticket(id))).containsExactly(MONA_MAIL);
    }
}
