package dev.deskcc.dist.scenario;

import static dev.deskcc.dist.scenario.DeskApi.ADMIN;
import static dev.deskcc.dist.scenario.DeskApi.AGENT;
import static dev.deskcc.dist.scenario.DeskApi.EMMA;
import static dev.deskcc.dist.scenario.DeskApi.EMMA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.MONA;
import static dev.deskcc.dist.scenario.DeskApi.MONA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.OSCAR_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.VERA_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract §5: every CC records its source, who added it and when, and keeps its place in the list. */
class CcProvenanceIT extends ScenarioTest {

    private static void assertProvenance(JsonNode ticket, String email, String source, String byType, String byId,
                                         Instant notBefore) {
        JsonNode cc = Views.ccEntry(ticket, email).orElseThrow(() -> new AssertionError(email + " not CC of " + ticket));
        assertThat(cc.path("source").asText()).as("source of %s", cc).isEqualTo(source);
        assertThat(cc.path("addedBy").path("type").asText()).as("addedBy of %s", cc).isEqualTo(byType);
        assertThat(cc.path("addedBy").path("id").asText()).as("addedBy of %s", cc).isEqualTo(byId);
        Instant at = Instant.parse(cc.path("addedAt").asText());
        assertThat(at).as("addedAt of %s", cc).isBetween(notBefore.minusSeconds(2), Instant.now().plusSeconds(2));
    }

    @Test
    void a_cc_added_on_create_is_from_the_agent() {
        desk.enable("hr");
        Instant start = Instant.now();
        JsonNode t = desk.ticketWithCc("hr", MONA_MAIL);
        assertProvenance(t, MONA_MAIL, "AGENT", "AGENT", desk.id("bert"), start);
        assertProvenance(desk.ticket(t.path("id").asText()), MONA_MAIL, "AGENT", "AGENT", desk.id("bert"), start);
    }

    @Test
    void a_cc_added_in_ticket_details_is_from_the_agent_and_the_others_keep_theirs() {
        desk.enable("hr");
        Instant start = Instant.now();
        JsonNode t = desk.ticketWithCc("hr", MONA_MAIL);
        String id = t.path("id").asText();
        String monaAt = Views.ccEntry(t, MONA_MAIL).orElseThrow().path("addedAt").asText();
        Answer answer = desk.http().patch("/api/v1/tickets/" + id, Map.of("fields", Map.of("cc", List.of(MONA_MAIL, VERA_MAIL))), ADMIN);
        assertThat(answer.ok()).as("%s", answer).isTrue();
        JsonNode after = desk.ticket(id);
        assertThat(Views.ccEmails(after)).containsExactly(MONA_MAIL, VERA_MAIL);
        assertProvenance(after, MONA_MAIL, "AGENT", "AGENT", desk.id("bert"), start);
        assertThat(Views.ccEntry(after, MONA_MAIL).orElseThrow().path("addedAt").asText()).isEqualTo(monaAt);
        assertProvenance(after, VERA_MAIL, "AGENT", "AGENT", desk.id("alice"), start);
    }

    @Test
    void a_cc_added_in_the_reply_editor_is_from_the_reply() {
        desk.enable("hr");
        Instant start = Instant.now();
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        assertThat(desk.reply(id, Map.of("content", "Looping in Vera", "cc", List.of(MONA_MAIL, VERA_MAIL)), AGENT).status()).isEqualTo(201);
        JsonNode after = desk.ticket(id);
        assertThat(Views.ccEmails(after)).containsExactly(MONA_MAIL, VERA_MAIL);
        assertProvenance(after, MONA_MAIL, "AGENT", "AGENT", desk.id("bert"), start);
        assertProvenance(after, VERA_MAIL, "REPLY", "AGENT", desk.id("bert"), start);
    }

    @Test
    void a_cc_added_through_the_help_center_names_the_contact() {
        desk.enable("hr", true, false);
        Instant start = Instant.now();
        Answer submitted = desk.submit(EMMA, "hr", List.of(MONA_MAIL));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
        String id = submitted.json().path("id").asText();
        assertProvenance(desk.ticket(id), MONA_MAIL, "HELP_CENTER", "CONTACT", desk.id("emma"), start);

        assertThat(desk.reply(id, Map.of("content", "Vera too", "cc", List.of(VERA_MAIL)), MONA).status()).isEqualTo(201);
        JsonNode after = desk.ticket(id);
        assertThat(Views.ccEmails(after)).containsExactly(MONA_MAIL, VERA_MAIL);
        assertProvenance(after, VERA_MAIL, "HELP_CENTER", "CONTACT", desk.id("mgr"), start);
    }

    @Test
    void a_cc_added_by_email_names_the_sender() {
        desk.enable("hr", false, true);
        Instant start = Instant.now();
        JsonNode taken = desk.deliver(Mail.from("Emma Hire <emma@example.com>").to("onboarding@acme.test")
                .cc(OSCAR_MAIL).subject("Start date").bytes());
        assertProvenance(desk.ticket(taken.path("ticketId").asText()), OSCAR_MAIL, "EMAIL", "CONTACT", desk.id("emma"), start);
    }

    @Test
    void the_list_keeps_the_order_in_which_ccs_were_added() {
        desk.enable("hr", true, true);
        String id = desk.ticketWithCc("hr", VERA_MAIL).path("id").asText();
        assertThat(desk.reply(id, Map.of("content", "a", "cc", List.of(OSCAR_MAIL)), AGENT).status()).isEqualTo(201);
        assertThat(desk.reply(id, Map.of("content", "b", "cc", List.of("ann@example.org")), EMMA).status()).isEqualTo(201);
        desk.deliver(Mail.from(EMMA_MAIL).to("onboarding@acme.test").cc(MONA_MAIL)
                .subject("Re: [#" + desk.ticket(id).path("number").asInt() + "] Background check").bytes());
        assertThat(Views.ccEmails(desk.ticket(id))).containsExactly(VERA_MAIL, OSCAR_MAIL, "ann@example.org", MONA_MAIL);
        JsonNode t = desk.ticket(id);
        List<Instant> times = Views.ccEmails(t).stream()
                .map(e -> Instant.parse(Views.ccEntry(t, e).orElseThrow().path("addedAt").asText())).toList();
        assertThat(times).isSorted();
        assertThat(Duration.between(times.get(0), times.get(3))).isLessThan(Duration.ofMinutes(1));
    }
}
