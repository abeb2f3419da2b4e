package dev.deskcc.sim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.error.ItemError;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.ProblemCode;
import dev.deskcc.sim.mail.MailParseException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/** Writes RFC 9457 problem documents; the one place where refusals become HTTP answers. */
final class Problems {
  static final String MARK = "deskcc.problem";
  static final String CONTENT_TYPE = "application/problem+json";

  private final ObjectMapper mapper;

  Problems(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void write(Context ctx, DeskException e) {
    write(ctx, e.status(), e.title(), e.code(), e.detail(), e.errors());
  }

  void write(Context ctx, ProblemCode code, String detail) {
    write(ctx, code.status(), code.title(), code.name(), detail, List.of());
  }

  /** An error Javalin raised with a bare status ({@link #codeFor}). */
  void write(Context ctx, int status, String detail) {
    write(ctx, status, title(status), codeFor(status), detail, List.of());
  }

  private void write(Context ctx, int status, String title, String code, String detail, List<ItemError> errors) {
    ctx.attribute(MARK, Boolean.TRUE);
    ctx.status(status);
    ctx.contentType(CONTENT_TYPE);
    ctx.result(document(status, title, code, detail, errors));
  }

  /** What the server writes for errors before any route ({@link ServerErrors}): the document of a bare status. */
  byte[] document(int status, String detail) {
    return document(status, title(status), codeFor(status), detail, List.of());
  }

  private byte[] document(int status, String title, String code, String detail, List<ItemError> errors) {
    ObjectNode p = mapper.createObjectNode();
    p.put("type", "https://deskcc.dev/problems/" + code.toLowerCase().replace('_', '-'));
    p.put("title", title);
    p.put("status", status);
    p.put("detail", detail);
    p.put("code", code);
    ArrayNode rows = p.putArray("errors");
    for (ItemError e : errors) {
      ObjectNode row = rows.addObject();
      row.set("value", value(e.value()));
      row.put("code", e.code());
      row.put("message", e.message());
    }
    try {
      return mapper.writeValueAsBytes(p);
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      return ("{\"status\":" + status + ",\"code\":\"" + code + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /**
   * {@code errors[].value} as the request gave it. {@link ItemError} carries an object or array item
   * as its JSON text (the SPI's one encoding), so this is where it becomes JSON again: an object
   * item comes back as an object, not as a string holding one. Only a value that is wholly one
   * JSON object or array is read back; every other value (an address, say) stays a string.
   */
  private JsonNode value(String text) {
    if (text == null) {
      return NullNode.getInstance();
    }
    if (!text.isEmpty() && (text.charAt(0) == '{' || text.charAt(0) == '[')) {
      try {
        JsonNode node = mapper.readTree(text);
        if (node != null && node.isContainerNode()) {
          return node;
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        // not JSON text: the item was a string that merely starts like one
      }
    }
    return TextNode.valueOf(text);
  }

  /**
   * The stable code of an error known only by its HTTP status (Javalin's and Jetty's own): the
   * host's code of that status, {@code INTERNAL_ERROR} for any other 5xx, {@code HTTP_<status>}
   * for any other status.
   */
  static String codeFor(int status) {
    ProblemCode code = switch (status) {
      case 400 -> ProblemCode.BAD_REQUEST;
      case 401 -> ProblemCode.UNAUTHENTICATED;
      case 403 -> ProblemCode.FORBIDDEN;
      case 404 -> ProblemCode.NOT_FOUND;
      case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
      case 408 -> ProblemCode.REQUEST_TIMEOUT;
      case 413 -> ProblemCode.PAYLOAD_TOO_LARGE;
      case 414 -> ProblemCode.URI_TOO_LONG;
      case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
      case 431 -> ProblemCode.HEADERS_TOO_LARGE;
      case 505 -> ProblemCode.HTTP_VERSION_NOT_SUPPORTED;
      default -> status >= 500 ? ProblemCode.INTERNAL_ERROR : null;
    };
    return code != null ? code.name() : "HTTP_" + status;
  }

  /** The host's code for a message the mail parser refused. */
  static ProblemCode of(MailParseException.Code code) {
    return switch (code) {
      case MALFORMED_MESSAGE -> ProblemCode.MALFORMED_MESSAGE;
      case MESSAGE_TOO_LARGE -> ProblemCode.MESSAGE_TOO_LARGE;
    };
  }

  static boolean written(Context ctx) {
    return Boolean.TRUE.equals(ctx.attribute(MARK));
  }

  /** A bare status's reason phrase; Javalin's for one the host has no code of. */
  private static String title(int status) {
    String title = ProblemCode.title(status);
    HttpStatus s = HttpStatus.forStatus(status);
    return !title.equals("Error") || s == HttpStatus.UNKNOWN ? title : s.getMessage();
  }
}
