package dev.deskcc.dist.scenario;

import dev.deskcc.dist.support.OpenApiConformance;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The raw HTTP side of the scenario tests: one OkHttp client against one simulator, JSON in and
 * out, bearer tokens. Safe to use from many threads at once (OkHttp clients are).
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final String baseUrl;
    private final OkHttpClient client;

    Http(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = new OkHttpClient.Builder()
                .addInterceptor(OpenApiConformance.INSTANCE)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .build();
    }

    Answer get(String path, String token) {
        return send("GET", path, null, token, Map.of());
    }

    Answer head(String path) {
        return send("HEAD", path, null, null, Map.of());
    }

    Answer delete(String path, String token) {
        return send("DELETE", path, null, token, Map.of());
    }

    Answer post(String path, Object body, String token) {
        return send("POST", path, json(body), token, Map.of());
    }

    Answer put(String path, Object body, String token) {
        return send("PUT", path, json(body), token, Map.of());
    }

    Answer patch(String path, Object body, String token) {
        return send("PATCH", path, json(body), token, Map.of());
    }

    Answer patch(String path, Object body, String token, Map<String, String> headers) {
        return send("PATCH", path, json(body), token, headers);
    }

    /** A body of any type, sent as given (a raw mail, or JSON text that is deliberately broken). */
    Answer postRaw(String path, byte[] body, String contentType, String token) {
        return send("POST", path, RequestBody.create(body, MediaType.get(contentType)), token, Map.of());
    }

    Answer putRaw(String path, String jsonText, String token) {
        return send("PUT", path, RequestBody.create(jsonText, JSON_TYPE), token, Map.of());
    }

    private static RequestBody json(Object body) {
        try {
            return RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable: " + body, e);
        }
    }

    private Answer send(String method, String path, RequestBody body, String token, Map<String, String> headers) {
        Request.Builder request = new Request.Builder().url(baseUrl + path).method(method, body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try (Response response = client.newCall(request.build()).execute()) {
            String raw = response.body().string();
            return new Answer(response.code(), parse(raw), response.header("Content-Type", ""), raw);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }

    private static JsonNode parse(String raw) {
        if (raw.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
