package dev.deskcc.dist.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * An OkHttp interceptor that holds every answer the tests receive to the published {@code
 * docs/openapi.json}: the status must be one the operation documents, and a JSON body must match
 * that answer's schema (JSON Schema 2020-12, OpenAPI 3.1's dialect). A drift between the server
 * and its document fails the test that saw it, whatever the test asserts itself.
 *
 * <p>Answers to paths the document does not describe (a test probing an unknown route, say) are
 * not checked: there is nothing to hold them to.
 */
public final class OpenApiConformance implements Interceptor {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  /** The one instance: the document is read and its schemas compiled once per test JVM. */
  public static final OpenApiConformance INSTANCE = new OpenApiConformance(Path.of("..", "docs", "openapi.json"));

  private final JsonNode document;
  private final List<Operation> operations = new ArrayList<>();
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

  private record Operation(String method, Pattern path, String template, JsonNode node) {}

  OpenApiConformance(Path documentPath) {
    try {
      document = MAPPER.readTree(documentPath.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + documentPath.toAbsolutePath(), e);
    }
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      // {name} is one segment; a {path} parameter (Javalin's <path>) may hold slashes
      String regex = Pattern.quote(path.getKey()).replaceAll("\\{path}", "\\\\E.+\\\\Q")
          .replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), Pattern.compile(regex), path.getKey(), op.getValue()));
      }
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String method = chain.request().method();
    String path = chain.request().url().encodedPath();
    Operation op = find(method, path);
    if (op == null) {
      return response;
    }
    String status = String.valueOf(response.code());
    JsonNode answer = op.node().path("responses").path(status);
    String key = status;
    if (answer.isMissingNode()) {
      key = status.charAt(0) + "XX";
      answer = op.node().path("responses").path(key);
    }
    if (answer.isMissingNode()) {
      answer = op.node().path("responses").path("default");
      key = "default";
    }
    String where = method + " " + op.template() + " (" + path + ") answered " + status;
    if (answer.isMissingNode()) {
      throw new AssertionError(where + ", a status docs/openapi.json does not list for it: "
          + response.peekBody(2000).string());
    }
    String type = response.header("Content-Type", "");
    String media = type.contains(";") ? type.substring(0, type.indexOf(';')).strip() : type.strip();
    JsonNode schemaNode = answer.path("content").path(media).path("schema");
    if (media.endsWith("json") && !schemaNode.isMissingNode()) {
      String body = response.peekBody(Long.MAX_VALUE).string();
      Schema schema = compiled.computeIfAbsent(method + " " + op.template() + " " + key + " " + media,
          k -> compile(schemaNode));
      List<Error> errors = schema.validate(body, InputFormat.JSON);
      if (!errors.isEmpty()) {
        throw new AssertionError(where + ", which does not match docs/openapi.json: " + errors + "\n  body: "
            + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body));
      }
      if (response.code() == 422 && answer.has("x-deskcc-codes")) {
        requireDocumentedCode(where, answer, body);
      }
    } else if (answer.has("content") && response.code() != 204 && !answer.path("content").has(media)
        && !media.isEmpty()) {
      throw new AssertionError(where + " as " + media + ", a media type docs/openapi.json does not list for it");
    }
    return response;
  }

  /**
   * A refusal's code is one the entry lists ({@code x-deskcc-codes}: the host's and the loaded
   * plugins' declared codes), so a client can switch on every code it may receive.
   */
  private static void requireDocumentedCode(String where, JsonNode answer, String body) throws IOException {
    JsonNode codes = answer.path("x-deskcc-codes");
    String code = MAPPER.readTree(body).path("code").asText("");
    for (JsonNode documented : codes) {
      if (documented.asText().equals(code)) {
        return;
      }
    }
    throw new AssertionError(where + " with code " + code + ", which docs/openapi.json does not list for it: "
        + codes);
  }

  private Operation find(String method, String path) {
    Operation best = null;
    for (Operation op : operations) {
      // a literal path beats a templated one (/tickets/export before /tickets/{id})
      if (op.method().equals(method) && op.path().matcher(path).matches()
          && (best == null || best.template().indexOf('{') >= 0 && op.template().indexOf('{') < 0)) {
        best = op;
      }
    }
    return best;
  }

  /** The answer's schema as the root of a document that also holds the components it refers to. */
  private Schema compile(JsonNode schemaNode) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.setAll((ObjectNode) schemaNode.deepCopy());
    root.set("components", document.path("components"));
    return SCHEMAS.getSchema(root.toString(), InputFormat.JSON);
  }
}
