package dev.deskcc.dist.scenario;

import static dev.deskcc.dist.scenario.DeskApi.AGENT;
import static dev.deskcc.dist.scenario.DeskApi.MONA;
import static dev.deskcc.dist.scenario.DeskApi.MONA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.VERA_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract §5: a department with CC off shows no trace of it (no field, no notifications, no
 * help-center access through CC) yet keeps the data for when it is switched on again.
 */
class CcDisabledIT extends ScenarioTest {

    @Test
    void a_ticket_of_a_disabled_department_has_no_cc_field() {
        Answer answer = desk.create("hr", null);
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(Views.hasCcField(answer.json())).as("%s", answer).isFalse();
        assertThat(Views.hasCcField(desk.ticket(answer.json().path("id").asText()))).isFalse();
    }

    @Test
    void creating_with_cc_where_disabled_is_an_unknown_field_and_creates_nothing() {
        int before = desk.ticketsSeenBy(AGENT).size();
        Answer answer = desk.create("hr", List.of(MONA_MAIL, "brand-new@example.org"));
        assertThat(answer.status()).as("%s", answer).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("UNKNOWN_FIELD");
        assertThat(desk.ticketsSeenBy(AGENT)).hasSize(before);
        assertThat(desk.contacts("brand-new@example.org")).isEmpty();
    }

    @Test
    void patching_cc_where_disabled_is_an_unknown_field() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        desk.disable("hr");
        Answer answer = desk.patchCc(id, List.of(VERA_MAIL), AGENT);
        assertThat(answer.status()).as("%s", answer).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("UNKNOWN_FIELD");
        desk.enable("hr");
        assertThat(Views.ccEmails(desk.ticket(id))).containsExactly(MONA_MAIL);
    }

    @Test
    void a_reply_naming_cc_where_disabled_adds_nobody() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        desk.disable("hr");
        Answer answer = desk.reply(id, Map.of("content", "Hi", "cc", List.of(VERA_MAIL)), AGENT);
        // the contract fixes no code for a reply-editor cc on a disabled department; it must not add
        if (answer.status() == 201) {
            desk.enable("hr");
            assertThat(Views.ccEmails(desk.ticket(id))).doesNotContain(VERA_MAIL);
        } else {
            assertThat(answer.status()).as("%s", answer).isBetween(400, 499);
        }
    }

    @Test
    void disabling_keeps_the_cc_data_and_enabling_again_brings_it_back() {
        desk.enable("hr");
        JsonNode created = desk.ticketWithCc("hr", MONA_MAIL, "Vera Verify <vera@verify-agency.test>");
        String id = created.path("id").asText();
        JsonNode monaBefore = Views.ccEntry(created, MONA_MAIL).orElseThrow();

        desk.disable("hr");
        assertThat(Views.hasCcField(desk.ticket(id))).as("no fields.cc while disabled").isFalse();

        desk.enable("hr");
        JsonNode back = desk.ticket(id);
        assertThat(Views.ccEmails(back)).containsExactly(MONA_MAIL, VERA_MAIL);
        JsonNode monaAfter = Views.ccEntry(back, MONA_MAIL).orElseThrow();
        assertThat(monaAfter.path("source").asText()).isEqualTo(monaBefore.path("source").asText());
        assertThat(monaAfter.path("addedAt").asText()).isEqualTo(monaBefore.path("addedAt").asText());
    }

    @Test
    void no_cc_notifications_while_disabled() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        desk.disable("hr");
        long seq = desk.lastSeq();
        desk.agentReply(id, "Working on it");
        String cid = desk.commentId(id, Map.of("content", "Public note", "public", true), AGENT);
        assertThat(desk.editComment(id, cid, "Public note, edited", AGENT).ok()).isTrue();
        assertThat(desk.deleteComment(id, cid, AGENT).ok()).isTrue();
        List<JsonNode> msgs = desk.outbox(id, seq);
        assertThat(Views.notified(msgs, "AGENT_REPLY")).as("requester still told: %s", msgs).contains(DeskApi.EMMA_MAIL);
        for (String event : List.of("AGENT_REPLY", "PUBLIC_COMMENT", "COMMENT_EDITED", "COMMENT_DELETED")) {
            assertThat(Views.notified(msgs, event)).as("%s while disabled: %s", event, msgs).doesNotContain(MONA_MAIL);
        }
    }

    @Test
    void a_new_ticket_of_a_disabled_department_notifies_only_the_requester() {
        desk.enable("hr");
        desk.disable("hr");
        long seq = desk.lastSeq();
        String id = desk.create("hr", null).json().path("id").asText();
        assertThat(Views.notified(desk.outbox(id, seq), "TICKET_CREATED")).containsExactly(DeskApi.EMMA_MAIL);
    }

    @Test
    void no_help_center_access_through_cc_while_disabled() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        assertThat(desk.ticketAs(id, MONA).status()).isEqualTo(200);

        desk.disable("hr");
        Answer view = desk.ticketAs(id, MONA);
        assertThat(view.status()).as("%s", view).isEqualTo(404);
        assertThat(view.code()).isEqualTo("NOT_FOUND");
        assertThat(Views.row(desk.ticketsSeenBy(MONA), id)).isEmpty();
        assertThat(desk.reply(id, Map.of("content", "still there?"), MONA).status()).isEqualTo(404);
        assertThat(desk.comment(id, Map.of("content", "hello?"), MONA).status()).isEqualTo(404);
        assertThat(desk.ticketAs(id, DeskApi.EMMA).status()).as("the requester keeps access").isEqualTo(200);

        desk.enable("hr");
        assertThat(desk.ticketAs(id, MONA).status()).as("access comes back with CC").isEqualTo(200);
    }
}
