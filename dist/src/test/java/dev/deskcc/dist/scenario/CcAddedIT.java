package dev.deskcc.dist.scenario;

import static dev.deskcc.dist.scenario.DeskApi.ADMIN;
import static dev.deskcc.dist.scenario.DeskApi.AGENT;
import static dev.deskcc.dist.scenario.DeskApi.EMMA;
import static dev.deskcc.dist.scenario.DeskApi.EMMA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.MONA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.OSCAR_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.VERA_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract §6 [cc], told when added: one {@code CC_ADDED} message for each way of joining a ticket's CC list. */
class CcAddedIT extends ScenarioTest {

    private static final String HR_DESK = "onboarding@acme.test";

    private void enableTelling(boolean endUsersCanAdd, boolean autoAdd) {
        desk.enable("hr", endUsersCanAdd, autoAdd);
        Answer answer = desk.putSettings("hr", Map.of("notifyWhenAdded", true), ADMIN);
        assertThat(answer.ok()).as("notifyWhenAdded: %s", answer).isTrue();
        assertThat(answer.json().path("notifyWhenAdded").asBoolean()).isTrue();
    }

    private List<JsonNode> added(String ticketId, long afterSeq) {
        return Views.messagesOf(desk.outbox(ticketId, afterSeq), "CC_ADDED");
    }

    /** The one CC_ADDED message since {@code afterSeq}, which must go to {@code email} alone. */
    private JsonNode onlyNoticeTo(String ticketId, long afterSeq, String email) {
        List<JsonNode> notices = added(ticketId, afterSeq);
        assertThat(notices).as("CC_ADDED since %s", afterSeq).hasSize(1);
        assertThat(Views.recipients(notices.get(0))).containsExactly(email);
        return notices.get(0);
    }


    @Test
    void the_setting_is_off_by_default_and_then_nobody_is_told() {
        desk.enable("hr");
        assertThat(desk.settings("hr").path("notifyWhenAdded").asBoolean(true)).isFalse();
        assertThat(desk.settings("hr").path("ccVisibility").asText()).isEqualTo("VISIBLE");
        String id = desk.ticketWithCc("hr").path("id").asText();
        assertThat(desk.patchCc(id, List.of(MONA_MAIL), AGENT).status()).isEqualTo(200);
        assertThat(added(id, 0)).isEmpty();
    }

    @Test
    void a_cc_who_joins_at_creation_gets_no_notice_the_created_message_is_it() {
        enableTelling(false, false);
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        assertThat(added(id, 0)).isEmpty();
        assertThat(Views.notified(desk.outbox(id), "TICKET_CREATED")).contains(MONA_MAIL);
    }

