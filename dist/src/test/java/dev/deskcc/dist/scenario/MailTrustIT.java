package dev.deskcc.dist.scenario;

import static dev.deskcc.dist.scenario.DeskApi.AGENT;
import static dev.deskcc.dist.scenario.DeskApi.EMMA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.MONA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.OSCAR;
import static dev.deskcc.dist.scenario.DeskApi.OSCAR_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.VERA_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, mail and participants, with the real plugin jar over real HTTP (contract v1.1 §4
 * "Inbound email", §5 email and "Held CCs"): a ticket number alone is no key; only participants'
 * mail adds CCs; held CCs get nothing and see nothing; automated mail and delivery reports change
 * nobody; many recipients never lose the mail; the desk's own addresses are no requester.
 */
class MailTrustIT extends ScenarioTest {

    private static final String HR_DESK = "onboarding@acme.test";
    private static final String IT_DESK = "it@acme.test";
    private static final String STRANGER = "Mallory <mallory@attacker.example>";

    /** An HR ticket from Emma, answered once by Bert: {id, number, the reply's message id}. */
    private String[] answeredHrTicket(Object... cc) {
        JsonNode t = desk.ticketWithCc("hr", cc);
        String id = t.path("id").asText();
        long seq = desk.lastSeq();
        desk.agentReply(id, "We are on it.");
        List<JsonNode> replies = Views.messagesOf(desk.outbox(id, seq), "AGENT_REPLY");
        return new String[] {id, t.path("number").asText(), replies.get(replies.size() - 1).path("messageId").asText()};
    }

    private List<String> skippedCodes(String ticketId) {
        return desk.history(ticketId, "CC_SKIPPED").stream().map(e -> e.path("detail").path("code").asText()).toList();
    }

    @Test
    void a_ticket_number_alone_does_not_let_a_stranger_in() {
        desk.enable("hr", true, true);
        String[] hr = answeredHrTicket();
        long seq = desk.lastSeq();

        // the issue's attack: a stranger mails the IT address (CC off there) naming HR's ticket
        JsonNode taken = desk.deliver(Mail.from(STRANGER).to(IT_DESK).cc(OSCAR_MAIL, MONA_MAIL)
                .subject("Re: [#" + hr[1] + "] Background check").text("Read this: http://evil.example").bytes());

        assertThat(taken.path("created").asBoolean()).as("a new ticket: %s", taken).isTrue();
        String fresh = taken.path("ticketId").asText();
        assertThat(fresh).isNotEqualTo(hr[0]);
        assertThat(desk.ticket(fresh).path("departmentId").asText()).isEqualTo(desk.id("it"));
        JsonNode after = desk.ticket(hr[0]);
        assertThat(Views.ccEmails(after)).as("nobody added to #%s", hr[1]).isEmpty();
        assertThat(Views.thread(after, "INBOUND")).isEmpty();
        // no help-center access for the customer he copied
        assertThat(desk.ticketAs(hr[0], OSCAR).status()).isEqualTo(404);
        assertThat(Views.row(desk.ticketsSeenBy(OSCAR), hr[0])).isEmpty();
        assertThat(desk.comment(hr[0], Map.of("content", "hi"), OSCAR).status()).isEqualTo(404);
        // and the next routine reply goes to neither of them
        desk.agentReply(hr[0], "Status update.");
        List<JsonNode> sent = desk.outbox(hr[0], seq);
        assertThat(Views.notified(sent, "AGENT_REPLY")).doesNotContain(OSCAR_MAIL, MONA_MAIL);
        assertThat(desk.outbox(fresh)).allSatisfy(m ->
                assertThat(Views.recipients(m)).doesNotContain(OSCAR_MAIL, MONA_MAIL));
    }

