package dev.deskcc.dist.scenario;

import static dev.deskcc.dist.scenario.DeskApi.AGENT;
import static dev.deskcc.dist.scenario.DeskApi.EMMA;
import static dev.deskcc.dist.scenario.DeskApi.MONA;
import static dev.deskcc.dist.scenario.DeskApi.MONA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.OSCAR;
import static dev.deskcc.dist.scenario.DeskApi.OSCAR_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.VERA_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract §5, help center: a CC lists, views, replies to and comments on the ticket; nobody else can. */
class HelpCenterIT extends ScenarioTest {

    @Test
    void a_cc_sees_the_ticket_listed_with_role_cc_and_the_requester_with_role_requester() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        assertThat(Views.row(desk.ticketsSeenBy(MONA), id))
                .hasValueSatisfying(r -> assertThat(r.path("role").asText()).isEqualTo("CC"));
        assertThat(Views.row(desk.ticketsSeenBy(EMMA), id))
                .hasValueSatisfying(r -> assertThat(r.path("role").asText()).isEqualTo("REQUESTER"));
        assertThat(Views.row(desk.ticketsSeenBy(OSCAR), id)).isEmpty();
    }

    @Test
    void a_cc_views_the_ticket_without_private_comments() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        desk.commentId(id, Map.of("content", "Secret remark", "public", false), AGENT);
        desk.commentId(id, Map.of("content", "Open remark", "public", true), AGENT);
        Answer view = desk.ticketAs(id, MONA);
        assertThat(view.status()).as("%s", view).isEqualTo(200);
        assertThat(view.json().path("id").asText()).isEqualTo(id);
        assertThat(view.json().path("thread").toString()).contains("Open remark").doesNotContain("Secret remark");
    }

    @Test
    void a_cc_replies_and_comments_from_the_help_center() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        Answer reply = desk.reply(id, Map.of("content", "Manager here: approved."), MONA);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        assertThat(reply.json().path("author").path("type").asText()).isEqualTo("CONTACT");
        assertThat(reply.json().path("author").path("id").asText()).isEqualTo(desk.id("mgr"));
        assertThat(desk.comment(id, Map.of("content", "Manager comment"), MONA).ok()).isTrue();
        JsonNode t = desk.ticket(id);
        assertThat(t.path("thread").toString()).contains("Manager here: approved.", "Manager comment");
        assertThat(t.path("requester").path("email").asText()).isEqualToIgnoringCase(DeskApi.EMMA_MAIL);
        assertThat(Views.ccEmails(t)).containsExactly(MONA_MAIL);
    }

    @Test
    void anyone_else_gets_not_found_for_everything_on_the_ticket() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        for (Answer answer : List.of(
                desk.ticketAs(id, OSCAR),
                desk.reply(id, Map.of("content", "hi"), OSCAR),
                desk.comment(id, Map.of("content", "hi"), OSCAR),
                desk.rate(id, OSCAR, "GOOD"),
                desk.ticketAs("no-such-ticket", MONA))) {
            assertThat(answer.status()).as("%s", answer).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void a_cc_may_not_read_the_history() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        Answer answer = desk.http().get("/api/v1/tickets/" + id + "/history", MONA);
        assertThat(answer.status()).as("%s", answer).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void a_contact_submitting_ccs_needs_end_users_can_add() {
        desk.enable("hr");
        int before = desk.ticketsSeenBy(AGENT).size();
        Answer answer = desk.submit(EMMA, "hr", List.of(MONA_MAIL));
        assertThat(answer.status()).as("%s", answer).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("END_USER_CC_DISABLED");
        assertThat(desk.ticketsSeenBy(AGENT)).hasSize(before);
        assertThat(desk.submit(EMMA, "hr", null).status()).as("without cc it is fine").isEqualTo(201);
    }

    @Test
    void a_contact_replying_with_ccs_needs_end_users_can_add() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        int entries = desk.ticket(id).path("thread").size();
        Answer answer = desk.reply(id, Map.of("content", "adding Vera", "cc", List.of(VERA_MAIL)), EMMA);
        assertThat(answer.status()).as("%s", answer).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("END_USER_CC_DISABLED");
        JsonNode t = desk.ticket(id);
        assertThat(t.path("thread")).hasSize(entries);
        assertThat(Views.ccEmails(t)).containsExactly(MONA_MAIL);
    }

    @Test
    void a_contacts_cc_only_adds_and_never_removes() {
        desk.enable("hr", true, false);
        String id = desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL).path("id").asText();
        assertThat(desk.reply(id, Map.of("content", "nobody new", "cc", List.of()), EMMA).status()).isEqualTo(201);
        assertThat(Views.ccEmails(desk.ticket(id))).containsExactly(MONA_MAIL, VERA_MAIL);
        assertThat(desk.reply(id, Map.of("content", "Oscar too", "cc", List.of(OSCAR_MAIL)), EMMA).status()).isEqualTo(201);
        JsonNode t = desk.ticket(id);
        assertThat(Views.ccEmails(t)).containsExactly(MONA_MAIL, VERA_MAIL, OSCAR_MAIL);
        assertThat(Views.ccEntry(t, OSCAR_MAIL).orElseThrow().path("source").asText()).isEqualTo("HELP_CENTER");
        assertThat(Views.row(desk.ticketsSeenBy(OSCAR), id))
                .hasValueSatisfying(r -> assertThat(r.path("role").asText()).isEqualTo("CC"));
    }

    @Test
    void a_help_center_submit_needs_a_department_with_a_help_center() {
        Answer answer = desk.submit(EMMA, "it", null);
        assertThat(answer.status()).as("%s", answer).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("HELP_CENTER_UNAVAILABLE");
    }

    @Test
    void cc_access_is_per_department() {
        desk.enable("hr");
        desk.enable("legal");
        String hr = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        String legal = desk.ticketWithCc("legal", MONA_MAIL).path("id").asText();
        desk.disable("legal");
        assertThat(desk.ticketAs(hr, MONA).status()).isEqualTo(200);
        assertThat(desk.ticketAs(legal, MONA).status()).isEqualTo(404);
        List<JsonNode> rows = desk.ticketsSeenBy(MONA);
        assertThat(Views.row(rows, hr)).isPresent();
        assertThat(Views.row(rows, legal)).isEmpty();
    }

    @Test
    void a_contact_sees_tickets_only_of_departments_with_a_help_center() {
        desk.enable("it");
        String id = desk.ticketWithCc("it", MONA_MAIL).path("id").asText();
        desk.agentReply(id, "Rating is open in every-reply mode");
        int entries = desk.ticket(id).path("thread").size();
        for (String token : List.of(EMMA, MONA)) {
            for (Answer answer : List.of(
                    desk.ticketAs(id, token),
                    desk.reply(id, Map.of("content", "hi"), token),
                    desk.comment(id, Map.of("content", "hi"), token),
                    desk.rate(id, token, "GOOD"))) {
                assertThat(answer.status()).as("%s", answer).isEqualTo(404);
                assertThat(answer.code()).isEqualTo("NOT_FOUND");
            }
            assertThat(desk.ticketsSeenBy(token)).extracting(t -> t.path("id").asText()).doesNotContain(id);
        }
        assertThat(desk.ticket(id).path("thread").size()).as("nothing was added").isEqualTo(entries);
    }

    @Test
    void a_contacts_reply_cc_where_the_plugin_is_off_is_an_unknown_field_and_changes_nothing() {
        Answer created = desk.create("hr", null);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().path("id").asText();
        int entries = desk.ticket(id).path("thread").size();
        Answer answer = desk.reply(id, Map.of("content", "cc my manager", "cc", List.of(MONA_MAIL)), EMMA);
        assertThat(answer.status()).as("%s", answer).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("UNKNOWN_FIELD");
        assertThat(desk.ticket(id).path("thread").size()).isEqualTo(entries);
        assertThat(desk.reply(id, Map.of("content", "no cc"), EMMA).status()).as("without cc it is fine").isEqualTo(201);
    }
}
