package dev.deskcc.dist.mail;

import dev.deskcc.dist.support.OpenApiConformance;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A running simulator seen over HTTP by the mail tests: fixture reset, settings, raw inbound mail,
 * tickets, history and the outbox (views and raw MIME).
 */
final class MailDesk {

    static final String ADMIN = "tok-alice";
    static final String AGENT = "tok-bert";
    static final String SUPPORT = "onboarding@acme.test";
    static final String PLUGIN = "secondary-contacts";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, body text and the body as JSON (missing when not JSON). */
    record Answer(int status, String contentType, String text, JsonNode json) {
        String code() {
            return json.path("code").asText();
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    private final String baseUrl;
    private final OkHttpClient client = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30))
            .addInterceptor(OpenApiConformance.INSTANCE).build();
    private final Map<String, String> ids = new HashMap<>();

    MailDesk(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The scenario world (departments hr/it/legal, agents alice/bert, contacts emma, mona, vera, oscar …). */
    static String world() {
        try (InputStream in = MailDesk.class.getResourceAsStream("/scenario/world.json")) {
            return JSON.writeValueAsString((ObjectNode) JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void reset() {
        Answer answer = send("POST", "/sim/fixtures", world().getBytes(StandardCharsets.UTF_8), "application/json", null);
        assertThat(answer.status()).as("fixture: %s", answer).isEqualTo(200);
        ids.clear();
        answer.json().path("ids").properties().forEach(e -> ids.put(e.getKey(), e.getValue().asText()));
    }

    String id(String key) {
        return ids.get(key);
    }

    Answer get(String path, String token) {
        return send("GET", path, null, null, token);
    }

    Answer json(String method, String path, Object body, String token) {
        try {
            return send(method, path, JSON.writeValueAsBytes(body), "application/json", token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer send(String method, String path, byte[] body, String contentType, String token) {
        Request.Builder request = new Request.Builder().url(baseUrl + path)
                .method(method, body == null ? null : RequestBody.create(body, MediaType.get(contentType)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (Response response = client.newCall(request.build()).execute()) {
            String text = response.body().string();
            return new Answer(response.code(), response.header("Content-Type", ""), text, parse(text));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    // ------------------------------------------------------------------ settings

    Answer putSettings(String dept, Map<String, ?> body) {
        return json("PUT", "/api/v1/departments/" + id(dept) + "/plugins/" + PLUGIN + "/settings", body, ADMIN);
    }

    JsonNode settings(String dept) {
        return get("/api/v1/departments/" + id(dept) + "/plugins/" + PLUGIN + "/settings", AGENT).json();
    }

    /** CC on for {@code hr} with auto-add of mail recipients (and the default relay protection). */
    void enableAutoAdd() {
        Answer answer = putSettings("hr", Map.of("enabled", true, "acknowledged", true, "autoAddRecipients", true));
        assertThat(answer.status()).as("enable: %s", answer).isEqualTo(200);
    }

    // ------------------------------------------------------------------ mail and tickets

    Answer inbound(String raw) {
        return inbound(raw.getBytes(StandardCharsets.UTF_8));
    }

    Answer inbound(byte[] raw) {
        return send("POST", "/api/v1/inbound/email", raw, "message/rfc822", ADMIN);
    }

    /** Delivers a message and insists it was taken into a ticket: the 202 body. */
    JsonNode deliver(String raw) {
        Answer answer = inbound(raw);
        assertThat(answer.status()).as("inbound: %s", answer).isEqualTo(202);
        assertThat(answer.json().path("ticketId").isTextual()).as("taken in: %s", answer).isTrue();
        return answer.json();
    }

    JsonNode ticket(String ticketId) {
        Answer answer = get("/api/v1/tickets/" + ticketId, AGENT);
        assertThat(answer.status()).as("ticket: %s", answer).isEqualTo(200);
        return answer.json();
    }

    List<String> ccEmails(String ticketId) {
        List<String> out = new ArrayList<>();
        ticket(ticketId).path("fields").path("cc").forEach(c -> out.add(c.path("email").asText()));
        return out;
    }

    Answer agentReply(String ticketId, String content) {
        Answer answer = json("POST", "/api/v1/tickets/" + ticketId + "/replies", Map.of("content", content), AGENT);
        assertThat(answer.status()).as("reply: %s", answer).isEqualTo(201);
        return answer;
    }

    Answer publicComment(String ticketId, String content) {
        Answer answer = json("POST", "/api/v1/tickets/" + ticketId + "/comments",
                Map.of("content", content, "public", true), AGENT);
        assertThat(answer.status()).as("comment: %s", answer).isEqualTo(201);
        return answer;
    }

    /** History events of a type, oldest first. */
    List<JsonNode> history(String ticketId, String type) {
        Answer answer = get("/api/v1/tickets/" + ticketId + "/history", AGENT);
        assertThat(answer.status()).as("history: %s", answer).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        answer.json().path("events").forEach(e -> {
            if (e.path("type").asText().equals(type)) {
                out.add(e);
            }
        });
        return out;
    }

    List<JsonNode> contacts(String email) {
        List<JsonNode> out = new ArrayList<>();
        get("/api/v1/contacts?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8), AGENT).json()
                .path("contacts").forEach(out::add);
        return out;
    }

    // ------------------------------------------------------------------ outbox

    /** Every outbox message, in seq order. */
    List<JsonNode> outbox() {
        List<JsonNode> out = new ArrayList<>();
        get("/sim/outbox", null).json().path("messages").forEach(out::add);
        return out;
    }

    List<JsonNode> outbox(String ticketId) {
        return outbox().stream().filter(m -> m.path("ticketId").asText().equals(ticketId)).toList();
    }

    /** The message as delivery renders it (RFC 5322 text). */
    String raw(JsonNode message) {
        Answer answer = get("/sim/outbox/" + message.path("seq").asLong() + "/raw", null);
        assertThat(answer.status()).as("raw: %s", answer).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("message/rfc822");
        return answer.text();
    }

    /** Whether the message goes to this address (in To or Cc; case ignored). */
    static boolean addressedTo(JsonNode message, String address) {
        for (String line : List.of("to", "cc")) {
            for (JsonNode a : message.path(line)) {
                if (a.asText().equalsIgnoreCase(address)) {
                    return true;
                }
            }
        }
        return false;
    }
}
