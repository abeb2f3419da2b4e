package dev.deskcc.dist.scenario;

import static dev.deskcc.dist.scenario.DeskApi.EMMA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.MONA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.OSCAR_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.VERA_MAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Contract §5, email: with autoAddRecipients on, To then Cc join in header order, best effort,
 * skips recorded; automatic and Bcc-only mail adds nobody; mail never removes a CC or changes
 * the requester.
 */
class InboundMailCcIT extends ScenarioTest {

    private static final String DESK = "onboarding@acme.test";

    private List<org.assertj.core.groups.Tuple> skipped(String ticketId) {
        List<org.assertj.core.groups.Tuple> out = new ArrayList<>();
        for (JsonNode e : desk.history(ticketId, "CC_SKIPPED")) {
            out.add(tuple(e.path("detail").path("email").asText().toLowerCase(Locale.ROOT), e.path("detail").path("code").asText()));
        }
        return out;
    }

    /** An agent-created ticket with {@code cc}, answered once by Bert: the reply's message id. */
    private String[] ticketWithAgentReply(Object... cc) {
        String id = desk.ticketWithCc("hr", cc).path("id").asText();
        long seq = desk.lastSeq();
        desk.agentReply(id, "Please send the status.");
        List<JsonNode> replies = Views.messagesOf(desk.outbox(id, seq), "AGENT_REPLY");
        assertThat(replies).as("the agent reply was sent").isNotEmpty();
        return new String[] {id, replies.get(replies.size() - 1).path("messageId").asText()};
    }

    @Test
    void to_then_cc_recipients_join_in_header_order_with_the_sender_as_adder() {
        desk.enable("hr", false, true);
        JsonNode taken = desk.deliver(Mail.from("Emma Hire <emma@example.com>")
                .to(DESK, "Vera Verify <VERA@verify-agency.test>")
                .cc("mona@example.com", "Oscar <oscar@example.com>")
                .subject("Start date for the new hire").bytes());
        assertThat(taken.path("created").asBoolean()).isTrue();
        JsonNode t = desk.ticket(taken.path("ticketId").asText());
        assertThat(t.path("requester").path("email").asText()).isEqualToIgnoringCase(EMMA_MAIL);
        assertThat(Views.ccEmails(t)).containsExactly(VERA_MAIL, MONA_MAIL, OSCAR_MAIL);
        for (JsonNode cc : t.path("fields").path("cc")) {
            assertThat(cc.path("source").asText()).as("%s", cc).isEqualTo("EMAIL");
            assertThat(cc.path("addedBy").path("type").asText()).as("%s", cc).isEqualTo("CONTACT");
            assertThat(cc.path("addedBy").path("id").asText()).as("%s", cc).isEqualTo(desk.id("emma"));
        }
        assertThat(skipped(t.path("id").asText())).isEmpty();
    }

    @Test
    void recipients_of_a_reply_mail_join_the_existing_ticket() {
        desk.enable("hr", false, true);
        String[] t = ticketWithAgentReply(MONA_MAIL);
        JsonNode taken = desk.deliver(Mail.from(EMMA_MAIL).to(DESK, OSCAR_MAIL).inReplyTo(t[1])
                .subject("Re: Background check").bytes());
        assertThat(taken.path("ticketId").asText()).isEqualTo(t[0]);
        assertThat(taken.path("created").asBoolean()).isFalse();
        assertThat(Views.ccEmails(desk.ticket(t[0]))).containsExactly(MONA_MAIL, OSCAR_MAIL);
    }

    @Test
    void each_skipped_address_is_a_cc_skipped_event_with_its_email_and_code() {
        desk.enable("hr", false, true);
        desk.blockDomains("hr", "blocked.test");
        JsonNode taken = desk.deliver(Mail.from("EMMA@example.com")
                .to(DESK, "junk@spam.test")
                .cc("bert@acme.test", "gone@example.com", "x@mail.blocked.test", MONA_MAIL, "emma@example.com")
                .subject("New hire paperwork").bytes());
        String id = taken.path("ticketId").asText();
        assertThat(Views.ccEmails(desk.ticket(id))).containsExactly(MONA_MAIL);
        assertThat(skipped(id)).containsExactlyInAnyOrder(
                tuple("junk@spam.test", "CONTACT_SPAM"),
                tuple("bert@acme.test", "AGENT_ADDRESS"),
                tuple("gone@example.com", "CONTACT_DELETED"),
                tuple("x@mail.blocked.test", "BLOCKED_DOMAIN"));
    }

    @Test
    void invalid_addresses_are_cc_skipped_events_as_written_in_header_order() {
        desk.enable("hr", false, true);
        JsonNode taken = desk.deliver(Mail.from(EMMA_MAIL).to(DESK)
                .cc("ann@localhost", "bob", "carl@under_score.example", "dora@example.com")
                .subject("Invalid recipients").bytes());
        String id = taken.path("ticketId").asText();
        assertThat(Views.ccEmails(desk.ticket(id))).containsExactly("dora@example.com");
        assertThat(skipped(id)).containsExactly(
                tuple("ann@localhost", "INVALID_ADDRESS"),
                tuple("bob", "INVALID_ADDRESS"),
                tuple("carl@under_score.example", "INVALID_ADDRESS"));
    }

