package dev.deskcc.dist.scenario;

import static dev.deskcc.dist.scenario.DeskApi.ADMIN;
import static dev.deskcc.dist.scenario.DeskApi.AGENT;
import static dev.deskcc.dist.scenario.DeskApi.EMMA;
import static dev.deskcc.dist.scenario.DeskApi.EMMA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.MONA;
import static dev.deskcc.dist.scenario.DeskApi.MONA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.VERA_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract §6 [cc], private CCs: no copy shows another CC, contacts see no other CC, replies still thread. */
class PrivateCcIT extends ScenarioTest {

    private static final String HR_DESK = "onboarding@acme.test";
    private static final List<String> CCS = List.of(MONA_MAIL, VERA_MAIL);

    private void enable(String visibility, boolean notifyWhenAdded) {
        desk.enable("hr", true, false);
        Answer answer = desk.putSettings("hr", Map.of("ccVisibility", visibility, "notifyWhenAdded", notifyWhenAdded),
                ADMIN);
        assertThat(answer.ok()).as("%s", answer).isTrue();
    }



    /** Every text part, and every header but the unsubscribe ones (whose mailto is the desk's). */
    private static String shown(MimeMessage m) throws Exception {
        StringBuilder out = new StringBuilder();
        for (String h : List.of("To", "Cc", "From", "Reply-To", "Subject")) {
            String[] values = m.getHeader(h);
            if (values != null) {
                out.append(String.join(" ", values)).append('\n');
            }
        }
        Object content = m.getContent();
        if (content instanceof Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart part = multi.getBodyPart(i);
                out.append(part.getContent()).append('\n');
            }
        } else {
            out.append(content);
        }
        return out.toString().toLowerCase();
    }

    /** Each recipient's copy of every message of the ticket shows no CC other than (for a CC) themselves. */
    private void noCopyShowsAnotherCc(String ticketId) throws Exception {
        List<JsonNode> messages = desk.outbox(ticketId);
        assertThat(messages).isNotEmpty();
        for (JsonNode message : messages) {
            for (String recipient : Views.recipients(message)) {
                MimeMessage copy = RawCopy.fetch(desk, message, recipient);
                String shown = shown(copy);
                for (String cc : CCS) {
                    if (!cc.equals(recipient)) {
                        assertThat(shown).as("%s's copy of %s #%s", recipient, message.path("event").asText(),
                                message.path("seq").asLong()).doesNotContain(cc);
                    }
                }
                if (CCS.contains(recipient)) {
                    assertThat(RawCopy.addresses(copy.getRecipients(RecipientType.TO))).containsExactly(recipient);
                    assertThat(copy.getRecipients(RecipientType.CC)).isNull();
                } else if (recipient.equals(EMMA_MAIL)) {
                    assertThat(copy.getRecipients(RecipientType.CC)).as("the requester's copy").isNull();
                }
            }
        }
    }

    @Test
    void no_recipients_copy_shows_another_cc_and_each_cc_is_addressed_alone() throws Exception {
        enable("PRIVATE", true);
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        assertThat(desk.patchCc(id, List.of(MONA_MAIL, VERA_MAIL), AGENT).status()).isEqualTo(200);
        desk.agentReply(id, "We started the check.");
        assertThat(desk.comment(id, Map.of("content", "A public note", "public", true), AGENT).status()).isEqualTo(201);
        assertThat(desk.reply(id, Map.of("content", "Only to Mona", "cc", List.of(MONA_MAIL)), AGENT).status())
                .isEqualTo(201);

        List<JsonNode> replies = Views.messagesOf(desk.outbox(id), "AGENT_REPLY");
        // the outbox still lists every actual recipient
        assertThat(Views.recipients(replies.get(0))).contains(EMMA_MAIL, MONA_MAIL, VERA_MAIL);
        assertThat(Views.notified(desk.outbox(id), "CC_ADDED")).containsExactly(VERA_MAIL);
        noCopyShowsAnotherCc(id);
    }

    @Test
    void a_reply_by_mail_to_a_ccs_private_copy_threads_into_the_ticket() throws Exception {
        enable("PRIVATE", false);
        String id = desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL).path("id").asText();
        desk.agentReply(id, "Please confirm.");
        JsonNode reply = Views.messagesOf(desk.outbox(id), "AGENT_REPLY").get(0);
        MimeMessage mona = RawCopy.fetch(desk, reply, MONA_MAIL);

        JsonNode taken = desk.deliver(Mail.from("Mona Manager <" + MONA_MAIL + ">").to(HR_DESK)
                .inReplyTo(mona.getMessageID()).subject("Re: " + mona.getSubject()).text("Confirmed.").bytes());

        assertThat(taken.path("ticketId").asText()).isEqualTo(id);
        assertThat(taken.path("created").asBoolean()).isFalse();
    }

    @Test
    void a_contacts_view_lists_no_cc_but_themselves_and_agents_see_all() {
        enable("PRIVATE", false);
        String id = desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL).path("id").asText();
        desk.agentReply(id, "Noted.");

        JsonNode asMona = desk.ticketAs(id, MONA).json();
        assertThat(Views.ccEmails(asMona)).containsExactly(MONA_MAIL);
        assertThat(threadAddresses(asMona)).doesNotContain(VERA_MAIL);
        JsonNode asEmma = desk.ticketAs(id, EMMA).json();
        assertThat(Views.ccEmails(asEmma)).isEmpty();
        assertThat(threadAddresses(asEmma)).doesNotContain(MONA_MAIL, VERA_MAIL);
        JsonNode listed = Views.row(desk.ticketsSeenBy(MONA), id).orElseThrow();
        assertThat(Views.ccEmails(listed)).containsExactly(MONA_MAIL);

        JsonNode asAgent = desk.ticket(id);
        assertThat(Views.ccEmails(asAgent)).containsExactly(MONA_MAIL, VERA_MAIL);
        assertThat(threadAddresses(asAgent)).contains(MONA_MAIL, VERA_MAIL);
    }

    @Test
    void a_merged_ticket_hides_its_sources_private_ccs_from_contacts() {
        enable("PRIVATE", false);
        String source = desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL).path("id").asText();
        desk.agentReply(source, "Noted.");
        String target = desk.ticketWithCc("hr").path("id").asText();

        Answer merged = desk.merge(target, List.of(source), target, false);

        assertThat(merged.status()).as("%s", merged).isEqualTo(200);
        assertThat(threadAddresses(desk.ticketAs(target, EMMA).json())).as("the requester's view of the merged thread")
                .doesNotContain(MONA_MAIL, VERA_MAIL);
        assertThat(threadAddresses(desk.ticket(target))).as("an agent's").contains(MONA_MAIL, VERA_MAIL);
    }

    @Test
    void visible_ccs_are_unchanged() throws Exception {
        enable("VISIBLE", false);
        String id = desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL).path("id").asText();
        desk.agentReply(id, "Noted.");
        JsonNode reply = Views.messagesOf(desk.outbox(id), "AGENT_REPLY").get(0);
        for (String recipient : List.of(EMMA_MAIL, MONA_MAIL, VERA_MAIL)) {
            MimeMessage copy = RawCopy.fetch(desk, reply, recipient);
            assertThat(RawCopy.addresses(copy.getRecipients(RecipientType.TO))).containsExactly(EMMA_MAIL);
            assertThat(RawCopy.addresses(copy.getRecipients(RecipientType.CC))).containsExactlyInAnyOrder(MONA_MAIL, VERA_MAIL);
        }
        assertThat(Views.ccEmails(desk.ticketAs(id, MONA).json())).containsExactly(MONA_MAIL, VERA_MAIL);
    }

    @Test
    void ccVisibility_takes_only_its_two_values() {
        desk.enable("hr");
        Answer answer = desk.putSettings("hr", Map.of("ccVisibility", "HIDDEN"), ADMIN);
        assertThat(answer.status()).as("%s", answer).isEqualTo(422);
        assertThat(desk.settings("hr").path("ccVisibility").asText()).isEqualTo("VISIBLE");
    }

    private static List<String> threadAddresses(JsonNode ticket) {
        List<String> out = new ArrayList<>();
        for (JsonNode entry : ticket.path("thread")) {
            entry.path("to").forEach(a -> out.add(a.asText().toLowerCase()));
            entry.path("cc").forEach(a -> out.add(a.asText().toLowerCase()));
        }
        return out;
    }
}
