package dev.deskcc.sim.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.CommentEditRequest;
import dev.deskcc.sim.desk.CommentRequest;
import dev.deskcc.sim.desk.CreateTicketRequest;
import dev.deskcc.sim.desk.Desk;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.FixtureResult;
import dev.deskcc.sim.desk.LayoutRequest;
import dev.deskcc.sim.desk.MergeRequest;
import dev.deskcc.sim.desk.PatchTicketRequest;
import dev.deskcc.sim.desk.RatingRequest;
import dev.deskcc.sim.desk.ReplyRequest;
import dev.deskcc.sim.desk.RestrictionRequest;
import dev.deskcc.sim.desk.TicketView;
import dev.deskcc.sim.fixture.FixtureException;
import dev.deskcc.sim.fixture.FixtureParser;
import dev.deskcc.sim.mail.MailParseException;
import dev.deskcc.sim.mail.MailParser;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP surface of the contract over the {@link Desk}: routes, bearer auth, strict JSON, body
 * limits and problem documents for every error (unknown routes and methods included).
 */
public final class HttpApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  /** Largest JSON body. */
  public static final long MAX_JSON_BYTES = 1024 * 1024;
  /** Largest raw message. */
  public static final long MAX_MESSAGE_BYTES = 25L * 1024 * 1024;

  private final Desk desk;
  private final ObjectMapper mapper;
  private final Problems problems;
  private final FixtureParser fixtures;
  private final Supplier<FixtureResult> lastFixture;
  private final java.util.function.Consumer<FixtureResult> fixtureLoaded;
  private Javalin app;

  public HttpApi(Desk desk, ObjectMapper mapper, Supplier<FixtureResult> lastFixture,
      java.util.function.Consumer<FixtureResult> fixtureLoaded) {
    this.desk = desk;
    this.mapper = mapper;
    this.problems = new Problems(mapper);
    this.fixtures = new FixtureParser(mapper);
    this.lastFixture = lastFixture;
    this.fixtureLoaded = fixtureLoaded;
  }

  /** Starts serving; {@code port} 0 takes a free one. */
  public HttpApi start(String host, int port) {
    app = Javalin.create(this::configure).start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    if (app != null) {
      app.stop();
      app = null;
    }
  }

  private void configure(JavalinConfig cfg) {
    cfg.http.maxRequestSize = MAX_MESSAGE_BYTES + 1024 * 1024;
    cfg.http.prefer405over404 = true;
    cfg.startup.showJavalinBanner = false;
    var r = cfg.routes;
    // simulator control: loopback only, no token
    r.get("/sim/fixtures", ctx -> sim(ctx, () -> json(ctx, 200, Optional.ofNullable(lastFixture.get())
        .orElse(new FixtureResult(Map.of())))));
    r.post("/sim/fixtures", ctx -> sim(ctx, () -> {
      byte[] body = body(ctx, MAX_JSON_BYTES);
      FixtureResult result = desk.loadFixture(fixtures.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8)));
      fixtureLoaded.accept(result);
      json(ctx, 200, result);
    }));
    r.get("/sim/outbox", ctx -> sim(ctx, () -> json(ctx, 200,
        desk.outbox(ctx.queryParam("ticketId"), longParam(ctx, "afterSeq")))));
    r.get("/sim/plugins", ctx -> sim(ctx, () -> json(ctx, 200, Map.of("plugins", desk.pluginStatuses()))));
    r.get("/sim/plugins/trace", ctx -> sim(ctx, () -> json(ctx, 200, Map.of("calls", desk.pluginTrace()))));
    r.post("/sim/plugins/{id}/stop", ctx -> sim(ctx, () -> json(ctx, 200, desk.stopPlugin(ctx.pathParam("id")))));
    r.post("/sim/plugins/{id}/start", ctx -> sim(ctx, () -> json(ctx, 200, desk.startPlugin(ctx.pathParam("id")))));

    r.get("/api/v1/plugins", ctx -> json(ctx, 200, desk.plugins(caller(ctx))));
    r.get("/api/v1/contacts", ctx -> json(ctx, 200, desk.contacts(caller(ctx), ctx.queryParam("email"))));
    r.get("/api/v1/departments/{id}/plugins/{pluginId}/settings", ctx -> json(ctx, 200,
        desk.settings(caller(ctx), ctx.pathParam("id"), ctx.pathParam("pluginId"))));
    r.put("/api/v1/departments/{id}/plugins/{pluginId}/settings", ctx -> {
      Caller c = caller(ctx);
      json(ctx, 200, desk.putSettings(c, ctx.pathParam("id"), ctx.pathParam("pluginId"), object(ctx)));
    });
    r.get("/api/v1/departments/{id}/layout", ctx -> json(ctx, 200, desk.layout(caller(ctx), ctx.pathParam("id"))));
    r.put("/api/v1/departments/{id}/layout", ctx -> {
      Caller c = caller(ctx);
      json(ctx, 200, desk.putLayout(c, ctx.pathParam("id"), read(ctx, LayoutRequest.class)));
    });

    r.get("/api/v1/tickets", ctx -> json(ctx, 200, desk.tickets(caller(ctx))));
    r.post("/api/v1/tickets", ctx -> {
      Caller c = caller(ctx);
      ticket(ctx, 201, desk.createTicket(c, read(ctx, CreateTicketRequest.class)));
    });
    r.get("/api/v1/tickets/{id}", ctx -> ticket(ctx, 200, desk.ticket(caller(ctx), ctx.pathParam("id"))));
    r.patch("/api/v1/tickets/{id}", ctx -> {
      Caller c = caller(ctx);
      Long version = ifMatch(ctx);
      ticket(ctx, 200, desk.patchTicket(c, ctx.pathParam("id"), read(ctx, PatchTicketRequest.class), version));
    });
    r.get("/api/v1/tickets/{id}/history", ctx -> json(ctx, 200, desk.history(caller(ctx), ctx.pathParam("id"))));
    r.post("/api/v1/tickets/{id}/replies", ctx -> {
      Caller c = caller(ctx);
      json(ctx, 201, desk.reply(c, ctx.pathParam("id"), read(ctx, ReplyRequest.class)));
    });
    r.post("/api/v1/tickets/{id}/comments", ctx -> {
      Caller c = caller(ctx);
      json(ctx, 201, desk.addComment(c, ctx.pathParam("id"), read(ctx, CommentRequest.class)));
    });
    r.patch("/api/v1/tickets/{id}/comments/{entryId}", ctx -> {
      Caller c = caller(ctx);
      json(ctx, 200, desk.editComment(c, ctx.pathParam("id"), ctx.pathParam("entryId"),
          read(ctx, CommentEditRequest.class)));
    });
    r.delete("/api/v1/tickets/{id}/comments/{entryId}", ctx -> {
      desk.deleteComment(caller(ctx), ctx.pathParam("id"), ctx.pathParam("entryId"));
      ctx.status(204);
    });
    r.post("/api/v1/tickets/{id}/merge", ctx -> {
      Caller c = caller(ctx);
      String dry = ctx.queryParam("dryRun");
      if (dry != null && !dry.equals("true") && !dry.equals("false")) {
        throw DeskException.badRequest("dryRun must be true or false");
      }
      json(ctx, 200, desk.merge(c, ctx.pathParam("id"), mergeRequest(object(ctx)), "true".equals(dry)));
    });
    r.post("/api/v1/tickets/{id}/restrictions", ctx -> {
      Caller c = caller(ctx);
      json(ctx, 201, desk.addRestriction(c, ctx.pathParam("id"), read(ctx, RestrictionRequest.class)));
    });
    r.delete("/api/v1/tickets/{id}/restrictions/{contactId}", ctx -> {
      desk.liftRestriction(caller(ctx), ctx.pathParam("id"), ctx.pathParam("contactId"));
      ctx.status(204);
    });
    r.post("/api/v1/tickets/{id}/ratings", ctx -> {
      Caller c = caller(ctx);
      json(ctx, 201, desk.rate(c, ctx.pathParam("id"), read(ctx, RatingRequest.class)));
    });
    r.get("/api/v1/tickets/{id}/ratings", ctx -> json(ctx, 200, desk.ratings(caller(ctx), ctx.pathParam("id"))));
    r.post("/api/v1/inbound/email", ctx -> {
      Caller c = caller(ctx);
      if (!c.isAdmin()) {
        throw DeskException.forbidden("admins only (the mail gateway's token)");
      }
      byte[] raw = body(ctx, MAX_MESSAGE_BYTES, "MESSAGE_TOO_LARGE");
      json(ctx, 202, desk.inboundMail(c, new MailParser().parse(raw)));
    });

    r.exception(DeskException.class, (e, ctx) -> problems.write(ctx, e));
    r.exception(FixtureException.class, (e, ctx) -> problems.write(ctx, 400, "BAD_REQUEST", e.getMessage(), List.of()));
    r.exception(MailParseException.class, (e, ctx) ->
        problems.write(ctx, e.httpStatus(), e.code(), e.detail(), List.of()));
    r.exception(HttpResponseException.class, (e, ctx) -> problems.write(ctx, e.getStatus(),
        codeFor(e.getStatus()), e.getMessage(), List.of()));
    r.exception(Exception.class, (e, ctx) -> {
      LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
      problems.write(ctx, 500, "INTERNAL_ERROR", "unexpected error; see the simulator log", List.of());
    });
    r.error(404, ctx -> {
      if (!Problems.written(ctx)) {
        problems.write(ctx, 404, "NOT_FOUND", "no route " + ctx.method() + " " + ctx.path(), List.of());
      }
    });
    r.error(405, ctx -> {
      if (!Problems.written(ctx)) {
        problems.write(ctx, 405, "METHOD_NOT_ALLOWED", ctx.method() + " is not allowed on " + ctx.path(), List.of());
      }
    });
  }

  // ------------------------------------------------------------------ helpers

  private static String codeFor(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 413 -> "PAYLOAD_TOO_LARGE";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      default -> status >= 500 ? "INTERNAL_ERROR" : "HTTP_" + status;
    };
  }

  private interface Action {
    void run() throws Exception;
  }

  private void sim(Context ctx, Action action) throws Exception {
    if (!loopback(ctx.req().getRemoteAddr())) {
      throw DeskException.forbidden("simulator control is for loopback callers only");
    }
    action.run();
  }

  private static boolean loopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private Caller caller(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new DeskException(401, "UNAUTHENTICATED", "a bearer token is required");
    }
    return desk.authenticate(header.substring(7).strip())
        .orElseThrow(() -> new DeskException(401, "UNAUTHENTICATED", "unknown token"));
  }

  private byte[] body(Context ctx, long limit) {
    return body(ctx, limit, "PAYLOAD_TOO_LARGE");
  }

  private byte[] body(Context ctx, long limit, String code) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      throw new DeskException(413, code, "the body is larger than " + limit + " bytes");
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length > limit) {
      throw new DeskException(413, code, "the body is larger than " + limit + " bytes");
    }
    return body;
  }

  private JsonNode tree(Context ctx) {
    byte[] body = body(ctx, MAX_JSON_BYTES);
    if (body.length == 0) {
      throw DeskException.badRequest("a JSON body is required");
    }
    try {
      JsonNode node = mapper.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw DeskException.badRequest("a JSON body is required");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw DeskException.badRequest("malformed JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw DeskException.badRequest("unreadable body");
    }
  }

  private ObjectNode object(Context ctx) {
    JsonNode node = tree(ctx);
    if (!node.isObject()) {
      throw DeskException.badRequest("the body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  private <T> T read(Context ctx, Class<T> type) {
    ObjectNode node = object(ctx);
    try {
      return mapper.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw DeskException.badRequest("wrong type: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw DeskException.badRequest("wrong type: " + e.getMessage());
    }
  }

  private MergeRequest mergeRequest(ObjectNode body) {
    JsonNode ids = body.get("sourceIds");
    if (ids == null || !ids.isArray()) {
      throw DeskException.badRequest("sourceIds must be an array of ticket ids");
    }
    List<String> sourceIds = new ArrayList<>();
    for (JsonNode id : ids) {
      if (!id.isTextual()) {
        throw DeskException.badRequest("sourceIds must be an array of ticket ids");
      }
      sourceIds.add(id.textValue());
    }
    Map<String, JsonNode> choices = new LinkedHashMap<>();
    body.properties().forEach(f -> {
      if (!f.getKey().equals("sourceIds")) {
        choices.put(f.getKey(), f.getValue());
      }
    });
    return new MergeRequest(sourceIds, choices);
  }

  private static Long longParam(Context ctx, String name) {
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

  private static Long ifMatch(Context ctx) {
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
      throw new DeskException(412, "VERSION_CONFLICT", "If-Match must name a ticket version");
    }
  }

  private void ticket(Context ctx, int status, TicketView ticket) throws JsonProcessingException {
    ctx.header("ETag", "\"" + ticket.version() + "\"");
    json(ctx, status, ticket);
  }

  private void json(Context ctx, int status, Object body) throws JsonProcessingException {
    ctx.status(status);
    ctx.contentType("application/json");
    ctx.result(mapper.writeValueAsBytes(body));
  }
}
