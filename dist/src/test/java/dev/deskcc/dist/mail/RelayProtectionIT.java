package dev.deskcc.dist.mail;

import static dev.deskcc.dist.mail.MailDesk.addressedTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The desk is no spam relay: a stranger who writes to the support address with twenty people in
 * Cc cannot make the desk send those people the stranger's text. The CCs are recorded; they hear
 * from the desk once an agent has replied, and then in the agent's words.
 */
class RelayProtectionIT extends MailSimulatorTest {

    private static final String ATTACKER_SUBJECT = "Cheap watches ZQX-4417";
    private static final String ATTACKER_TEXT = "Click http://spam.example/zqx-4417 now";
    private static final List<String> VICTIMS =
            IntStream.rangeClosed(1, 20).mapToObj(i -> "victim" + i + "@victims.example").toList();

    private static String strangerMail(String subject, List<String> cc) {
        return "From: Mallory <mallory@attacker.example>\r\n"
                + "To: " + MailDesk.SUPPORT + "\r\n"
                + "Cc: " + String.join(",\r\n ", cc) + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + subject.hashCode() + ".spam@attacker.example>\r\n"
                + "\r\n" + ATTACKER_TEXT + "\r\n";
    }

    /** No message to any victim carries the attacker's words, in the outbox view or the MIME itself. */
    private void noVictimHasTheAttackersText() {
        for (JsonNode m : desk.outbox()) {
            for (String victim : VICTIMS) {
                if (addressedTo(m, victim)) {
                    String raw = desk.raw(m);
                    assertThat(m.path("subject").asText() + "\n" + m.path("body").asText() + "\n" + raw)
                            .as("message %s to %s", m.path("seq"), victim)
                            .doesNotContain("ZQX-4417").doesNotContain("zqx-4417");
                }
            }
        }
    }

    private long messagesTo(String address) {
        return desk.outbox().stream().filter(m -> addressedTo(m, address)).count();
    }

    @Test
    void a_strangers_mail_cannot_push_their_text_to_twenty_copied_addresses() {
        desk.enableAutoAdd();
        String ticketId = desk.deliver(strangerMail(ATTACKER_SUBJECT, VICTIMS)).path("ticketId").asText();

        // recorded: the twenty are on the ticket, the hold is in the history
        assertThat(desk.ccEmails(ticketId)).containsExactlyElementsOf(VICTIMS);
        assertThat(desk.history(ticketId, "CC_HELD")).extracting(e -> e.path("detail").path("email").asText())
                .containsExactlyElementsOf(VICTIMS);
        assertThat(desk.history(ticketId, "RECIPIENT_WITHHELD"))
                .extracting(e -> e.path("detail").path("reason").asText()).contains("HELD_UNTIL_AGENT_REPLY");

        // nothing reaches them: not the creation notice, not an agent's public comment
        desk.publicComment(ticketId, "Looking into it.");
        VICTIMS.forEach(v -> assertThat(messagesTo(v)).as(v).isZero());
        noVictimHasTheAttackersText();

        // an agent replies: each of them gets that reply, once, in the agent's words
        desk.agentReply(ticketId, "Hello everyone, this request is closed as spam.");
        for (String victim : VICTIMS) {
            List<JsonNode> got = desk.outbox(ticketId).stream().filter(m -> addressedTo(m, victim)).toList();
            assertThat(got).as(victim).hasSize(1);
            assertThat(got.get(0).path("event").asText()).isEqualTo("AGENT_REPLY");
            assertThat(got.get(0).path("body").asText()).contains("this request is closed as spam");
            assertThat(desk.raw(got.get(0))).contains("this request is closed as spam");
        }
        assertThat(desk.history(ticketId, "CC_RELEASED")).hasSize(1);
    }

    @Test
    void a_stranger_writing_into_an_answered_ticket_cannot_relay_either() {
        desk.enableAutoAdd();
        JsonNode created = desk.json("POST", "/api/v1/tickets", Map.of("departmentId", desk.id("hr"),
                "subject", "Start date", "description", "When?", "requester", Map.of("email", "emma@example.com")),
                MailDesk.AGENT).json();
        String ticketId = created.path("id").asText();
        desk.agentReply(ticketId, "Monday.");

        // the number alone does not thread a stranger's mail (contract v1.1): it opens a ticket of
        // its own, where the twenty are held as on any stranger's new ticket
        JsonNode taken = desk.deliver(strangerMail("Re: [#" + created.path("number").asLong() + "] " + ATTACKER_SUBJECT,
                VICTIMS));
        assertThat(taken.path("ticketId").asText()).isNotEqualTo(ticketId);
        desk.publicComment(ticketId, "Note for everyone.");
        desk.publicComment(taken.path("ticketId").asText(), "Note for everyone.");

        assertThat(desk.ccEmails(ticketId)).isEmpty();
        VICTIMS.forEach(v -> assertThat(messagesTo(v)).as(v).isZero());
        noVictimHasTheAttackersText();
    }

    @Test
    void the_requester_of_an_answered_ticket_brings_their_manager_in_at_once() {
        desk.enableAutoAdd();
        JsonNode created = desk.json("POST", "/api/v1/tickets", Map.of("departmentId", desk.id("hr"),
                "subject", "Laptop", "description", "Which one?", "requester", Map.of("email", "emma@example.com")),
                MailDesk.AGENT).json();
        String ticketId = created.path("id").asText();
        desk.agentReply(ticketId, "Pick one.");
        desk.deliver("From: Emma Hire <emma@example.com>\r\nTo: " + MailDesk.SUPPORT + "\r\nCc: mona@example.com\r\n"
                + "Subject: Re: [#" + created.path("number").asLong() + "] Laptop\r\n\r\nMy manager decides.\r\n");

        desk.publicComment(ticketId, "Waiting for Mona.");
        assertThat(desk.history(ticketId, "CC_HELD")).isEmpty();
        assertThat(desk.outbox(ticketId).stream().filter(m -> m.path("event").asText().equals("PUBLIC_COMMENT")))
                .anySatisfy(m -> assertThat(addressedTo(m, "mona@example.com")).isTrue());
    }

    @Test
    void notify_ccs_is_an_admins_explicit_choice_and_other_values_are_refused() {
        desk.enableAutoAdd();
        assertThat(desk.settings("hr").path("mailFromUnknownSenders").asText()).isEqualTo("HOLD_CCS");
        MailDesk.Answer bad = desk.putSettings("hr", Map.of("mailFromUnknownSenders", "SOMETIMES"));
        assertThat(bad.status()).as("%s", bad).isEqualTo(422);
        assertThat(bad.code()).isEqualTo("INVALID_CHOICE");
        assertThat(desk.settings("hr").path("mailFromUnknownSenders").asText()).isEqualTo("HOLD_CCS");

        assertThat(desk.putSettings("hr", Map.of("mailFromUnknownSenders", "NOTIFY_CCS")).status()).isEqualTo(200);
        String ticketId = desk.deliver(strangerMail(ATTACKER_SUBJECT, VICTIMS.subList(0, 2))).path("ticketId").asText();
        assertThat(desk.outbox(ticketId)).anySatisfy(m -> {
            assertThat(m.path("event").asText()).isEqualTo("TICKET_CREATED");
            assertThat(addressedTo(m, VICTIMS.get(0))).isTrue();
        });
    }
}
