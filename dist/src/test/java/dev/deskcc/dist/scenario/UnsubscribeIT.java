package dev.deskcc.dist.scenario;

import static dev.deskcc.dist.scenario.DeskApi.ADMIN;
import static dev.deskcc.dist.scenario.DeskApi.AGENT;
import static dev.deskcc.dist.scenario.DeskApi.EMMA;
import static dev.deskcc.dist.scenario.DeskApi.EMMA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.MONA;
import static dev.deskcc.dist.scenario.DeskApi.MONA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.OSCAR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract §6, the host's part: one-click unsubscribe links, their pages, mailto, the contact's switch. */
class UnsubscribeIT extends ScenarioTest {

    /** A ticket for Emma with Mona as CC; answers its id. */
    private String ticketForEmmaCcMona() {
        desk.enable("hr");
        return desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
    }

    private JsonNode firstMessage(String ticketId) {
        List<JsonNode> messages = desk.outbox(ticketId);
        assertThat(messages).as("outbox of %s", ticketId).isNotEmpty();
        return messages.get(0);
    }

    private static String link(JsonNode message, String address) {
        JsonNode url = message.path("unsubscribe").path(address);
        assertThat(url.isTextual()).as("unsubscribe link of %s in %s", address, message).isTrue();
        return url.asText();
    }

    /** The path of a link (the server's base URL is the test's own). */
    private static String path(String url) {
        return URI.create(url).getRawPath();
    }

    private Answer post(String url, String body, String type) {
        return desk.http().postRaw(path(url), body.getBytes(StandardCharsets.UTF_8), type, null);
    }



    private static List<String> recipients(JsonNode message) {
        List<String> out = new java.util.ArrayList<>();
        message.path("to").forEach(a -> out.add(a.asText().toLowerCase()));
        message.path("cc").forEach(a -> out.add(a.asText().toLowerCase()));
        return out;
    }

    @Test
    void every_contact_recipient_has_an_own_link_and_agents_none() {
        String id = ticketForEmmaCcMona();
        JsonNode created = firstMessage(id);
        assertThat(created.path("unsubscribe").size()).as("%s", created).isEqualTo(2);
        assertThat(link(created, EMMA_MAIL)).startsWith("http://127.0.0.1:").contains("/unsubscribe/")
                .isNotEqualTo(link(created, MONA_MAIL));
        assertThat(created.path("unsubscribe").has("bert@acme.test")).isFalse();
    }

    @Test
    void each_recipient_copy_carries_its_own_unsubscribe_headers_and_the_same_visible_headers() throws Exception {
        String id = ticketForEmmaCcMona();
        desk.agentReply(id, "We started the check.");
        JsonNode reply = desk.outbox(id).get(desk.outbox(id).size() - 1);
        MimeMessage emma = RawCopy.fetch(desk, reply, EMMA_MAIL);
        MimeMessage mona = RawCopy.fetch(desk, reply, MONA_MAIL);
        for (MimeMessage m : List.of(emma, mona)) {
            assertThat(RawCopy.addresses(m.getRecipients(RecipientType.TO))).containsExactly(EMMA_MAIL);
            assertThat(RawCopy.addresses(m.getRecipients(RecipientType.CC))).containsExactly(MONA_MAIL);
            assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
            assertThat(RawCopy.addresses(m.getReplyTo())).containsExactly("onboarding@acme.test");
            assertThat(RawCopy.addresses(m.getFrom())).as("a reply comes from the support address, never Bert's own")
                    .containsExactly("onboarding@acme.test");
            assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("Bert Agent via HR Onboarding");
            assertThat(m.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
            assertThat(m.getMessageID()).isEqualTo(reply.path("messageId").asText());
            assertThat(m.getHeader("In-Reply-To", null)).isEqualTo(reply.path("inReplyTo").asText());
            assertThat(m.getHeader("References", null)).contains(reply.path("inReplyTo").asText());
        }
        assertThat(emma.getHeader("List-Unsubscribe", null))
                .startsWith("<" + link(reply, EMMA_MAIL) + ">, <mailto:onboarding+unsubscribe-")
                .endsWith("@acme.test?subject=unsubscribe>");
        assertThat(mona.getHeader("List-Unsubscribe", null)).startsWith("<" + link(reply, MONA_MAIL) + ">");
        Answer stranger = desk.http().get("/sim/outbox/" + reply.path("seq").asLong() + "/raw?to=oscar@example.com", null);
        assertThat(stranger.status()).as("%s", stranger).isEqualTo(404);
        assertThat(desk.http().get("/sim/outbox/99999/raw?to=" + EMMA_MAIL, null).status()).isEqualTo(404);
    }

    @Test
    void a_get_or_head_of_the_link_shows_a_page_and_changes_nothing() throws Exception {
        String id = ticketForEmmaCcMona();
        String url = link(firstMessage(id), MONA_MAIL);
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("X-Robots-Tag")).contains("noindex");
        assertThat(page.body()).contains("<html lang=\"en\">", "<title>", "Stop emails about ticket #", MONA_MAIL,
                "<form method=\"post\">", "name=\"List-Unsubscribe\" value=\"One-Click\"", "<button type=\"submit\">")
                .doesNotContain("<script", "style=");
        assertThat(desk.http().head(path(url)).status()).isEqualTo(200);
        assertThat(desk.history(id, "RECIPIENT_MUTED")).isEmpty();
        desk.agentReply(id, "Still on it.");
        JsonNode last = desk.outbox(id).get(desk.outbox(id).size() - 1);
        assertThat(recipients(last)).contains(MONA_MAIL);
    }

