package dev.deskcc.dist.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The help desk as the scenario tests drive it: the contract's endpoints with the world's
 * tokens and ids, plus the few reads (outbox, history, contacts) that the rules are checked by.
 * One instance per test class; {@link #reset()} loads the standard world and remembers its ids.
 */
final class DeskApi {

    static final String PLUGIN = "secondary-contacts";
    static final String ADMIN = "tok-alice";
    static final String AGENT = "tok-bert";
    static final String EMMA = "tok-emma";
    static final String MONA = "tok-mona";
    static final String VERA = "tok-vera";
    static final String OSCAR = "tok-oscar";

    static final String EMMA_MAIL = "emma@example.com";
    static final String MONA_MAIL = "mona@example.com";
    static final String VERA_MAIL = "vera@verify-agency.test";
    static final String OSCAR_MAIL = "oscar@example.com";

    private final Http http;
    private final Map<String, String> ids = new HashMap<>();

    DeskApi(Http http) {
        this.http = http;
    }

    Http http() {
        return http;
    }

    // ------------------------------------------------------------------ world

    static String standardWorld(String edition) {
        try (InputStream in = DeskApi.class.getResourceAsStream("/scenario/world.json")) {
            ObjectNode world = (ObjectNode) Http.JSON.readTree(in);
            ((ObjectNode) world.path("org")).put("edition", edition);
            return Http.JSON.writeValueAsString(world);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void reset() {
        reset("PROFESSIONAL");
    }

    void reset(String edition) {
        Answer answer = http.postRaw("/sim/fixtures", standardWorld(edition).getBytes(StandardCharsets.UTF_8),
                "application/json", null);
        assertThat(answer.status()).as("fixture load: %s", answer).isEqualTo(200);
        ids.clear();
        answer.json().path("ids").properties().forEach(e -> ids.put(e.getKey(), e.getValue().asText()));
    }

    String id(String key) {
        String id = ids.get(key);
        assertThat(id).as("fixture ids carry %s: %s", key, ids).isNotNull();
        return id;
    }

    // ------------------------------------------------------------------ settings and layout

    String settingsPath(String dept) {
        return "/api/v1/departments/" + id(dept) + "/plugins/" + PLUGIN + "/settings";
    }

    JsonNode settings(String dept) {
        Answer answer = http.get(settingsPath(dept), AGENT);
        assertThat(answer.status()).as("settings read: %s", answer).isEqualTo(200);
        return answer.json();
    }

    Answer putSettings(String dept, Object body, String token) {
        return http.put(settingsPath(dept), body, token);
    }

    void enable(String dept) {
        enable(dept, false, false);
    }

    void enable(String dept, boolean endUsersCanAdd, boolean autoAddRecipients) {
        Answer answer = putSettings(dept, Map.of("enabled", true, "acknowledged", true,
                "endUsersCanAdd", endUsersCanAdd, "autoAddRecipients", autoAddRecipients), ADMIN);
        assertThat(answer.ok()).as("enable %s: %s", dept, answer).isTrue();
    }

    void blockDomains(String dept, String... domains) {
        Answer answer = putSettings(dept, Map.of("blockedDomains", List.of(domains)), ADMIN);
        assertThat(answer.ok()).as("blockedDomains: %s", answer).isTrue();
    }

    void disable(String dept) {
        Answer answer = putSettings(dept, Map.of("enabled", false), ADMIN);
        assertThat(answer.ok()).as("disable %s: %s", dept, answer).isTrue();
    }

    String layoutPath(String dept) {
        return "/api/v1/departments/" + id(dept) + "/layout";
    }

    JsonNode layout(String dept) {
        Answer answer = http.get(layoutPath(dept), ADMIN);
        assertThat(answer.status()).as("layout read: %s", answer).isEqualTo(200);
        return answer.json();
    }

    static List<String> fieldNames(JsonNode layout) {
        List<String> names = new ArrayList<>();
        layout.path("fields").forEach(f -> names.add(f.path("name").asText()));
        return names;
    }

    // ------------------------------------------------------------------ tickets

    static Map<String, Object> ticketBody(String deptId, String requester, List<?> cc) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("departmentId", deptId);
        body.put("subject", "Background check");
        body.put("description", "Please start the background check.");
        if (requester != null) {
            body.put("requester", Map.of("email", requester, "name", "Emma Hire"));
        }
        if (cc != null) {
            body.put("fields", Map.of("cc", cc));
        }
        return body;
    }

    /** An agent (Bert) creates a ticket for Emma; {@code cc} null leaves the field out. */
    Answer create(String dept, List<?> cc) {
        return http.post("/api/v1/tickets", ticketBody(id(dept), EMMA_MAIL, cc), AGENT);
    }

    /** As {@link #create} and insists on 201; answers the ticket. */
    JsonNode ticketWithCc(String dept, Object... cc) {
        Answer answer = create(dept, List.of(cc));
        assertThat(answer.status()).as("create: %s", answer).isEqualTo(201);
        return answer.json();
    }

    /** A contact submits a ticket through the help center. */
    Answer submit(String token, String dept, List<?> cc) {
        return http.post("/api/v1/tickets", ticketBody(id(dept), null, cc), token);
    }

    Answer ticketAs(String ticketId, String token) {
        return http.get("/api/v1/tickets/" + ticketId, token);
    }

    JsonNode ticket(String ticketId) {
        Answer answer = ticketAs(ticketId, AGENT);
        assertThat(answer.status()).as("ticket read: %s", answer).isEqualTo(200);
        return answer.json();
    }

    List<JsonNode> ticketsSeenBy(String token) {
        Answer answer = http.get("/api/v1/tickets", token);
        assertThat(answer.status()).as("ticket list: %s", answer).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        answer.json().path("tickets").forEach(out::add);
        return out;
    }

    Answer patchCc(String ticketId, List<?> cc, String token) {
        return http.patch("/api/v1/tickets/" + ticketId, Map.of("fields", Map.of("cc", cc)), token);
    }

    Answer close(String ticketId) {
        return http.patch("/api/v1/tickets/" + ticketId, Map.of("status", "CLOSED"), AGENT);
    }

    Answer reply(String ticketId, Map<String, ?> body, String token) {
        return http.post("/api/v1/tickets/" + ticketId + "/replies", body, token);
    }

    /** An agent reply with {@code to} and {@code cc} left out. */
    void agentReply(String ticketId, String content) {
        Answer answer = reply(ticketId, Map.of("content", content), AGENT);
        assertThat(answer.status()).as("agent reply: %s", answer).isEqualTo(201);
    }

    Answer comment(String ticketId, Map<String, ?> body, String token) {
        return http.post("/api/v1/tickets/" + ticketId + "/comments", body, token);
    }

    /** Posts a comment, insists it was taken, answers its thread entry id. */
    String commentId(String ticketId, Map<String, ?> body, String token) {
        Answer answer = comment(ticketId, body, token);
        assertThat(answer.ok()).as("comment: %s", answer).isTrue();
        if (answer.json().path("id").isTextual() && body.get("content").equals(answer.json().path("content").asText())) {
            return answer.json().path("id").asText();
        }
        List<JsonNode> thread = new ArrayList<>();
        ticket(ticketId).path("thread").forEach(thread::add);
        for (int i = thread.size() - 1; i >= 0; i--) {
            if ("COMMENT".equals(thread.get(i).path("kind").asText())
                    && body.get("content").equals(thread.get(i).path("content").asText())) {
                return thread.get(i).path("id").asText();
            }
        }
        throw new AssertionError("comment not found in thread of " + ticketId);
    }

    Answer editComment(String ticketId, String entryId, String content, String token) {
        return http.patch("/api/v1/tickets/" + ticketId + "/comments/" + entryId, Map.of("content", content), token);
    }

    Answer deleteComment(String ticketId, String entryId, String token) {
        return http.delete("/api/v1/tickets/" + ticketId + "/comments/" + entryId, token);
    }

    Answer merge(String targetId, List<String> sourceIds, String ccFrom, boolean dryRun) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceIds", sourceIds);
        if (ccFrom != null) {
            body.put("ccFrom", ccFrom);
        }
        return http.post("/api/v1/tickets/" + targetId + "/merge" + (dryRun ? "?dryRun=true" : ""), body, ADMIN);
    }

    Answer restrict(String ticketId, String email) {
        return http.post("/api/v1/tickets/" + ticketId + "/restrictions", Map.of("email", email), AGENT);
    }

    Answer liftRestriction(String ticketId, String contactId) {
        return http.delete("/api/v1/tickets/" + ticketId + "/restrictions/" + contactId, AGENT);
    }

    Answer rate(String ticketId, String token, String rating) {
        return http.post("/api/v1/tickets/" + ticketId + "/ratings", Map.of("rating", rating, "comment", "thanks"), token);
    }

    List<JsonNode> ratings(String ticketId) {
        Answer answer = http.get("/api/v1/tickets/" + ticketId + "/ratings", AGENT);
        assertThat(answer.status()).as("ratings: %s", answer).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        answer.json().path("ratings").forEach(out::add);
        return out;
    }

    // ------------------------------------------------------------------ reads the rules are checked by

    List<JsonNode> history(String ticketId, String type) {
        Answer answer = http.get("/api/v1/tickets/" + ticketId + "/history", AGENT);
        assertThat(answer.status()).as("history: %s", answer).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        answer.json().path("events").forEach(e -> {
            if (type.equals(e.path("type").asText())) {
                out.add(e);
            }
        });
        return out;
    }

    List<JsonNode> contacts(String email) {
        Answer answer = http.get("/api/v1/contacts?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8), AGENT);
        assertThat(answer.status()).as("contacts: %s", answer).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        answer.json().path("contacts").forEach(out::add);
        return out;
    }

    /** Highest outbox seq so far, 0 while the outbox is empty (seq starts at 1 after a reset). */
    long lastSeq() {
        Answer answer = http.get("/sim/outbox", null);
        assertThat(answer.status()).as("outbox: %s", answer).isEqualTo(200);
        long max = 0;
        for (JsonNode m : answer.json().path("messages")) {
            max = Math.max(max, m.path("seq").asLong());
        }
        return max;
    }

    /** The ticket's outbox messages after {@code afterSeq} (exclusive). */
    List<JsonNode> outbox(String ticketId, long afterSeq) {
        Answer answer = http.get("/sim/outbox?ticketId=" + URLEncoder.encode(ticketId, StandardCharsets.UTF_8)
                + "&afterSeq=" + afterSeq, null);
        assertThat(answer.status()).as("outbox: %s", answer).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode m : answer.json().path("messages")) {
            if (m.path("seq").asLong() > afterSeq && ticketId.equals(m.path("ticketId").asText())) {
                out.add(m);
            }
        }
        return out;
    }

    List<JsonNode> outbox(String ticketId) {
        return outbox(ticketId, 0);
    }

    Answer inbound(byte[] raw) {
        return http.postRaw("/api/v1/inbound/email", raw, "message/rfc822", ADMIN);
    }

    /** Delivers a mail and insists the desk took it into a ticket; answers the 202 body. */
    JsonNode deliver(byte[] raw) {
        Answer answer = inbound(raw);
        assertThat(answer.status()).as("inbound: %s", answer).isEqualTo(202);
        assertThat(answer.json().path("ticketId").isTextual()).as("inbound taken in: %s", answer).isTrue();
        return answer.json();
    }
}