    @Test
    void a_strangers_reply_by_reference_threads_but_adds_nobody() {
        desk.enable("hr", true, true);
        String[] hr = answeredHrTicket();

        JsonNode taken = desk.deliver(Mail.from(STRANGER).to(HR_DESK).cc(OSCAR_MAIL).inReplyTo(hr[2])
                .subject("Re: Background check").bytes());

        assertThat(taken.path("ticketId").asText()).isEqualTo(hr[0]);
        assertThat(Views.ccEmails(desk.ticket(hr[0]))).isEmpty();
        assertThat(skippedCodes(hr[0])).containsExactly("SENDER_NOT_PARTICIPANT");
        assertThat(desk.ticketAs(hr[0], OSCAR).status()).isEqualTo(404);
    }

    @Test
    void a_former_ccs_mail_threads_by_number_but_adds_nobody() {
        desk.enable("hr", true, true);
        String[] hr = answeredHrTicket(VERA_MAIL);
        assertThat(desk.patchCc(hr[0], List.of(), AGENT).status()).isEqualTo(200);

        JsonNode taken = desk.deliver(Mail.from(VERA_MAIL).to(HR_DESK).cc(OSCAR_MAIL)
                .subject("Re: [#" + hr[1] + "] Background check").bytes());

        assertThat(taken.path("ticketId").asText()).as("a former CC still threads").isEqualTo(hr[0]);
        assertThat(Views.ccEmails(desk.ticket(hr[0]))).isEmpty();
        assertThat(skippedCodes(hr[0])).containsExactly("SENDER_NOT_PARTICIPANT");
    }

    @Test
    void a_held_cc_is_sent_nothing_and_sees_nothing_until_an_agent_reply_releases_it() {
        desk.enable("hr", true, true);
        JsonNode taken = desk.deliver(Mail.from(STRANGER).to(HR_DESK).cc(OSCAR_MAIL).subject("Free laptops").bytes());
        String id = taken.path("ticketId").asText();
        JsonNode oscar = Views.ccEntry(desk.ticket(id), OSCAR_MAIL).orElseThrow();
        assertThat(oscar.path("held").asBoolean()).isTrue();

        assertThat(desk.ticketAs(id, OSCAR).status()).isEqualTo(404);
        assertThat(Views.row(desk.ticketsSeenBy(OSCAR), id)).isEmpty();
        assertThat(desk.reply(id, Map.of("content", "me too"), OSCAR).status()).isEqualTo(404);
        assertThat(desk.comment(id, Map.of("content", "me too"), OSCAR).status()).isEqualTo(404);
        assertThat(desk.rate(id, OSCAR, "GOOD").status()).isEqualTo(404);
        assertThat(desk.outbox(id)).allSatisfy(m -> assertThat(Views.recipients(m)).doesNotContain(OSCAR_MAIL));

        desk.agentReply(id, "Hello, who are you?");

        assertThat(Views.ccEntry(desk.ticket(id), OSCAR_MAIL).orElseThrow().path("held").asBoolean()).isFalse();
        assertThat(desk.ticketAs(id, OSCAR).status()).isEqualTo(200);
        assertThat(Views.notified(desk.outbox(id), "AGENT_REPLY")).contains(OSCAR_MAIL);
    }

    @Test
    void automated_mail_threads_but_adds_nobody_and_reopens_nothing() {
        desk.enable("hr", true, true);
        String[] hr = answeredHrTicket(MONA_MAIL);
        assertThat(desk.close(hr[0]).status()).isEqualTo(200);
        List<Mail> automated = List.of(
                Mail.from(EMMA_MAIL).with("Auto-Submitted", "no").with("auto-submitted", "auto-replied"),
                Mail.from(EMMA_MAIL).with("List-Id", "<staff.lists.example.com>"),
                Mail.from(EMMA_MAIL).with("Return-Path", "<>"));
        for (Mail m : automated) {
            JsonNode taken = desk.deliver(m.to(HR_DESK, OSCAR_MAIL).inReplyTo(hr[2]).subject("Re: Background check").bytes());
            assertThat(taken.path("ticketId").asText()).as("%s", m.headers()).isEqualTo(hr[0]);
            JsonNode t = desk.ticket(hr[0]);
            assertThat(Views.ccEmails(t)).as("%s", m.headers()).containsExactly(MONA_MAIL);
            assertThat(t.path("status").asText()).as("%s", m.headers()).isEqualTo("CLOSED");
        }
    }

