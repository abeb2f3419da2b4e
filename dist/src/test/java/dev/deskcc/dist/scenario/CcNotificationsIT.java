package dev.deskcc.dist.scenario;

import static dev.deskcc.dist.scenario.DeskApi.AGENT;
import static dev.deskcc.dist.scenario.DeskApi.EMMA;
import static dev.deskcc.dist.scenario.DeskApi.EMMA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.MONA;
import static dev.deskcc.dist.scenario.DeskApi.MONA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.VERA_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract §5, notifications: current CCs hear of creation, agent replies and public comments
 * (incl. edits and deletions), never of private comments or their own actions, at most once each.
 */
class CcNotificationsIT extends ScenarioTest {

    private static final List<String> EVENTS =
            List.of("TICKET_CREATED", "AGENT_REPLY", "PUBLIC_COMMENT", "COMMENT_EDITED", "COMMENT_DELETED");

    @Test
    void every_cc_hears_of_creation_reply_public_comment_edit_and_delete_once_each() {
        desk.enable("hr");
        long seq = desk.lastSeq();
        String id = desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL).path("id").asText();
        desk.agentReply(id, "We started.");
        String cid = desk.commentId(id, Map.of("content", "Public note", "public", true), AGENT);
        assertThat(desk.editComment(id, cid, "Public note, edited", AGENT).ok()).isTrue();
        assertThat(desk.deleteComment(id, cid, AGENT).ok()).isTrue();
        List<JsonNode> msgs = desk.outbox(id, seq);
        for (String event : EVENTS) {
            for (String cc : List.of(MONA_MAIL, VERA_MAIL)) {
                assertThat(Views.timesNotified(msgs, event, cc)).as("%s of %s: %s", cc, event, msgs).isEqualTo(1);
            }
        }
    }

    @Test
    void a_help_center_ticket_tells_its_ccs_it_was_created() {
        desk.enable("hr", true, false);
        long seq = desk.lastSeq();
        Answer answer = desk.submit(EMMA, "hr", List.of(MONA_MAIL));
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        List<JsonNode> msgs = desk.outbox(answer.json().path("id").asText(), seq);
        assertThat(Views.timesNotified(msgs, "TICKET_CREATED", MONA_MAIL)).as("%s", msgs).isEqualTo(1);
    }

    @Test
    void private_comments_their_edits_and_deletions_reach_no_cc() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        long seq = desk.lastSeq();
        String cid = desk.commentId(id, Map.of("content", "Internal only", "public", false), AGENT);
        assertThat(desk.editComment(id, cid, "Internal only, edited", AGENT).ok()).isTrue();
        assertThat(desk.deleteComment(id, cid, AGENT).ok()).isTrue();
        List<JsonNode> msgs = desk.outbox(id, seq);
        assertThat(msgs.stream().flatMap(m -> Views.recipients(m).stream()))
                .as("private comment traffic: %s", msgs).doesNotContain(MONA_MAIL, EMMA_MAIL);
        assertThat(desk.ticketAs(id, MONA).json().path("thread").toString()).doesNotContain("Internal only");
    }

    @Test
    void a_ccs_own_help_center_comment_does_not_notify_them_but_notifies_the_others() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL).path("id").asText();
        long seq = desk.lastSeq();
        String cid = desk.commentId(id, Map.of("content", "Mona's note"), MONA);
        List<JsonNode> msgs = desk.outbox(id, seq);
        assertThat(Views.notified(msgs, "PUBLIC_COMMENT")).as("%s", msgs).contains(VERA_MAIL).doesNotContain(MONA_MAIL);

        seq = desk.lastSeq();
        assertThat(desk.editComment(id, cid, "Mona's note, edited", MONA).ok()).isTrue();
        assertThat(desk.deleteComment(id, cid, MONA).ok()).isTrue();
        msgs = desk.outbox(id, seq);
        assertThat(Views.notified(msgs, "COMMENT_EDITED")).as("%s", msgs).contains(VERA_MAIL).doesNotContain(MONA_MAIL);
        assertThat(Views.notified(msgs, "COMMENT_DELETED")).as("%s", msgs).contains(VERA_MAIL).doesNotContain(MONA_MAIL);
    }

    @Test
    void a_ccs_help_center_reply_sends_nothing_to_contacts() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL).path("id").asText();
        long seq = desk.lastSeq();
        assertThat(desk.reply(id, Map.of("content", "Any news?"), MONA).status()).isEqualTo(201);
        List<JsonNode> msgs = desk.outbox(id, seq);
        assertThat(msgs.stream().flatMap(m -> Views.recipients(m).stream()))
                .as("%s", msgs).doesNotContain(MONA_MAIL, VERA_MAIL, EMMA_MAIL);
    }

    @Test
    void a_cc_added_later_hears_only_of_what_follows() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr").path("id").asText();
        desk.agentReply(id, "Before Mona");
        long seq = desk.lastSeq();
        assertThat(desk.patchCc(id, List.of(MONA_MAIL), AGENT).ok()).isTrue();
        desk.agentReply(id, "After Mona");
        List<JsonNode> all = desk.outbox(id);
        assertThat(all.stream().filter(m -> m.path("seq").asLong() <= seq)
                .flatMap(m -> Views.recipients(m).stream())).doesNotContain(MONA_MAIL);
        assertThat(Views.timesNotified(desk.outbox(id, seq), "AGENT_REPLY", MONA_MAIL)).isEqualTo(1);
    }

    @Test
    void closing_without_a_rating_invitation_does_not_notify_ccs() {
        desk.enable("legal");
        String id = desk.ticketWithCc("legal", MONA_MAIL).path("id").asText();
        long seq = desk.lastSeq();
        Answer closed = desk.close(id);
        assertThat(closed.ok()).as("%s", closed).isTrue();
        List<JsonNode> msgs = desk.outbox(id, seq);
        assertThat(Views.notified(msgs, "TICKET_CLOSED")).as("%s", msgs).contains(EMMA_MAIL).doesNotContain(MONA_MAIL);
    }

    @Test
    void outgoing_cc_mail_never_goes_to_the_desk_or_an_agent() {
        desk.enable("hr");
        long seq = desk.lastSeq();
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        desk.agentReply(id, "Hello");
        assertThat(desk.outbox(id, seq).stream().flatMap(m -> Views.recipients(m).stream()))
                .doesNotContain("bert@acme.test", "alice@acme.test", "onboarding@acme.test", "noreply@acme.test");
    }
}
