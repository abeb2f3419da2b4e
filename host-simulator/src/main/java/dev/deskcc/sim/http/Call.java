package dev.deskcc.sim.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.ProblemCode;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * One call of a route: the caller (for routes that take a token) and the request's parts, read
 * strictly. A body is read only when the endpoint asks, so a bad token is refused before a bad body.
 */
public final class Call {
  private final Context ctx;
  private final Caller caller;
  private final ObjectMapper mapper;
  /** The body once read (it can be read from the request only once). */
  private byte[] bodyRead;

  Call(Context ctx, Caller caller, ObjectMapper mapper) {
    this.ctx = ctx;
    this.caller = caller;
    this.mapper = mapper;
  }

  /** The authenticated caller; only routes that take a token have one. */
  public Caller caller() {
    if (caller == null) {
      throw new IllegalStateException("route " + ctx.path() + " takes no token");
    }
    return caller;
  }

  /**
   * The URL this server is reached at, for links in answers: the loopback address and the port
   * the request came in on (a link made on one node then works there; every node verifies it).
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + ctx.req().getLocalPort();
  }

  public String path(String name) {
    return ctx.pathParam(name);
  }

  /** A query parameter, {@code null} when absent. */
  public String query(String name) {
    return ctx.queryParam(name);
  }

  /** A numeric query parameter, {@code null} when absent or blank. */
  public Long longQuery(String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw DeskException.badRequest(name + " must be a number");
    }
  }

  /** A {@code true}/{@code false} query parameter; absent is {@code false}, anything else 400. */
  public boolean flag(String name) {
    String v = ctx.queryParam(name);
    if (v != null && !v.equals("true") && !v.equals("false")) {
      throw DeskException.badRequest(name + " must be true or false");
    }
    return "true".equals(v);
  }

  /** The version an {@code If-Match} header expects, {@code null} for none or {@code *}. */
  public Long ifMatch() {
    String v = ctx.header("If-Match");
    if (v == null || v.isBlank() || v.strip().equals("*")) {
      return null;
    }
    String s = v.strip();
    if (s.startsWith("W/")) {
      s = s.substring(2);
    }
    s = s.replace("\"", "").strip();
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new DeskException(ProblemCode.VERSION_CONFLICT, "If-Match must name a ticket version");
    }
  }

  /** Sets a response header (for example the ticket's {@code ETag}). */
  public void header(String name, String value) {
    ctx.header(name, value);
  }

  /**
   * Refuses a body of another media type than {@code mediaType} (parameters aside) with 415
   * {@code UNSUPPORTED_MEDIA_TYPE}: a raw body is read only as what the route documents.
   */
  public void requireMediaType(String mediaType) {
    String declared = ctx.contentType();
    String base = declared == null ? "" : declared.split(";", 2)[0].strip();
    if (!base.equalsIgnoreCase(mediaType)) {
      throw new DeskException(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
          "the body must be " + mediaType + (base.isEmpty() ? "; no Content-Type was given" : ", not " + base));
    }
  }

  /** The raw body, refused with 413 {@code code} above {@code limit} bytes. */
  public byte[] bytes(long limit, ProblemCode code) {
    if (bodyRead != null) {
      return bodyRead;
    }
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      throw new DeskException(code, "the body is larger than " + limit + " bytes");
    }
    byte[] read = read(declared, limit);
    if (read.length > limit) {
      throw new DeskException(code, "the body is larger than " + limit + " bytes");
    }
    bodyRead = read;
    return read;
  }

  /**
   * Reads the body from the request stream: with a declared length into an array of exactly that
   * size (Javalin's {@code bodyAsBytes} copied every body through a fresh 32 KB buffer and a
   * growing one); without, at most one byte past the limit, enough to refuse it.
   */
  private byte[] read(long declared, long limit) {
    try {
      var in = ctx.req().getInputStream();
      return declared >= 0 ? in.readNBytes((int) declared) : in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
    } catch (IOException e) {
      // a chunked body cut short, a client gone mid-body, a bad chunk size: the request is
      // malformed, not the server broken, and nothing was read that could change anything
      throw DeskException.badRequest("the body could not be read to its end");
    }
  }

  /** The raw JSON body as text (at most {@link HttpApi#MAX_JSON_BYTES}). */
  public String text() {
    return new String(json(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The body as a JSON object; anything else is 400. */
  public ObjectNode object() {
    return object(json());
  }

  /** The body read as JSON text: every JSON read goes through here, so every one meets {@link JsonText}. */
  private byte[] json() {
    return JsonText.require(bytes(HttpApi.MAX_JSON_BYTES, ProblemCode.PAYLOAD_TOO_LARGE));
  }

  private ObjectNode object(byte[] body) {
    if (body.length == 0) {
      throw DeskException.badRequest("a JSON body is required");
    }
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw DeskException.badRequest("malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw DeskException.badRequest("unreadable body");
    }
    if (node == null || node.isMissingNode()) {
      throw DeskException.badRequest("a JSON body is required");
    }
    if (!node.isObject()) {
      throw DeskException.badRequest("the body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /** The body as the request record; a wrong type is 400. */
  public <T> T body(Class<T> type) {
    byte[] body = json();
    T read = inOnePass(body, type);
    if (read != null) {
      return read;
    }
    ObjectNode node = object(body);
    try {
      return mapper.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw DeskException.badRequest("wrong type: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw DeskException.badRequest("wrong type: " + e.getMessage());
    }
  }

  /**
   * The common case, a well-formed object of the right shape, read straight into the record:
   * {@code null} for anything else, which then takes the strict path above (tree first) and gets
   * its exact error. Duplicate keys are refused here at any depth, as reading the tree refuses them.
   */
  private <T> T inOnePass(byte[] body, Class<T> type) {
    if (!startsWithObject(body)) {
      return null;
    }
    try (JsonParser parser = mapper.createParser(body)) {
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      T value = mapper.readValue(parser, type);
      return parser.nextToken() == null ? value : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static boolean startsWithObject(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return b == '{';
      }
    }
    return false;
  }
}
