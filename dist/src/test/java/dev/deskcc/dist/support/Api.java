package dev.deskcc.dist.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A small JSON client of a running simulator's HTTP API. */
public final class Api {

  private static final MediaType JSON = MediaType.get("application/json");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String baseUrl;
  private final OkHttpClient client =
      new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).addInterceptor(OpenApiConformance.INSTANCE).build();

  public Api(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public Reply get(String path, String token) {
    return call("GET", path, token, null);
  }

  public Reply post(String path, String token, Object body) {
    return call("POST", path, token, body);
  }

  public Reply put(String path, String token, Object body) {
    return call("PUT", path, token, body);
  }

  /**
   * @param body a JSON text, or any value Jackson writes as JSON; {@code null} for none
   * @param token a bearer token; {@code null} for none
   */
  public Reply call(String method, String path, String token, Object body) {
    Request.Builder request = new Request.Builder().url(baseUrl + path);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    RequestBody requestBody = body == null ? null : RequestBody.create(json(body), JSON);
    request.method(method, requestBody);
    try (Response response = client.newCall(request.build()).execute()) {
      String text = response.body().string();
      return new Reply(response.code(), text, parse(text));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    }
  }

  public static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  private static String json(Object body) {
    if (body instanceof String text) {
      return text;
    }
    try {
      return MAPPER.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An answer: the status, the body as text, and the body as JSON (missing when not JSON). */
  public record Reply(int status, String body, JsonNode json) {
    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
