package dev.deskcc.dist.scenario;

import static dev.deskcc.dist.scenario.DeskApi.AGENT;
import static dev.deskcc.dist.scenario.DeskApi.EMMA;
import static dev.deskcc.dist.scenario.DeskApi.MONA;
import static dev.deskcc.dist.scenario.DeskApi.MONA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.OSCAR_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.VERA;
import static dev.deskcc.dist.scenario.DeskApi.VERA_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract §5, ticket details: a PATCH replaces the CC list; removal ends notifications but not
 * help-center access, which only a restriction ends.
 */
class TicketDetailsIT extends ScenarioTest {

    @Test
    void a_patch_replaces_the_whole_cc_list() {
        desk.enable("hr");
        JsonNode t = desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL);
        String id = t.path("id").asText();
        String veraAt = Views.ccEntry(t, VERA_MAIL).orElseThrow().path("addedAt").asText();
        Answer answer = desk.patchCc(id, List.of(VERA_MAIL, OSCAR_MAIL), AGENT);
        assertThat(answer.ok()).as("%s", answer).isTrue();
        assertThat(Views.ccEmails(answer.json())).as("answer is the ticket as it now is").containsExactly(VERA_MAIL, OSCAR_MAIL);
        JsonNode after = desk.ticket(id);
        assertThat(Views.ccEmails(after)).containsExactly(VERA_MAIL, OSCAR_MAIL);
        assertThat(Views.ccEntry(after, VERA_MAIL).orElseThrow().path("addedAt").asText()).as("kept, not re-added").isEqualTo(veraAt);
        assertThat(after.path("version").asLong()).isGreaterThan(t.path("version").asLong());
    }

    @Test
    void a_null_cc_is_a_bad_request_and_changes_nothing() {
        desk.enable("hr");
        JsonNode t = desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL);
        String id = t.path("id").asText();
        Map<String, Object> fields = new java.util.HashMap<>();
        fields.put("cc", null);
        Answer answer = desk.http().patch("/api/v1/tickets/" + id, Map.of("fields", fields), AGENT);
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("BAD_REQUEST");
        JsonNode after = desk.ticket(id);
        assertThat(Views.ccEmails(after)).containsExactly(MONA_MAIL, VERA_MAIL);
        assertThat(after.path("version").asLong()).isEqualTo(t.path("version").asLong());
    }

    @Test
    void a_patch_that_changes_nothing_makes_no_new_version_and_no_event() {
        desk.enable("hr");
        JsonNode t = desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL);
        String id = t.path("id").asText();
        int events = desk.history(id, "FIELDS_UPDATED").size();
        for (List<String> same : List.of(List.of(MONA_MAIL, VERA_MAIL), List.of("\"Mona\"@example.com", "Vera <VERA@verify-agency.test>"))) {
            Answer answer = desk.patchCc(id, same, AGENT);
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            assertThat(answer.json().path("version").asLong()).as("%s", same).isEqualTo(t.path("version").asLong());
        }
        assertThat(desk.history(id, "FIELDS_UPDATED")).hasSize(events);
        Answer changed = desk.patchCc(id, List.of(VERA_MAIL), AGENT);
        assertThat(changed.json().path("version").asLong()).as("a real change still counts").isGreaterThan(t.path("version").asLong());
        assertThat(desk.history(id, "FIELDS_UPDATED")).hasSize(events + 1);
    }

    @Test
    void a_patch_with_an_empty_list_removes_every_cc() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL).path("id").asText();
        assertThat(desk.patchCc(id, List.of(), AGENT).ok()).isTrue();
        assertThat(Views.ccEmails(desk.ticket(id))).isEmpty();
    }

    @Test
    void a_stale_version_is_a_conflict_and_changes_nothing() {
        desk.enable("hr");
        JsonNode t = desk.ticketWithCc("hr", MONA_MAIL);
        String id = t.path("id").asText();
        String stale = "\"" + t.path("version").asLong() + "\"";
        assertThat(desk.patchCc(id, List.of(MONA_MAIL, VERA_MAIL), AGENT).ok()).isTrue();
        Answer answer = desk.http().patch("/api/v1/tickets/" + id, Map.of("fields", Map.of("cc", List.of(OSCAR_MAIL))),
                AGENT, Map.of("If-Match", stale));
        assertThat(answer.status()).as("%s", answer).isEqualTo(412);
        assertThat(answer.code()).isEqualTo("VERSION_CONFLICT");
        assertThat(Views.ccEmails(desk.ticket(id))).containsExactly(MONA_MAIL, VERA_MAIL);
    }

    @Test
    void a_contact_may_not_patch_the_cc_list() {
        desk.enable("hr", true, false);
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        Answer answer = desk.patchCc(id, List.of(), EMMA);
        assertThat(answer.status()).as("%s", answer).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("FORBIDDEN");
        assertThat(Views.ccEmails(desk.ticket(id))).containsExactly(MONA_MAIL);
    }

    @Test
    void removal_ends_notifications_but_not_help_center_access() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL).path("id").asText();
        assertThat(desk.patchCc(id, List.of(VERA_MAIL), AGENT).ok()).isTrue();
        long seq = desk.lastSeq();
        desk.agentReply(id, "After removal");
        String cid = desk.commentId(id, Map.of("content", "Public after removal", "public", true), AGENT);
        assertThat(desk.editComment(id, cid, "edited", AGENT).ok()).isTrue();
        List<JsonNode> msgs = desk.outbox(id, seq);
        for (String event : List.of("AGENT_REPLY", "PUBLIC_COMMENT", "COMMENT_EDITED")) {
            assertThat(Views.notified(msgs, event)).as("%s: %s", event, msgs).contains(VERA_MAIL).doesNotContain(MONA_MAIL);
        }
        assertThat(desk.ticketAs(id, MONA).status()).as("former CC still sees it").isEqualTo(200);
        assertThat(Views.row(desk.ticketsSeenBy(MONA), id)).as("listed for the former CC")
                .hasValueSatisfying(r -> assertThat(r.path("role").asText()).isEqualTo("CC"));
        assertThat(desk.reply(id, Map.of("content", "Can I still write?"), MONA).status()).isEqualTo(201);
    }

    @Test
    void a_restriction_ends_help_center_access_with_not_found_and_can_be_lifted() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL).path("id").asText();
        Answer restricted = desk.restrict(id, "MONA@example.com");
        assertThat(restricted.ok()).as("%s", restricted).isTrue();

        Answer view = desk.ticketAs(id, MONA);
        assertThat(view.status()).as("%s", view).isEqualTo(404);
        assertThat(view.code()).isEqualTo("NOT_FOUND");
        assertThat(Views.row(desk.ticketsSeenBy(MONA), id)).isEmpty();
        assertThat(desk.reply(id, Map.of("content", "let me in"), MONA).status()).isEqualTo(404);
        assertThat(desk.comment(id, Map.of("content", "let me in"), MONA).status()).isEqualTo(404);
        assertThat(desk.ticketAs(id, VERA).status()).as("others unaffected").isEqualTo(200);

        Answer lifted = desk.liftRestriction(id, desk.id("mgr"));
        assertThat(lifted.ok()).as("%s", lifted).isTrue();
        assertThat(desk.ticketAs(id, MONA).status()).isEqualTo(200);
        assertThat(Views.row(desk.ticketsSeenBy(MONA), id)).isPresent();
    }

    @Test
    void a_removed_and_restricted_cc_has_no_access_left() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        assertThat(desk.patchCc(id, List.of(), AGENT).ok()).isTrue();
        assertThat(desk.restrict(id, MONA_MAIL).ok()).isTrue();
        assertThat(desk.ticketAs(id, MONA).status()).isEqualTo(404);
    }

    @Test
    void a_restriction_is_for_agents_only() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        Answer answer = desk.http().post("/api/v1/tickets/" + id + "/restrictions", Map.of("email", MONA_MAIL), EMMA);
        assertThat(answer.status()).as("%s", answer).isEqualTo(403);
        assertThat(desk.ticketAs(id, MONA).status()).isEqualTo(200);
    }

    @Test
    void an_address_an_agent_removed_can_be_put_back_only_by_an_agent() {
        desk.enable("hr", true, false);
        String id = desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL).path("id").asText();
        assertThat(desk.patchCc(id, List.of(MONA_MAIL), AGENT).ok()).isTrue();
        Answer answer = desk.reply(id, Map.of("content", "Vera again", "cc", List.of("\"Vera\"@verify-agency.test")), EMMA);
        assertThat(answer.status()).as("%s", answer).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("CC_REJECTED");
        assertThat(answer.errorCodes()).containsExactly("REMOVED_BY_AGENT");
        assertThat(Views.ccEmails(desk.ticket(id))).containsExactly(MONA_MAIL);
        assertThat(desk.patchCc(id, List.of(MONA_MAIL, VERA_MAIL), AGENT).ok()).as("an agent may").isTrue();
        assertThat(Views.ccEmails(desk.ticket(id))).containsExactly(MONA_MAIL, VERA_MAIL);
    }
}