    @Test
    void the_desks_own_addresses_are_neither_added_nor_reported() {
        desk.enable("hr", false, true);
        JsonNode taken = desk.deliver(Mail.from(EMMA_MAIL).to("onboarding+vip@acme.test").cc(MONA_MAIL).subject("Plus tagged").bytes());
        String id = taken.path("ticketId").asText();
        JsonNode t = desk.ticket(id);
        assertThat(t.path("departmentId").asText()).isEqualTo(desk.id("hr"));
        assertThat(Views.ccEmails(t)).containsExactly(MONA_MAIL);
        assertThat(skipped(id)).isEmpty();
    }

    @Test
    void beyond_twenty_the_rest_are_skipped_in_header_order() {
        desk.enable("hr", false, true);
        String[] cc = IntStream.rangeClosed(1, 22).mapToObj(i -> "m" + i + "@mass.example.org").toArray(String[]::new);
        JsonNode taken = desk.deliver(Mail.from(EMMA_MAIL).to(DESK).cc(cc).subject("Everyone").bytes());
        String id = taken.path("ticketId").asText();
        assertThat(Views.ccEmails(desk.ticket(id))).containsExactly(java.util.Arrays.copyOf(cc, 20));
        assertThat(skipped(id)).containsExactlyInAnyOrder(
                tuple("m21@mass.example.org", "CC_LIMIT_EXCEEDED"), tuple("m22@mass.example.org", "CC_LIMIT_EXCEEDED"));
    }

    @Test
    void without_auto_add_mail_adds_nobody() {
        desk.enable("hr", false, false);
        JsonNode taken = desk.deliver(Mail.from(EMMA_MAIL).to(DESK, VERA_MAIL).cc(MONA_MAIL).subject("No auto add").bytes());
        JsonNode t = desk.ticket(taken.path("ticketId").asText());
        assertThat(Views.hasCcField(t)).isTrue();
        assertThat(Views.ccEmails(t)).isEmpty();
    }

    @Test
    void mail_to_a_disabled_department_adds_nobody_even_later() {
        desk.enable("hr", false, true);
        desk.disable("hr");
        JsonNode taken = desk.deliver(Mail.from(EMMA_MAIL).to(DESK).cc(MONA_MAIL).subject("While off").bytes());
        String id = taken.path("ticketId").asText();
        assertThat(Views.hasCcField(desk.ticket(id))).isFalse();
        desk.enable("hr", false, true);
        assertThat(Views.ccEmails(desk.ticket(id))).isEmpty();
    }

    @Test
    void automatic_mail_adds_nobody() {
        desk.enable("hr", false, true);
        String[] t = ticketWithAgentReply(MONA_MAIL);
        List<String[]> marks = List.of(
                new String[] {"Auto-Submitted", "auto-replied"},
                new String[] {"Auto-Submitted", "auto-generated"},
                new String[] {"Precedence", "bulk"},
                new String[] {"Precedence", "junk"},
                new String[] {"Precedence", "list"});
        for (String[] mark : marks) {
            Answer answer = desk.inbound(Mail.from(EMMA_MAIL).to(DESK, OSCAR_MAIL).cc(VERA_MAIL).with(mark[0], mark[1])
                    .inReplyTo(t[1]).subject("Re: Background check").bytes());
            assertThat(answer.status()).as("%s: %s", mark[0], answer).isEqualTo(202);
            assertThat(Views.ccEmails(desk.ticket(t[0]))).as("%s: %s", mark[0], mark[1]).containsExactly(MONA_MAIL);

            Answer fresh = desk.inbound(Mail.from(EMMA_MAIL).to(DESK, OSCAR_MAIL).with(mark[0], mark[1])
                    .subject("Out of office").bytes());
            assertThat(fresh.status()).as("%s", fresh).isEqualTo(202);
            if (fresh.json().path("ticketId").isTextual()) {
                assertThat(Views.ccEmails(desk.ticket(fresh.json().path("ticketId").asText()))).as("%s", mark[1]).isEmpty();
            }
        }
        Answer human = desk.inbound(Mail.from(EMMA_MAIL).to(DESK, OSCAR_MAIL).with("Auto-Submitted", "no")
                .inReplyTo(t[1]).subject("Re: Background check").bytes());
        assertThat(human.status()).isEqualTo(202);
        assertThat(Views.ccEmails(desk.ticket(t[0]))).as("Auto-Submitted: no is a person").containsExactly(MONA_MAIL, OSCAR_MAIL);
    }

