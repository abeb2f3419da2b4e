package dev.deskcc.dist.scenario;

import static dev.deskcc.dist.scenario.DeskApi.AGENT;
import static dev.deskcc.dist.scenario.DeskApi.EMMA;
import static dev.deskcc.dist.scenario.DeskApi.EMMA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.MONA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.OSCAR_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract §6, bounces: delivery reports (RFC 3464) as real mail servers write them, posted to the
 * inbound webhook, stop mail to exactly the failed recipient of a message the desk sent.
 */
class BounceIT extends ScenarioTest {

    /**
     * A Postfix-style bounce: a human part, the {@code message/delivery-status} part with
     * per-message and per-recipient fields, and the original's headers as
     * {@code text/rfc822-headers}.
     */
    private static byte[] postfixBounce(String messageId, String failed, String action) {
        return ("""
                Return-Path: <>
                Received: by mail.example.net (Postfix) id 4Tq2Kx1YzMz9sZ
                Date: Fri, 4 Dec 2026 16:10:02 +0000 (UTC)
                From: MAILER-DAEMON@mail.example.net (Mail Delivery System)
                Subject: Undelivered Mail Returned to Sender
                To: onboarding@acme.test
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="4Tq2Kx1YzMz9sZ.1733328602/mail.example.net"
                Message-Id: <20261204161002.4Tq2Kx1YzMz9sZ@mail.example.net>

                This is a MIME-encapsulated message.

                --4Tq2Kx1YzMz9sZ.1733328602/mail.example.net
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host mail.example.net.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients.

                --4Tq2Kx1YzMz9sZ.1733328602/mail.example.net
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mail.example.net
                X-Postfix-Queue-ID: 4Tq2Kx1YzMz9sZ
                X-Postfix-Sender: rfc822; onboarding@acme.test
                Arrival-Date: Fri,  4 Dec 2026 16:10:01 +0000 (UTC)

                Final-Recipient: rfc822; %2$s
                Original-Recipient: rfc822;%2$s
                Action: %3$s
                Status: 5.1.1
                Remote-MTA: dns; mx.example.com
                Diagnostic-Code: smtp; 550 5.1.1 <%2$s>: Recipient address rejected:
                    User unknown in virtual mailbox table

                --4Tq2Kx1YzMz9sZ.1733328602/mail.example.net
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: HR Onboarding <onboarding@acme.test>
                To: emma@example.com
                Subject: [#101] Laptop
                Message-ID: %1$s

                --4Tq2Kx1YzMz9sZ.1733328602/mail.example.net--
                """.formatted(messageId, failed, action)).replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * An Exchange-style non-delivery report: a text and HTML human part, the delivery status, and
     * the whole original as {@code message/rfc822}; it names the failed recipient and one that was
     * only delayed.
     */
    private static byte[] exchangeReport(String messageId, String failed, String delayed) {
        return ("""
                From: Microsoft Outlook <postmaster@contoso.test>
                To: <onboarding@acme.test>
                Date: Fri, 4 Dec 2026 16:12:45 +0000
                Subject: Undeliverable: Laptop
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="b1_NDR_5c2f"
                MIME-Version: 1.0
                Message-ID: <c1a7e0ff-ndr@EXCH01.contoso.test>
                Auto-Submitted: auto-replied

                --b1_NDR_5c2f
                Content-Type: multipart/alternative; boundary="b2_NDR_5c2f"

                --b2_NDR_5c2f
                Content-Type: text/plain; charset="us-ascii"

                Your message to %2$s couldn't be delivered.
                --b2_NDR_5c2f
                Content-Type: text/html; charset="us-ascii"

                <html><body><p>Your message couldn't be delivered.</p></body></html>
                --b2_NDR_5c2f--

                --b1_NDR_5c2f
                Content-Type: message/delivery-status

                Reporting-MTA: dns;EXCH01.contoso.test
                Received-From-MTA: dns;mail.acme.test
                Arrival-Date: Fri, 4 Dec 2026 16:12:44 +0000

                Final-Recipient: rfc822;%2$s
                Action: failed
                Status: 5.1.10
                Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup

                Final-Recipient: rfc822;%3$s
                Action: delayed
                Status: 4.4.7
                Will-Retry-Until: Sat, 5 Dec 2026 16:12:44 +0000

                --b1_NDR_5c2f
                Content-Type: message/rfc822

                From: HR Onboarding <onboarding@acme.test>
                To: emma@example.com
                Cc: %2$s, %3$s
                Subject: [#101] Laptop
                Message-ID: %1$s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8

                We are on it.

                --b1_NDR_5c2f--
                """.formatted(messageId, failed, delayed)).replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private String ticketForEmmaCc(String... cc) {
        desk.enable("hr");
        return desk.ticketWithCc("hr", (Object[]) cc).path("id").asText();
    }

    private JsonNode lastMessage(String ticketId) {
        List<JsonNode> messages = desk.outbox(ticketId);
        assertThat(messages).as("outbox of %s", ticketId).isNotEmpty();
        return messages.get(messages.size() - 1);
    }

    private static List<String> recipients(JsonNode message) {
        List<String> out = new ArrayList<>();
        message.path("to").forEach(a -> out.add(a.asText().toLowerCase()));
        message.path("cc").forEach(a -> out.add(a.asText().toLowerCase()));
        return out;
    }

    private void assertDroppedAsReport(Answer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
        assertThat(answer.json().path("dropped").asText()).as("%s", answer).isEqualTo("DELIVERY_REPORT");
        assertThat(answer.json().has("ticketId")).as("%s", answer).isFalse();
    }

    private List<String> suppressedReasons(String ticketId, String email) {
        List<String> out = new ArrayList<>();
        desk.ticket(ticketId).path("suppressed").forEach(s -> {
            if (email.equalsIgnoreCase(s.path("email").asText())) {
                out.add(s.path("reason").asText());
            }
        });
        return out;
    }

    @Test
    void a_postfix_bounce_stops_mail_to_exactly_the_failed_recipient_on_every_ticket() {
        String id = ticketForEmmaCc(MONA_MAIL, OSCAR_MAIL);
        JsonNode created = lastMessage(id);
        String other = ticketForEmmaCc(MONA_MAIL);

        assertDroppedAsReport(desk.inbound(postfixBounce(created.path("messageId").asText(), MONA_MAIL, "failed")));

        assertThat(desk.history(id, "RECIPIENT_BOUNCED")).singleElement()
                .satisfies(e -> assertThat(e.path("detail").path("email").asText()).isEqualTo(MONA_MAIL));
        assertThat(desk.history(other, "RECIPIENT_BOUNCED")).isEmpty();
        assertThat(suppressedReasons(id, MONA_MAIL)).containsExactly("BOUNCED");
        assertThat(suppressedReasons(other, MONA_MAIL)).as("listed wherever the address is a CC").containsExactly("BOUNCED");
        assertThat(suppressedReasons(id, OSCAR_MAIL)).isEmpty();

        desk.agentReply(id, "We ordered the laptop.");
        desk.agentReply(other, "And the badge.");
        assertThat(recipients(lastMessage(id))).contains(EMMA_MAIL, OSCAR_MAIL).doesNotContain(MONA_MAIL);
        assertThat(recipients(lastMessage(other))).contains(EMMA_MAIL).doesNotContain(MONA_MAIL);
    }

    @Test
    void an_exchange_report_marks_the_failed_recipient_and_not_the_delayed_one() {
        String id = ticketForEmmaCc(MONA_MAIL, OSCAR_MAIL);
        desk.agentReply(id, "We are on it.");
        JsonNode reply = lastMessage(id);

        assertDroppedAsReport(desk.inbound(exchangeReport(reply.path("messageId").asText(), OSCAR_MAIL, MONA_MAIL)));

        assertThat(suppressedReasons(id, OSCAR_MAIL)).containsExactly("BOUNCED");
        assertThat(suppressedReasons(id, MONA_MAIL)).isEmpty();
        desk.agentReply(id, "Done.");
        assertThat(recipients(lastMessage(id))).contains(MONA_MAIL).doesNotContain(OSCAR_MAIL);
    }

    @Test
    void reports_that_are_not_failures_or_not_about_our_mail_change_nothing() {
        String id = ticketForEmmaCc(MONA_MAIL);
        String messageId = lastMessage(id).path("messageId").asText();
        long before = desk.lastSeq();

        assertDroppedAsReport(desk.inbound(postfixBounce(messageId, MONA_MAIL, "delivered")));
        assertDroppedAsReport(desk.inbound(postfixBounce(messageId, MONA_MAIL, "delayed")));
        // a forged report about someone the message never went to, and one about mail we never sent
        assertDroppedAsReport(desk.inbound(postfixBounce(messageId, "vera@verify-agency.test", "failed")));
        assertDroppedAsReport(desk.inbound(postfixBounce("<never-sent@acme.test>", MONA_MAIL, "failed")));

        assertThat(desk.history(id, "RECIPIENT_BOUNCED")).isEmpty();
        assertThat(suppressedReasons(id, MONA_MAIL)).isEmpty();
        assertThat(desk.lastSeq()).isEqualTo(before);
        desk.agentReply(id, "Still here.");
        assertThat(recipients(lastMessage(id))).contains(MONA_MAIL);
    }

    @Test
    void a_repeated_report_records_one_bounce_and_an_agent_clears_it() {
        String id = ticketForEmmaCc(MONA_MAIL);
        String messageId = lastMessage(id).path("messageId").asText();
        desk.inbound(postfixBounce(messageId, MONA_MAIL, "failed"));
        desk.inbound(postfixBounce(messageId, MONA_MAIL, "FAILED"));
        assertThat(desk.history(id, "RECIPIENT_BOUNCED")).hasSize(1);

        String mona = desk.contacts(MONA_MAIL).get(0).path("id").asText();
        assertThat(desk.http().delete("/api/v1/contacts/" + mona + "/bounce", EMMA).status())
                .as("a contact may not clear it").isEqualTo(403);
        assertThat(desk.http().delete("/api/v1/contacts/" + mona + "/bounce", AGENT).status()).isEqualTo(204);
        assertThat(desk.http().delete("/api/v1/contacts/" + mona + "/bounce", AGENT).status())
                .as("nothing left to clear").isEqualTo(404);

        assertThat(suppressedReasons(id, MONA_MAIL)).isEmpty();
        desk.agentReply(id, "Mail works again.");
        assertThat(recipients(lastMessage(id))).contains(MONA_MAIL);
    }
}
