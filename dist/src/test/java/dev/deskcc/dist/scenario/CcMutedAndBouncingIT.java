package dev.deskcc.dist.scenario;

import static dev.deskcc.dist.scenario.DeskApi.AGENT;
import static dev.deskcc.dist.scenario.DeskApi.MONA;
import static dev.deskcc.dist.scenario.DeskApi.MONA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.VERA;
import static dev.deskcc.dist.scenario.DeskApi.VERA_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.dist.support.Build;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract §6, [cc]: every CC entry says {@code "muted"} (on this ticket) and {@code "bouncing"}
 * (anywhere), over real HTTP with the real plugin jar: muted by the person's link and in the help
 * center, bouncing after a real-world delivery report, and no longer once an agent clears it.
 */
class CcMutedAndBouncingIT extends ScenarioTest {

    /** The Postfix report kept with the host's tests; its failed recipient and message are replaced. */
    private static final String SAMPLE = "host-simulator/src/test/resources/mail/dsn/postfix-user-unknown.eml";

    private String ticketWithMonaAndVera() {
        desk.enable("hr");
        return desk.ticketWithCc("hr", MONA_MAIL, VERA_MAIL).path("id").asText();
    }

    /** [muted, bouncing] of a CC entry as the agent sees it. */
    private List<Boolean> flags(String ticketId, String email) {
        JsonNode entry = Views.ccEntry(desk.ticket(ticketId), email).orElseThrow();
        assertThat(entry.path("muted").isBoolean() && entry.path("bouncing").isBoolean()).as("%s", entry).isTrue();
        return List.of(entry.path("muted").booleanValue(), entry.path("bouncing").booleanValue());
    }

    private static final List<Boolean> NEITHER = List.of(false, false);
    private static final List<Boolean> MUTED = List.of(true, false);
    private static final List<Boolean> BOUNCING = List.of(false, true);

    @Test
    void every_cc_entry_carries_both_flags_false_while_mail_reaches_everyone() {
        String id = ticketWithMonaAndVera();
        assertThat(flags(id, MONA_MAIL)).isEqualTo(NEITHER);
        assertThat(flags(id, VERA_MAIL)).isEqualTo(NEITHER);
        JsonNode asMona = desk.ticketAs(id, MONA).json();
        assertThat(Views.ccEntry(asMona, MONA_MAIL).orElseThrow().path("muted").isBoolean()).as("%s", asMona).isTrue();
    }

    @Test
    void a_cc_who_presses_the_button_of_their_link_is_muted_on_that_ticket_only() {
        String id = ticketWithMonaAndVera();
        String other = desk.ticketWithCc("hr", VERA_MAIL).path("id").asText();
        String link = desk.outbox(id).get(0).path("unsubscribe").path(VERA_MAIL).asText();
        assertThat(desk.http().get(URI.create(link).getRawPath(), null).status()).isEqualTo(200);
        assertThat(flags(id, VERA_MAIL)).as("opening the link changes nothing").isEqualTo(NEITHER);

        Answer pressed = desk.http().postRaw(URI.create(link).getRawPath(),
                "List-Unsubscribe=One-Click".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded", null);
        assertThat(pressed.status()).as("%s", pressed).isEqualTo(200);

        assertThat(flags(id, VERA_MAIL)).isEqualTo(MUTED);
        assertThat(flags(id, MONA_MAIL)).isEqualTo(NEITHER);
        assertThat(flags(other, VERA_MAIL)).as("another ticket").isEqualTo(NEITHER);
    }

    @Test
    void a_cc_who_switches_mail_off_in_the_help_center_is_muted_until_they_switch_it_on() {
        String id = ticketWithMonaAndVera();
        String path = "/api/v1/tickets/" + id + "/notifications";
        assertThat(desk.http().put(path, Map.of("muted", true), MONA).status()).isEqualTo(200);
        assertThat(flags(id, MONA_MAIL)).isEqualTo(MUTED);
        assertThat(Views.ccEntry(desk.ticketAs(id, MONA).json(), MONA_MAIL).orElseThrow().path("muted").asBoolean())
                .as("Mona sees it too").isTrue();
        assertThat(Views.ccEntry(desk.ticketAs(id, VERA).json(), MONA_MAIL).orElseThrow().path("muted").asBoolean())
                .as("another CC learns nothing of Mona's mail").isFalse();
        assertThat(desk.http().put(path, Map.of("muted", false), MONA).status()).isEqualTo(200);
        assertThat(flags(id, MONA_MAIL)).isEqualTo(NEITHER);
    }

    @Test
    void a_failed_delivery_makes_the_cc_bouncing_on_every_ticket_until_an_agent_clears_it() throws IOException {
        String id = ticketWithMonaAndVera();
        String other = desk.ticketWithCc("hr", VERA_MAIL).path("id").asText();
        String messageId = desk.outbox(id).get(0).path("messageId").asText();

        Answer report = desk.inbound(bounce(messageId, VERA_MAIL));
        assertThat(report.status()).as("%s", report).isEqualTo(202);
        assertThat(report.json().path("dropped").asText()).isEqualTo("DELIVERY_REPORT");

        assertThat(flags(id, VERA_MAIL)).isEqualTo(BOUNCING);
        assertThat(flags(other, VERA_MAIL)).as("bouncing anywhere").isEqualTo(BOUNCING);
        assertThat(flags(id, MONA_MAIL)).isEqualTo(NEITHER);
        assertThat(desk.history(id, "RECIPIENT_BOUNCED")).hasSize(1);

        String vera = desk.contacts(VERA_MAIL).get(0).path("id").asText();
        Answer cleared = desk.http().delete("/api/v1/contacts/" + vera + "/bounce", AGENT);
        assertThat(cleared.status()).as("%s", cleared).isEqualTo(204);
        assertThat(flags(id, VERA_MAIL)).isEqualTo(NEITHER);
        assertThat(flags(other, VERA_MAIL)).isEqualTo(NEITHER);
    }

    /** The sample report, now about {@code failed} and the desk's message {@code messageId}. */
    private static byte[] bounce(String messageId, String failed) throws IOException {
        String sample = Files.readString(Build.repoRoot().resolve(SAMPLE), StandardCharsets.UTF_8);
        assertThat(sample).contains("gone@example.org", "<7d1c9e0a-6b2f-4f7e-9c1d-2a9f3e4b5c6d@desk.acme.test>");
        return sample.replace("<7d1c9e0a-6b2f-4f7e-9c1d-2a9f3e4b5c6d@desk.acme.test>", messageId)
                .replace("gone@example.org", failed)
                .replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
