package dev.deskcc.sim.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A tiny real-HTTP client for tests: JSON in, status + JSON out. */
public final class HttpClient {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String base;
  private final OkHttpClient client = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();

  public HttpClient(String base) {
    this.base = base;
  }

  /** One answer. */
  public record Answer(int status, String contentType, JsonNode json, String raw, String etag) {
    public String code() {
      return json == null ? null : json.path("code").asText(null);
    }

    @Override
    public String toString() {
      return status + " " + raw;
    }
  }

  public Answer get(String path, String token) {
    return send("GET", path, null, null, token, null);
  }

  public Answer json(String method, String path, Object body, String token) {
    return json(method, path, body, token, null);
  }

  public Answer json(String method, String path, Object body, String token, String ifMatch) {
    byte[] bytes;
    try {
      bytes = body == null ? null : body instanceof String s ? s.getBytes() : MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return send(method, path, bytes, JSON, token, ifMatch);
  }

  public Answer raw(String method, String path, byte[] body, String contentType, String token) {
    return send(method, path, body, MediaType.get(contentType), token, null);
  }

  private Answer send(String method, String path, byte[] body, MediaType type, String token, String ifMatch) {
    RequestBody rb = body == null
        ? (method.equals("GET") || method.equals("DELETE") ? null : RequestBody.create(new byte[0], type))
        : RequestBody.create(body, type);
    Request.Builder b = new Request.Builder().url(base + path).method(method, rb);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    try (Response r = client.newCall(b.build()).execute()) {
      String raw = r.body().string();
      JsonNode json = raw.isEmpty() ? null : tryParse(raw);
      return new Answer(r.code(), r.header("Content-Type"), json, raw, r.header("ETag"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode tryParse(String raw) {
    try {
      return MAPPER.readTree(raw);
    } catch (IOException e) {
      return null;
    }
  }
}