    @Test
    void a_delivery_report_is_dropped_before_routing_and_threads_nowhere() {
        desk.enable("hr", true, true);
        String[] hr = answeredHrTicket(MONA_MAIL);
        String report = "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\r\nTo: noreply@acme.test\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nIn-Reply-To: " + hr[2] + "\r\n"
                + "Cc: " + OSCAR_MAIL + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"R\"\r\n\r\n"
                + "--R\r\nContent-Type: text/plain\r\n\r\nThis message could not be delivered.\r\n"
                + "--R\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.net\r\n\r\n"
                + "Final-Recipient: rfc822; " + MONA_MAIL + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "--R\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: " + hr[2] + "\r\n--R--\r\n";
        int threadBefore = desk.ticket(hr[0]).path("thread").size();

        Answer answer = desk.inbound(report.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
        assertThat(answer.json().toString()).isEqualTo("{\"dropped\":\"DELIVERY_REPORT\"}");
        JsonNode t = desk.ticket(hr[0]);
        assertThat(t.path("thread").size()).isEqualTo(threadBefore);
        assertThat(Views.ccEmails(t)).containsExactly(MONA_MAIL);
    }

    @Test
    void a_ten_thousand_address_cc_is_taken_in_and_the_history_stays_bounded() {
        desk.enable("hr", true, true);
        String[] cc = IntStream.range(0, 10_000).mapToObj(i -> "p" + i + "@crowd.example.org").toArray(String[]::new);

        Answer answer = desk.inbound(Mail.from(EMMA_MAIL).to(HR_DESK).cc(cc).subject("Everyone").bytes());

        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
        String id = answer.json().path("ticketId").asText();
        assertThat(Views.ccEmails(desk.ticket(id))).hasSize(20).startsWith("p0@crowd.example.org");
        List<JsonNode> skipped = desk.history(id, "CC_SKIPPED");
        // 500 To/Cc taken in: the desk plus 499 people; 20 join, 479 skipped: 50 events and one counting 429
        assertThat(skipped).hasSize(51);
        assertThat(skipped.get(50).path("detail").toString()).isEqualTo("{\"more\":429}");
    }

    @Test
    void the_desks_own_addresses_are_no_requester_by_api_or_by_mail() {
        Answer api = desk.http().post("/api/v1/tickets", DeskApi.ticketBody(desk.id("hr"), "legal-noreply+x@acme.test",
                null), AGENT);
        assertThat(api.status()).as("%s", api).isEqualTo(422);
        assertThat(api.code()).isEqualTo("REQUESTER_IS_DESK_ADDRESS");
        assertThat(api.json().path("errors").get(0).path("code").asText()).isEqualTo("FROM_ADDRESS");

        Answer mail = desk.inbound(Mail.from("HR <noreply@acme.test>").to(HR_DESK).subject("Loop").bytes());
        assertThat(mail.status()).isEqualTo(202);
        assertThat(mail.json().path("dropped").asText()).isEqualTo("FROM_DESK_ADDRESS");
    }

    @Test
    void a_requester_marked_spam_or_deleted_is_never_mailed() {
        for (String requester : List.of("junk@spam.test", "gone@example.com")) {
            Answer created = desk.http().post("/api/v1/tickets", DeskApi.ticketBody(desk.id("hr"), requester, null), AGENT);
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            String id = created.json().path("id").asText();
            desk.agentReply(id, "Answer.");
            assertThat(desk.outbox(id)).as(requester).allSatisfy(m ->
                    assertThat(Views.recipients(m)).doesNotContain(requester));
            assertThat(desk.history(id, "RECIPIENT_WITHHELD")).as(requester)
                    .extracting(e -> e.path("detail").path("reason").asText())
                    .contains(requester.startsWith("junk") ? "CONTACT_SPAM" : "CONTACT_DELETED");
        }
    }
}