    @Test
    void a_one_click_post_mutes_the_person_and_later_messages_leave_them_out_with_a_reason() {
        String id = ticketForEmmaCcMona();
        String url = link(firstMessage(id), MONA_MAIL);
        Answer done = post(url, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");
        assertThat(done.status()).as("%s", done).isEqualTo(200);
        assertThat(done.contentType()).startsWith("text/html");
        assertThat(done.raw()).contains("help center");
        List<JsonNode> muted = desk.history(id, "RECIPIENT_MUTED");
        assertThat(muted).hasSize(1);
        assertThat(muted.get(0).path("actor").path("type").asText()).isEqualTo("CONTACT");
        assertThat(muted.get(0).path("detail").path("email").asText()).isEqualTo(MONA_MAIL);
        assertThat(post(url, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded").status()).isEqualTo(200);
        assertThat(desk.history(id, "RECIPIENT_MUTED")).as("a repeat records nothing").hasSize(1);

        long before = desk.lastSeq();
        desk.agentReply(id, "Done soon.");
        List<JsonNode> after = desk.outbox(id, before);
        assertThat(after).isNotEmpty();
        after.forEach(m -> assertThat(recipients(m)).doesNotContain(MONA_MAIL).contains(EMMA_MAIL));
        assertThat(desk.history(id, "RECIPIENT_WITHHELD"))
                .anySatisfy(e -> {
                    assertThat(e.path("detail").path("email").asText()).isEqualTo(MONA_MAIL);
                    assertThat(e.path("detail").path("reason").asText()).isEqualTo("MUTED");
                });
    }

    @Test
    void an_empty_post_of_any_type_mutes_too() {
        String id = ticketForEmmaCcMona();
        String url = link(firstMessage(id), EMMA_MAIL);
        assertThat(post(url, "", "text/plain").status()).isEqualTo(200);
        assertThat(desk.history(id, "RECIPIENT_MUTED")).hasSize(1);
        Answer seen = desk.http().get("/api/v1/tickets/" + id + "/notifications", EMMA);
        assertThat(seen.json().path("muted").asBoolean()).as("%s", seen).isTrue();
    }

    @Test
    void a_forged_or_other_ticket_or_other_world_link_is_not_found_and_changes_nothing() {
        String id = ticketForEmmaCcMona();
        String mona = link(firstMessage(id), MONA_MAIL);
        String token = mona.substring(mona.lastIndexOf('/') + 1);
        String[] parts = token.split("\\.");
        String otherTicket = desk.ticketWithCc("hr").path("id").asText();
        String swapped = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(otherTicket.getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "." + parts[2];
        String flipped = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        for (String bad : List.of(swapped, flipped, "nonsense", parts[0] + "." + parts[1])) {
            Answer get = desk.http().get("/unsubscribe/" + bad, null);
            assertThat(get.status()).as("%s: %s", bad, get).isEqualTo(404);
            assertThat(get.code()).isEqualTo("NOT_FOUND");
            Answer post = desk.http().postRaw("/unsubscribe/" + bad, "List-Unsubscribe=One-Click".getBytes(
                    StandardCharsets.UTF_8), "application/x-www-form-urlencoded", null);
            assertThat(post.status()).as("%s: %s", bad, post).isEqualTo(404);
        }
        assertThat(desk.history(id, "RECIPIENT_MUTED")).isEmpty();
        assertThat(desk.history(otherTicket, "RECIPIENT_MUTED")).isEmpty();
        desk.reset();
        assertThat(desk.http().get(path(mona), null).status()).as("a link of an earlier world").isEqualTo(404);
    }

    @Test
    void mail_to_the_unsubscribe_mailto_mutes_and_a_bad_token_there_changes_nothing() throws Exception {
        String id = ticketForEmmaCcMona();
        JsonNode created = firstMessage(id);
        String header = RawCopy.fetch(desk, created, MONA_MAIL).getHeader("List-Unsubscribe", null);
        String mailto = header.substring(header.indexOf("<mailto:") + 8, header.indexOf("?subject="));
        Answer bad = desk.inbound(mail(MONA_MAIL, "onboarding+unsubscribe-x.y.z@acme.test", "<bad1@example.com>"));
        assertThat(bad.status()).as("%s", bad).isEqualTo(202);
        assertThat(bad.json().path("dropped").asText()).isEqualTo("UNSUBSCRIBE_REQUEST");
        assertThat(desk.history(id, "RECIPIENT_MUTED")).isEmpty();
        Answer good = desk.inbound(mail(MONA_MAIL, mailto, "<good1@example.com>"));
        assertThat(good.status()).as("%s", good).isEqualTo(202);
        assertThat(good.json().path("dropped").asText()).isEqualTo("UNSUBSCRIBE_REQUEST");
        assertThat(desk.history(id, "RECIPIENT_MUTED")).hasSize(1);
        assertThat(desk.ticket(id).path("thread").toString()).doesNotContain("please stop");
    }

    private static byte[] mail(String from, String to, String messageId) {
        return ("From: " + from + "\r\nTo: " + to + "\r\nSubject: [#101] anything\r\nMessage-ID: " + messageId
                + "\r\n\r\nplease stop\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_contact_switches_their_own_mail_and_agents_are_refused() {
        String id = ticketForEmmaCcMona();
        String path = "/api/v1/tickets/" + id + "/notifications";
        assertThat(desk.http().get(path, EMMA).json().path("muted").asBoolean()).isFalse();
        Answer on = desk.http().put(path, Map.of("muted", true), EMMA);
        assertThat(on.status()).as("%s", on).isEqualTo(200);
        assertThat(on.json().path("muted").asBoolean()).isTrue();
        assertThat(desk.http().put(path, Map.of("muted", true), EMMA).status()).isEqualTo(200);
        assertThat(desk.history(id, "RECIPIENT_MUTED")).as("no change, no event").hasSize(1);
        assertThat(desk.http().put(path, Map.of("muted", false), EMMA).json().path("muted").asBoolean()).isFalse();
        assertThat(desk.history(id, "RECIPIENT_UNMUTED")).hasSize(1);

        Answer agent = desk.http().put(path, Map.of("muted", false), AGENT);
        assertThat(agent.status()).as("%s", agent).isEqualTo(403);
        assertThat(agent.code()).isEqualTo("FORBIDDEN");
        assertThat(desk.http().get(path, ADMIN).status()).isEqualTo(403);
        assertThat(desk.http().get(path, OSCAR).status()).isEqualTo(404);
        for (String body : List.of("null", "{}", "{\"muted\": \"yes\"}", "{\"muted\": null}")) {
            Answer a = desk.http().putRaw(path, body, EMMA);
            assertThat(a.status()).as("%s: %s", body, a).isEqualTo(400);
        }
    }

    @Test
    void a_muted_requester_still_reads_and_rates_but_gets_no_rating_invitation() {
        String id = ticketForEmmaCcMona();
        assertThat(desk.http().put("/api/v1/tickets/" + id + "/notifications", Map.of("muted", true), EMMA).ok()).isTrue();
        long before = desk.lastSeq();
        assertThat(desk.close(id).ok()).isTrue();
        desk.outbox(id, before).forEach(m -> assertThat(recipients(m)).doesNotContain(EMMA_MAIL));
        assertThat(desk.ticketAs(id, EMMA).status()).isEqualTo(200);
        Answer rated = desk.rate(id, EMMA, "GOOD");
        assertThat(rated.status()).as("%s", rated).isEqualTo(201);
    }

    @Test
    void agents_see_who_is_suppressed_and_contacts_do_not() {
        String id = ticketForEmmaCcMona();
        post(link(firstMessage(id), MONA_MAIL), "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");
        JsonNode agentView = desk.ticket(id);
        assertThat(agentView.path("suppressed")).hasSize(1);
        assertThat(agentView.path("suppressed").get(0).path("email").asText()).isEqualTo(MONA_MAIL);
        assertThat(agentView.path("suppressed").get(0).path("reason").asText()).isEqualTo("MUTED");
        assertThat(agentView.path("suppressed").get(0).path("at").isTextual()).isTrue();
        assertThat(desk.ticketAs(id, MONA).json().has("suppressed")).isFalse();
        assertThat(desk.ticketAs(id, EMMA).json().has("suppressed")).isFalse();
    }
}
