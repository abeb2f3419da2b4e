package dev.deskcc.dist.scenario;

import static dev.deskcc.dist.scenario.DeskApi.AGENT;
import static dev.deskcc.dist.scenario.DeskApi.EMMA;
import static dev.deskcc.dist.scenario.DeskApi.EMMA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.MONA;
import static dev.deskcc.dist.scenario.DeskApi.MONA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.OSCAR;
import static dev.deskcc.dist.scenario.DeskApi.VERA_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract §5, ratings: CCs are invited and may rate as the requester does (legal rates every
 * reply, hr on close); a former CC is refused, a stranger does not see the ticket.
 */
class CcRatingsIT extends ScenarioTest {

    private void assertRated(Answer answer, String contactKey, String email) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(answer.json().path("rating").asText()).isEqualTo("GOOD");
        assertThat(answer.json().path("rater").path("contactId").asText()).isEqualTo(desk.id(contactKey));
        assertThat(answer.json().path("rater").path("email").asText()).isEqualToIgnoringCase(email);
    }

    private static void assertNotOpen(Answer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("RATING_NOT_OPEN");
    }

    @Test
    void every_reply_mode_invites_ccs_with_each_agent_reply() {
        desk.enable("legal");
        String id = desk.ticketWithCc("legal", MONA_MAIL, VERA_MAIL).path("id").asText();
        long seq = desk.lastSeq();
        desk.agentReply(id, "Done?");
        List<JsonNode> msgs = desk.outbox(id, seq);
        assertThat(Views.invited(msgs, "AGENT_REPLY")).as("%s", msgs).contains(EMMA_MAIL, MONA_MAIL, VERA_MAIL);

        seq = desk.lastSeq();
        assertThat(desk.reply(id, Map.of("content", "Vera only", "cc", List.of(VERA_MAIL)), AGENT).status()).isEqualTo(201);
        msgs = desk.outbox(id, seq);
        assertThat(Views.invited(msgs, "AGENT_REPLY")).as("left out, not invited: %s", msgs)
                .contains(VERA_MAIL).doesNotContain(MONA_MAIL);
    }

    @Test
    void every_reply_mode_opens_rating_to_ccs_once_there_is_an_agent_reply() {
        desk.enable("legal");
        String id = desk.ticketWithCc("legal", MONA_MAIL).path("id").asText();
        assertNotOpen(desk.rate(id, MONA, "GOOD"));
        assertThat(desk.ratings(id)).isEmpty();
        desk.agentReply(id, "Here is the answer");
        assertRated(desk.rate(id, MONA, "GOOD"), "mgr", MONA_MAIL);
        assertThat(desk.ratings(id)).anySatisfy(r -> assertThat(r.path("rater").path("contactId").asText()).isEqualTo(desk.id("mgr")));
    }

    @Test
    void on_close_mode_refuses_ratings_until_the_ticket_is_closed() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        desk.agentReply(id, "Working on it");
        assertNotOpen(desk.rate(id, MONA, "GOOD"));
        assertNotOpen(desk.rate(id, EMMA, "GOOD"));
        assertThat(desk.ratings(id)).isEmpty();
    }

    @Test
    void on_close_mode_sends_the_closing_invitation_to_ccs_and_opens_rating() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL).path("id").asText();
        long seq = desk.lastSeq();
        assertThat(desk.close(id).ok()).isTrue();
        List<JsonNode> msgs = desk.outbox(id, seq);
        assertThat(Views.invited(msgs, "TICKET_CLOSED")).as("%s", msgs).contains(EMMA_MAIL, MONA_MAIL, VERA_MAIL);
        for (String who : List.of(EMMA_MAIL, MONA_MAIL, VERA_MAIL)) {
            assertThat(Views.timesNotified(msgs, "TICKET_CLOSED", who)).as("%s once: %s", who, msgs).isEqualTo(1);
        }
        assertRated(desk.rate(id, MONA, "GOOD"), "mgr", MONA_MAIL);
        assertRated(desk.rate(id, EMMA, "GOOD"), "emma", EMMA_MAIL);
        assertThat(desk.ratings(id)).hasSize(2);
    }

    @Test
    void on_close_mode_agent_replies_carry_no_invitation() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        long seq = desk.lastSeq();
        desk.agentReply(id, "Not closed yet");
        assertThat(Views.invited(desk.outbox(id, seq), "AGENT_REPLY")).isEmpty();
    }

    @Test
    void a_former_cc_who_still_sees_the_ticket_may_not_rate() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL).path("id").asText();
        assertThat(desk.patchCc(id, List.of(VERA_MAIL), AGENT).ok()).isTrue();
        long seq = desk.lastSeq();
        assertThat(desk.close(id).ok()).isTrue();
        assertThat(Views.notified(desk.outbox(id, seq), "TICKET_CLOSED")).doesNotContain(MONA_MAIL);
        assertThat(desk.ticketAs(id, MONA).status()).isEqualTo(200);
        Answer answer = desk.rate(id, MONA, "BAD");
        assertThat(answer.status()).as("%s", answer).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("FORBIDDEN");
        assertThat(desk.ratings(id)).isEmpty();
    }

    @Test
    void a_stranger_rating_gets_not_found() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        assertThat(desk.close(id).ok()).isTrue();
        Answer answer = desk.rate(id, OSCAR, "GOOD");
        assertThat(answer.status()).as("%s", answer).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void a_cc_of_a_disabled_department_cannot_rate() {
        desk.enable("legal");
        String id = desk.ticketWithCc("legal", MONA_MAIL).path("id").asText();
        desk.agentReply(id, "Answer");
        desk.disable("legal");
        assertThat(desk.rate(id, MONA, "GOOD").status()).isEqualTo(404);
    }

    @Test
    void one_rating_per_rater_a_later_one_replaces_the_earlier() {
        desk.enable("legal");
        String id = desk.ticketWithCc("legal", MONA_MAIL).path("id").asText();
        desk.agentReply(id, "Done?");
        assertThat(desk.rate(id, MONA, "BAD").status()).isEqualTo(201);
        assertThat(desk.rate(id, EMMA, "OKAY").status()).isEqualTo(201);
        assertRated(desk.rate(id, MONA, "GOOD"), "mgr", MONA_MAIL);
        List<JsonNode> ratings = desk.ratings(id);
        assertThat(ratings).extracting(r -> r.path("rater").path("contactId").asText(), r -> r.path("rating").asText())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(desk.id("emma"), "OKAY"),
                        org.assertj.core.groups.Tuple.tuple(desk.id("mgr"), "GOOD"));
    }
}
