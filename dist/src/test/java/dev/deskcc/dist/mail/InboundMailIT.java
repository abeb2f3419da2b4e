package dev.deskcc.dist.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Real (and ugly) messages over {@code POST /api/v1/inbound/email} through the CC plugin: the
 * resulting ticket, its CCs, the contacts and the history.
 */
class InboundMailIT extends MailSimulatorTest {

    private static String recipients(int from, int to) {
        return String.join(",\r\n\t", IntStream.rangeClosed(from, to).mapToObj(i -> "Person " + i + " <p" + i + "@many.example>").toList());
    }

    private List<String> skipped(String ticketId) {
        List<String> out = new ArrayList<>();
        desk.history(ticketId, "CC_SKIPPED").forEach(e ->
                out.add(e.path("detail").path("email").asText() + " " + e.path("detail").path("code").asText()));
        return out;
    }

    private int contactCount() {
        return desk.get("/api/v1/contacts", MailDesk.AGENT).json().path("contacts").size();
    }

    @Test
    void of_twenty_five_recipients_twenty_join_and_five_are_skipped_over_the_limit_in_header_order() {
        desk.enableAutoAdd();
        String ticketId = desk.deliver("From: Emma Hire <emma@example.com>\r\n"
                + "To: HR <" + MailDesk.SUPPORT + ">, " + recipients(1, 5) + "\r\n"
                + "Cc: " + recipients(6, 25) + "\r\n"
                + "Subject: Everyone in the loop\r\n\r\nHi all.\r\n").path("ticketId").asText();

        assertThat(desk.ccEmails(ticketId)).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 20).mapToObj(i -> "p" + i + "@many.example").toList());
        assertThat(skipped(ticketId)).containsExactlyElementsOf(
                IntStream.rangeClosed(21, 25).mapToObj(i -> "p" + i + "@many.example CC_LIMIT_EXCEEDED").toList());
        assertThat(desk.ticket(ticketId).path("fields").path("cc").get(0).path("name").asText()).isEqualTo("Person 1");
    }

    @Test
    void encoded_display_names_become_the_names_of_the_contacts() {
        desk.enableAutoAdd();
        String ticketId = desk.deliver("From: =?UTF-8?B?w4lsb2TDqWUgTcO8bGxlcg==?= <elodee@example.org>\r\n"
                + "To: " + MailDesk.SUPPORT + "\r\n"
                + "Cc: =?ISO-8859-1?Q?Ren=E9e_Fran=E7ois?= <renee@example.org>, \"=?UTF-8?Q?J=C3=BCrgen?=\" <juergen@example.org>\r\n"
                + "Subject: =?UTF-8?Q?Vertrag_f=C3=BCr?= =?UTF-8?Q?_J=C3=BCrgen?=\r\n\r\nBitte.\r\n").path("ticketId").asText();

        JsonNode ticket = desk.ticket(ticketId);
        assertThat(ticket.path("subject").asText()).isEqualTo("Vertrag für Jürgen");
        assertThat(ticket.path("requester").path("name").asText()).isEqualTo("Élodée Müller");
        assertThat(ticket.path("fields").path("cc")).extracting(c -> c.path("email").asText(), c -> c.path("name").asText())
                .containsExactly(tuple("renee@example.org", "Renée François"), tuple("juergen@example.org", "Jürgen"));
        assertThat(desk.contacts("RENEE@example.org")).extracting(c -> c.path("name").asText()).containsExactly("Renée François");
    }

    @Test
    void undisclosed_recipients_add_nobody_and_the_envelope_routes_the_message() {
        desk.enableAutoAdd();
        int before = contactCount();
        JsonNode taken = desk.deliver("From: Emma Hire <emma@example.com>\r\n"
                + "To: Undisclosed recipients:;\r\n"
                + "Delivered-To: " + MailDesk.SUPPORT + "\r\n"
                + "Subject: Newsletter-ish\r\n\r\nHello.\r\n");
        String ticketId = taken.path("ticketId").asText();
        assertThat(desk.ticket(ticketId).path("departmentId").asText()).isEqualTo(desk.id("hr"));
        assertThat(desk.ccEmails(ticketId)).isEmpty();
        assertThat(skipped(ticketId)).isEmpty();
        assertThat(contactCount()).isEqualTo(before);
    }

    @Test
    void folded_headers_are_unfolded() {
        desk.enableAutoAdd();
        String ticketId = desk.deliver("From: Emma\r\n Hire <emma@example.com>\r\n"
                + "To: " + MailDesk.SUPPORT + ",\r\n  Mona Manager\r\n <mona@example.com>\r\n"
                + "Cc:\r\n vera@verify-agency.test\r\n"
                + "Subject: Onboarding papers\r\n for the new\r\n\thire\r\n\r\nAttached soon.\r\n").path("ticketId").asText();

        JsonNode ticket = desk.ticket(ticketId);
        assertThat(ticket.path("subject").asText()).isEqualTo("Onboarding papers for the new hire");
        assertThat(ticket.path("requester").path("email").asText()).isEqualTo("emma@example.com");
        assertThat(desk.ccEmails(ticketId)).containsExactly("mona@example.com", "vera@verify-agency.test");
    }

    @Test
    void attachments_with_encoded_names_are_kept_with_size_type_and_digest() throws Exception {
        byte[] pdf = ("%PDF-1.4\n" + "z".repeat(5000) + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        String b64 = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pdf);
        JsonNode taken = desk.deliver("From: vera@verify-agency.test\r\nTo: " + MailDesk.SUPPORT + "\r\n"
                + "Subject: Report\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nReport attached.\r\n"
                + "--b1\r\nContent-Type: application/pdf\r\n"
                + "Content-Disposition: attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + b64 + "\r\n--b1--\r\n");
        JsonNode entry = null;
        for (JsonNode e : desk.ticket(taken.path("ticketId").asText()).path("thread")) {
            if (e.path("id").asText().equals(taken.path("entryId").asText())) {
                entry = e;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.path("content").asText()).contains("Report attached.");
        JsonNode a = entry.path("attachments").get(0);
        assertThat(a.path("name").asText()).isEqualTo("résumé.pdf");
        assertThat(a.path("size").asLong()).isEqualTo(pdf.length);
        assertThat(a.path("contentType").asText()).startsWith("application/pdf");
        assertThat(a.path("sha256").asText())
                .isEqualToIgnoringCase(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
    }

    @Test
    void a_message_over_25_mib_is_413_and_changes_nothing() {
        int before = contactCount();
        byte[] head = ("From: big@large.example\r\nTo: " + MailDesk.SUPPORT + "\r\nSubject: big\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] raw = Arrays.copyOf(head, 25 * 1024 * 1024 + 1);
        Arrays.fill(raw, head.length, raw.length, (byte) 'x');
        MailDesk.Answer answer = desk.inbound(raw);
        assertThat(answer.status()).as("%s", answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(contactCount()).isEqualTo(before);
    }

    @Test
    void garbage_is_400_malformed_message_and_creates_no_contact() {
        int before = contactCount();
        for (String garbage : List.of("this is not a message at all", "\u0000\u0001\u0002binary",
                "From: not an address\r\nTo: " + MailDesk.SUPPORT + "\r\n\r\nbody\r\n",
                "To: " + MailDesk.SUPPORT + "\r\nSubject: no sender\r\n\r\nbody\r\n")) {
            MailDesk.Answer answer = desk.inbound(garbage);
            assertThat(answer.status()).as("%s -> %s", garbage, answer).isEqualTo(400);
            assertThat(answer.code()).isEqualTo("MALFORMED_MESSAGE");
        }
        assertThat(contactCount()).isEqualTo(before);
    }

    @Test
    void a_message_that_reaches_no_department_is_not_half_applied() {
        desk.enableAutoAdd();
        int before = contactCount();
        long seq = desk.outbox().size();
        MailDesk.Answer answer = desk.inbound("From: New Sender <new.sender@example.org>\r\n"
                + "To: someone@elsewhere.example\r\nCc: also.new@example.org\r\nSubject: Lost\r\n\r\nHello?\r\n");
        assertThat(answer.status()).as("%s", answer).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("NO_DEPARTMENT");
        assertThat(desk.contacts("new.sender@example.org")).isEmpty();
        assertThat(desk.contacts("also.new@example.org")).isEmpty();
        assertThat(contactCount()).isEqualTo(before);
        assertThat(desk.outbox()).hasSize((int) seq);
    }

    @Test
    void an_automatic_reply_to_a_closed_ticket_neither_reopens_it_nor_adds_nor_notifies_anyone() {
        desk.enableAutoAdd();
        JsonNode created = desk.json("POST", "/api/v1/tickets", Map.of("departmentId", desk.id("hr"),
                "subject", "Badge", "description", "Needed.", "requester", Map.of("email", "emma@example.com"),
                "fields", Map.of("cc", List.of("mona@example.com"))), MailDesk.AGENT).json();
        String ticketId = created.path("id").asText();
        desk.agentReply(ticketId, "Done.");
        assertThat(desk.json("PATCH", "/api/v1/tickets/" + ticketId, Map.of("status", "CLOSED"), MailDesk.AGENT).status())
                .isEqualTo(200);
        List<JsonNode> sent = desk.outbox(ticketId);
        String lastId = sent.get(sent.size() - 1).path("messageId").asText();
        int outboxSize = desk.outbox().size();

        for (String mark : List.of("Auto-Submitted: auto-replied", "Precedence: bulk")) {
            JsonNode taken = desk.deliver("From: Emma Hire <emma@example.com>\r\nTo: " + MailDesk.SUPPORT + "\r\n"
                    + "Cc: oscar@example.com\r\n" + mark + "\r\nIn-Reply-To: " + lastId + "\r\n"
                    + "Subject: Out of office\r\n\r\nI am away.\r\n");
            assertThat(taken.path("ticketId").asText()).as(mark).isEqualTo(ticketId);
        }
        assertThat(desk.ticket(ticketId).path("status").asText()).isEqualTo("CLOSED");
        assertThat(desk.ccEmails(ticketId)).containsExactly("mona@example.com");
        assertThat(desk.outbox()).hasSize(outboxSize);
    }

    @Test
    void mail_from_the_desks_own_address_is_dropped_adds_nobody_and_sends_nothing() {
        desk.enableAutoAdd();
        int outboxSize = desk.outbox().size();
        for (String own : List.of("noreply@acme.test", "it@acme.test", "onboarding+loop@acme.test")) {
            MailDesk.Answer answer = desk.inbound("From: Desk <" + own + ">\r\nTo: " + MailDesk.SUPPORT + "\r\n"
                    + "Cc: oscar@example.com, newbie@example.org\r\nSubject: Loop?\r\n\r\nAre we talking to ourselves?\r\n");
            assertThat(answer.status()).as(own).isEqualTo(202);
            assertThat(answer.json().path("dropped").asText()).as(own).isEqualTo("FROM_DESK_ADDRESS");
            assertThat(answer.json().has("ticketId")).as(own).isFalse();
        }
        assertThat(desk.contacts("newbie@example.org")).isEmpty();
        assertThat(desk.outbox()).hasSize(outboxSize);
    }

    @Test
    void the_desks_own_notification_coming_back_is_dropped_as_a_duplicate() {
        JsonNode created = desk.json("POST", "/api/v1/tickets", Map.of("departmentId", desk.id("hr"),
                "subject", "Echo", "description", "d", "requester", Map.of("email", "emma@example.com")),
                MailDesk.AGENT).json();
        JsonNode notice = desk.outbox(created.path("id").asText()).get(0);
        int threadBefore = desk.ticket(created.path("id").asText()).path("thread").size();
        String bounced = desk.raw(notice).replaceFirst("(?m)^To: .*$", "To: " + MailDesk.SUPPORT);
        MailDesk.Answer answer = desk.inbound(bounced);
        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
        assertThat(answer.json().path("dropped").asText()).isEqualTo("DUPLICATE_MESSAGE");
        assertThat(desk.ticket(created.path("id").asText()).path("thread")).hasSize(threadBefore);
    }
}
