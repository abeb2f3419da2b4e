package dev.deskcc.sim.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.error.ItemError;
import dev.deskcc.sim.desk.DeskException;
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
    write(ctx, e.status(), e.code(), e.detail(), e.errors());
  }

  void write(Context ctx, int status, String code, String detail, List<ItemError> errors) {
    ObjectNode p = mapper.createObjectNode();
    p.put("type", "https://deskcc.dev/problems/" + code.toLowerCase().replace('_', '-'));
    p.put("title", title(status));
    p.put("status", status);
    p.put("detail", detail);
    p.put("code", code);
    ArrayNode rows = p.putArray("errors");
    for (ItemError e : errors) {
      ObjectNode row = rows.addObject();
      row.put("value", e.value());
      row.put("code", e.code());
      row.put("message", e.message());
    }
    ctx.attribute(MARK, Boolean.TRUE);
    ctx.status(status);
    ctx.contentType(CONTENT_TYPE);
    try {
      ctx.result(mapper.writeValueAsBytes(p));
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      ctx.result("{\"status\":" + status + ",\"code\":\"" + code + "\"}");
    }
  }

  static boolean written(Context ctx) {
    return Boolean.TRUE.equals(ctx.attribute(MARK));
  }

  private static String title(int status) {
    HttpStatus s = HttpStatus.forStatus(status);
    return s == HttpStatus.UNKNOWN ? "Error" : s.getMessage();
  }
}