    @Test
    void ticket_details_patch_tells_the_new_cc_who_added_them_with_an_unsubscribe_header() throws Exception {
        enableTelling(false, false);
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        long seq = desk.lastSeq();

        assertThat(desk.patchCc(id, List.of(MONA_MAIL, VERA_MAIL), AGENT).status()).isEqualTo(200);

        JsonNode notice = onlyNoticeTo(id, seq, VERA_MAIL);
        assertThat(notice.path("body").asText()).contains("Bert Agent (agent) added you as a CC", "unsubscribe");
        assertThat(notice.path("html").asText()).contains("Bert Agent (agent) added you");
        assertThat(notice.path("unsubscribe").path(VERA_MAIL).isTextual()).isTrue();
        MimeMessage vera = RawCopy.fetch(desk, notice, VERA_MAIL);
        assertThat(vera.getHeader("List-Unsubscribe", null)).startsWith("<" + notice.path("unsubscribe").path(VERA_MAIL).asText());
        assertThat(vera.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(Arrays.stream(vera.getRecipients(RecipientType.TO)).map(a -> ((InternetAddress) a).getAddress()))
                .containsExactly(VERA_MAIL);
        assertThat(vera.getContent()).isInstanceOf(Multipart.class);
        assertThat(((Multipart) vera.getContent()).getBodyPart(1).getContentType()).startsWith("text/html");
        // a PATCH that adds nobody tells nobody
        long again = desk.lastSeq();
        assertThat(desk.patchCc(id, List.of(VERA_MAIL), AGENT).status()).isEqualTo(200);
        assertThat(added(id, again)).isEmpty();
    }

    @Test
    void names_and_subjects_are_html_escaped() {
        enableTelling(false, false);
        Map<String, Object> body = DeskApi.ticketBody(desk.id("hr"), EMMA_MAIL, List.of());
        body.put("subject", "<b>Offer</b> & \"terms\"");
        Answer created = desk.http().post("/api/v1/tickets", body, AGENT);
        String id = created.json().path("id").asText();
        long seq = desk.lastSeq();
        assertThat(desk.patchCc(id, List.of(VERA_MAIL), AGENT).status()).isEqualTo(200);
        JsonNode notice = onlyNoticeTo(id, seq, VERA_MAIL);
        assertThat(notice.path("html").asText()).contains("&lt;b&gt;Offer&lt;/b&gt; &amp; &quot;terms&quot;")
                .doesNotContain("<b>");
    }

    @Test
    void the_reply_editors_cc_and_to_tell_whom_they_add() {
        enableTelling(false, false);
        String id = desk.ticketWithCc("hr").path("id").asText();
        long seq = desk.lastSeq();
        assertThat(desk.reply(id, Map.of("content", "Adding Mona.", "cc", List.of(MONA_MAIL)), AGENT).status())
                .isEqualTo(201);
        onlyNoticeTo(id, seq, MONA_MAIL);
        assertThat(Views.notified(desk.outbox(id, seq), "AGENT_REPLY")).contains(MONA_MAIL);

        long next = desk.lastSeq();
        assertThat(desk.reply(id, Map.of("content", "And Vera.", "to", List.of(EMMA_MAIL, VERA_MAIL)), AGENT).status())
                .isEqualTo(201);
        onlyNoticeTo(id, next, VERA_MAIL);
    }

    @Test
    void a_help_center_addition_names_the_customer() {
        enableTelling(true, false);
        String id = desk.ticketWithCc("hr").path("id").asText();
        long seq = desk.lastSeq();
        assertThat(desk.reply(id, Map.of("content", "My manager too.", "cc", List.of(MONA_MAIL)), EMMA).status())
                .isEqualTo(201);
        JsonNode notice = onlyNoticeTo(id, seq, MONA_MAIL);
        assertThat(notice.path("body").asText()).contains("Emma Hire added you as a CC");
    }

    @Test
    void mail_that_copies_someone_tells_them_they_were_copied() {
        enableTelling(false, true);
        String id = desk.ticketWithCc("hr").path("id").asText();
        desk.agentReply(id, "We are on it.");
        String lastId = desk.outbox(id).get(desk.outbox(id).size() - 1).path("messageId").asText();
        long seq = desk.lastSeq();

        desk.deliver(Mail.from("Emma Hire <" + EMMA_MAIL + ">").to(HR_DESK).cc(VERA_MAIL).inReplyTo(lastId)
                .subject("Re: Background check").bytes());

        JsonNode notice = onlyNoticeTo(id, seq, VERA_MAIL);
        assertThat(notice.path("body").asText())
                .contains("You were copied on an email to " + HR_DESK + " from Emma Hire");
    }

    @Test
    void a_merge_tells_the_ccs_that_reach_the_target_through_it() {
        enableTelling(false, false);
        String target = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        String source = desk.ticketWithCc("hr", VERA_MAIL).path("id").asText();
        long seq = desk.lastSeq();
        Answer merged = desk.merge(target, List.of(source), "ALL", false);
        assertThat(merged.status()).as("%s", merged).isEqualTo(200);
        onlyNoticeTo(target, seq, VERA_MAIL);
    }

    @Test
    void a_held_cc_is_told_when_an_agent_reply_releases_it_not_before() {
        enableTelling(false, true);
        JsonNode taken = desk.deliver(Mail.from("Mallory <mallory@attacker.example>").to(HR_DESK).cc(OSCAR_MAIL)
                .subject("Free laptops").bytes());
        String id = taken.path("ticketId").asText();
        assertThat(Views.ccEntry(desk.ticket(id), OSCAR_MAIL).orElseThrow().path("held").asBoolean()).isTrue();
        assertThat(added(id, 0)).isEmpty();
        long seq = desk.lastSeq();

        desk.agentReply(id, "Hello, who are you?");

        onlyNoticeTo(id, seq, OSCAR_MAIL);
    }

    @Test
    void a_muted_person_is_not_told_and_the_leave_out_is_recorded() {
        enableTelling(false, false);
        String id = desk.ticketWithCc("hr", VERA_MAIL).path("id").asText();
        String url = desk.outbox(id).get(0).path("unsubscribe").path(VERA_MAIL).asText();
        Answer muted = desk.http().postRaw(java.net.URI.create(url).getRawPath(), new byte[0],
                "application/x-www-form-urlencoded", null);
        assertThat(muted.status()).isEqualTo(200);
        assertThat(desk.patchCc(id, List.of(), AGENT).status()).isEqualTo(200);
        long seq = desk.lastSeq();

        assertThat(desk.patchCc(id, List.of(VERA_MAIL), AGENT).status()).isEqualTo(200);

        assertThat(added(id, seq)).isEmpty();
        assertThat(desk.history(id, "RECIPIENT_WITHHELD")).anySatisfy(e -> {
            assertThat(e.path("detail").path("email").asText()).isEqualTo(VERA_MAIL);
            assertThat(e.path("detail").path("event").asText()).isEqualTo("CC_ADDED");
        });
    }
}
