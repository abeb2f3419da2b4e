package dev.deskcc.dist.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.dist.support.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Set-up and checks over the public API, for what a test does not drive through the console: the
 * mail gateway's inbound delivery, and state a screen's story starts from.
 */
final class World {
    private final Api api;
    private final JsonNode ids;

    World(Api api, JsonNode ids) {
        this.api = api;
        this.ids = ids;
    }

    String id(String key) {
        String id = ids.path(key).asText(null);
        assertThat(id).as("fixture key %s", key).isNotNull();
        return id;
    }

    /** An admin turns the plugin on for a department (with the acknowledgement) plus options. */
    void enable(String dept, Map<String, Object> options) {
        Map<String, Object> body = new java.util.HashMap<>(options);
        body.put("enabled", true);
        body.put("acknowledged", true);
        Api.Reply r = api.put("/api/v1/departments/" + id(dept) + "/plugins/" + ConsoleTest.PLUGIN + "/settings",
                ConsoleTest.ALICE, body);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
    }

    JsonNode createTicket(String dept, String subject, List<String> copies) {
        Api.Reply r = api.post("/api/v1/tickets", ConsoleTest.HANA, Map.of("departmentId", id(dept), "subject", subject,
                "description", subject, "requester", Map.of("email", "emma@example.com", "name", "Emma Newhire"),
                "fields", Map.of("cc", copies)));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json();
    }

    JsonNode ticket(String id, String token) {
        return api.get("/api/v1/tickets/" + id, token).json();
    }

    JsonNode outbox(String ticketId) {
        return api.get("/sim/outbox?ticketId=" + ticketId, null).json().path("messages");
    }

    /** What the mail gateway does with a message it received: post it raw. */
    JsonNode deliverInbound(String rawMessage, String baseUrl) {
        Request request = new Request.Builder().url(baseUrl + "/api/v1/inbound/email")
                .header("Authorization", "Bearer " + ConsoleTest.ALICE)
                .post(RequestBody.create(rawMessage.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        MediaType.get("message/rfc822")))
                .build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            String body = response.body().string();
            assertThat(response.code()).as(body).isEqualTo(202);
            return Api.parse(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