    @Test
    void mail_that_reached_the_desk_only_by_bcc_adds_nobody() {
        desk.enable("hr", false, true);
        String[] t = ticketWithAgentReply(MONA_MAIL);
        Answer reply = desk.inbound(Mail.from(EMMA_MAIL).to(OSCAR_MAIL).cc(VERA_MAIL).with("Delivered-To", DESK)
                .inReplyTo(t[1]).subject("Re: Background check").bytes());
        assertThat(reply.status()).as("%s", reply).isEqualTo(202);
        assertThat(Views.ccEmails(desk.ticket(t[0]))).containsExactly(MONA_MAIL);

        Answer fresh = desk.inbound(Mail.from(EMMA_MAIL).to(OSCAR_MAIL).cc(VERA_MAIL).with("X-Original-To", DESK)
                .subject("Blind copy to the desk").bytes());
        assertThat(fresh.status()).as("%s", fresh).isEqualTo(202);
        assertThat(fresh.json().path("ticketId").isTextual()).as("routed by the envelope: %s", fresh).isTrue();
        assertThat(Views.ccEmails(desk.ticket(fresh.json().path("ticketId").asText()))).isEmpty();
    }

    @Test
    void a_reply_mail_that_leaves_a_cc_out_removes_nobody() {
        desk.enable("hr", false, true);
        String[] t = ticketWithAgentReply(MONA_MAIL, VERA_MAIL);
        JsonNode taken = desk.deliver(Mail.from(EMMA_MAIL).to(DESK).inReplyTo(t[1]).subject("Re: Background check").bytes());
        assertThat(taken.path("ticketId").asText()).isEqualTo(t[0]);
        assertThat(Views.ccEmails(desk.ticket(t[0]))).containsExactly(MONA_MAIL, VERA_MAIL);
    }

    @Test
    void a_reply_mail_from_a_cc_never_changes_the_requester() {
        desk.enable("hr", false, true);
        String[] t = ticketWithAgentReply(VERA_MAIL);
        String requesterId = desk.ticket(t[0]).path("requester").path("contactId").asText();
        JsonNode taken = desk.deliver(Mail.from("Vera Verify <vera@verify-agency.test>").to(DESK).cc(EMMA_MAIL, OSCAR_MAIL)
                .inReplyTo(t[1]).subject("Re: Background check").bytes());
        assertThat(taken.path("ticketId").asText()).isEqualTo(t[0]);
        JsonNode after = desk.ticket(t[0]);
        assertThat(after.path("requester").path("contactId").asText()).isEqualTo(requesterId);
        assertThat(after.path("requester").path("email").asText()).isEqualToIgnoringCase(EMMA_MAIL);
        assertThat(Views.ccEmails(after)).containsExactly(VERA_MAIL, OSCAR_MAIL);
        JsonNode oscar = Views.ccEntry(after, OSCAR_MAIL).orElseThrow();
        assertThat(oscar.path("addedBy").path("id").asText()).isEqualTo(desk.id("agency"));
        assertThat(skipped(t[0])).containsExactly(tuple(EMMA_MAIL, "REQUESTER"));
    }

    @Test
    void a_mail_from_a_stranger_on_the_thread_never_changes_the_requester() {
        desk.enable("hr", false, true);
        String[] t = ticketWithAgentReply(MONA_MAIL);
        // by reference: a ticket number alone would start a new ticket for a stranger (MailTrustIT)
        JsonNode taken = desk.deliver(Mail.from("Stranger <stranger@elsewhere.example>").to(DESK)
                .inReplyTo(t[1]).subject("Re: Background check").bytes());
        assertThat(taken.path("ticketId").asText()).isEqualTo(t[0]);
        assertThat(desk.ticket(t[0]).path("requester").path("email").asText()).isEqualToIgnoringCase(EMMA_MAIL);
    }

    @Test
    void the_agencys_reply_threads_into_the_ticket_with_its_attachment() throws NoSuchAlgorithmException {
        desk.enable("hr", false, true);
        String[] t = ticketWithAgentReply(VERA_MAIL);
        byte[] pdf = ("%PDF-1.4\n% background check report\n" + "x".repeat(3000) + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        JsonNode taken = desk.deliver(Mail.from("Vera Verify <vera@verify-agency.test>").to(DESK)
                .inReplyTo(t[1]).subject("Re: Background check")
                .text("Employment history verified. Report attached.")
                .attach("report.pdf", "application/pdf", pdf).bytes());
        assertThat(taken.path("ticketId").asText()).isEqualTo(t[0]);
        assertThat(taken.path("created").asBoolean()).isFalse();
        JsonNode entry = Views.thread(desk.ticket(t[0]), "INBOUND").stream()
                .filter(e -> e.path("id").asText().equals(taken.path("entryId").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("entry " + taken + " not in thread"));
        assertThat(entry.path("author").path("email").asText()).isEqualToIgnoringCase(VERA_MAIL);
        assertThat(entry.path("content").asText()).contains("Employment history verified.");
        assertThat(entry.path("attachments")).hasSize(1);
        JsonNode a = entry.path("attachments").get(0);
        assertThat(a.path("name").asText()).isEqualTo("report.pdf");
        assertThat(a.path("size").asLong()).isEqualTo(pdf.length);
        assertThat(a.path("contentType").asText()).startsWith("application/pdf");
        assertThat(a.path("sha256").asText()).isEqualToIgnoringCase(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
    }
}
