package dev.deskcc.sim.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.sim.desk.ProblemCode;
import dev.deskcc.sim.plugins.DeclaredRefusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document of the route table: what {@code GET /api/v1/openapi.json} serves and
 * {@code docs/openapi.json} keeps. Its one server names the port as a variable, so it is the same
 * on every port.
 */
final class OpenApi {
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
  private static final String PROBLEM = "application/problem+json";

  private final ObjectMapper mapper;
  private final RecordSchemas schemas;
  private final List<DeclaredRefusal> pluginCodes;

  private OpenApi(ObjectMapper mapper, List<DeclaredRefusal> pluginCodes) {
    this.mapper = mapper;
    this.schemas = new RecordSchemas(mapper);
    this.pluginCodes = List.copyOf(pluginCodes);
  }

  /**
   * The document describing exactly these routes; {@code pluginCodes} (those of the started
   * plugins) are listed on every route that runs the plugins' checks.
   */
  static ObjectNode document(List<Route> routes, List<DeclaredRefusal> pluginCodes, ObjectMapper mapper) {
    return new OpenApi(mapper, pluginCodes).build(routes);
  }


  private ObjectNode build(List<Route> routes) {
    ObjectNode doc = mapper.createObjectNode();
    doc.put("openapi", "3.1.0");
    doc.putObject("info")
        .put("title", "deskcc simulator HTTP API")
        .put("version", "1")
        .put("description", "Generated from the simulator's route table. Errors are RFC 9457 problem "
            + "documents with a stable `code`. `x-deskcc-who` names who may call a route: sim (simulator "
            + "control, loopback only, no token), anyone (no token), admin, agent, contact (bearer token "
            + "of that role). Plugins add fields, settings and refusals of their own.")
        // deskcc has published no licence yet; the document says so (an SPDX LicenseRef) rather
        // than inventing one
        .putObject("license").put("name", "All rights reserved (deskcc has no published licence)")
        .put("identifier", "LicenseRef-deskcc-all-rights-reserved");
    ObjectNode server = doc.putArray("servers").addObject()
        .put("url", "http://127.0.0.1:{port}")
        .put("description", "bin/deskcc-sim as started: loopback only, --port N (default 8080; 0 takes a free one)");
    server.putObject("variables").putObject("port").put("default", "8080");
    ObjectNode paths = doc.putObject("paths");
    for (Route route : routes) {
      String path = path(route.path());
      ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
      item.set(route.method().name().toLowerCase(Locale.ROOT), operation(route));
    }
    ObjectNode components = doc.putObject("components");
    components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer");
    ObjectNode named = schemas.components();
    named.set("Problem", problemSchema());
    components.set("schemas", named);
    return doc;
  }

  private ObjectNode operation(Route route) {
    ObjectNode op = mapper.createObjectNode();
    op.put("operationId", operationId(route));
    op.put("summary", route.summary());
    op.putArray("tags").add(tag(route.path()));
    ArrayNode who = op.putArray("x-deskcc-who");
    route.who().forEach(w -> who.add(w.name().toLowerCase(Locale.ROOT)));
    ArrayNode security = op.putArray("security");
    if (route.needsToken()) {
      security.addObject().putArray("bearer");
    }
    ArrayNode params = op.putArray("parameters");
    Matcher m = PATH_PARAM.matcher(path(route.path()));
    while (m.find()) {
      ObjectNode p = params.addObject().put("name", m.group(1)).put("in", "path").put("required", true);
      p.putObject("schema").put("type", "string");
    }
    for (Param param : route.params()) {
      ObjectNode p = params.addObject().put("name", param.name()).put("in", param.in().name().toLowerCase(Locale.ROOT))
          .put("required", false).put("description", param.description());
      p.putObject("schema").put("type", "string");
    }
    if (params.isEmpty()) {
      op.remove("parameters");
    }
    if (!route.request().isNone()) {
      op.putObject("requestBody").put("required", true).set("content", content(route.request()));
    }
    ObjectNode responses = op.putObject("responses");
    ObjectNode success = responses.putObject(String.valueOf(route.status()))
        .put("description", route.status() == 204 ? "done, no content" : "success");
    if (!route.response().isNone()) {
      success.set("content", content(route.response()));
    }
    Map<Integer, List<String>> byStatus = errors(route);
    // plugin codes by status, by code; a code two plugins declare names the first
    Map<Integer, Map<String, DeclaredRefusal>> fromPlugins = new TreeMap<>();
    if (route.pluginChecked()) {
      for (DeclaredRefusal d : pluginCodes) {
        int status = ProblemCode.status(d.code().kind());
        List<String> codes = byStatus.computeIfAbsent(status, s -> new ArrayList<>());
        if (!codes.contains(d.code().code())) {
          codes.add(d.code().code());
          fromPlugins.computeIfAbsent(status, s -> new LinkedHashMap<>()).put(d.code().code(), d);
        }
      }
    }
    byStatus.forEach((status, codes) -> {
      ObjectNode r = responses.putObject(String.valueOf(status)).put("description", String.join(", ", codes));
      ArrayNode list = r.putArray("x-deskcc-codes");
      codes.forEach(list::add);
      Map<String, DeclaredRefusal> plugin = fromPlugins.get(status);
      if (plugin != null) {
        // which of the codes a plugin declares (and which one), so a reader knows they come and go
        // with the plugin, unlike the host's own
        ObjectNode marks = r.putObject("x-deskcc-plugin");
        plugin.forEach((code, d) -> marks.putObject(code).put("plugin", d.pluginId())
            .put("description", d.code().description()));
      }
      r.putObject("content").putObject(PROBLEM).putObject("schema").put("$ref", "#/components/schemas/Problem");
    });
    if (route.pluginChecked()) {
      ObjectNode r = responses.putObject("4XX")
          .put("description", "a plugin's check refused the change, with the plugin's own code");
      r.putObject("content").putObject(PROBLEM).putObject("schema").put("$ref", "#/components/schemas/Problem");
    }
    return op;
  }

  /** Codes by status: the route's own, plus what tokens, bodies and simulator control imply. */
  private static Map<Integer, List<String>> errors(Route route) {
    List<ProblemCode> all = new ArrayList<>();
    if (route.needsToken()) {
      all.add(ProblemCode.UNAUTHENTICATED);
    }
    if (route.who().contains(Who.SIM)) {
      all.add(ProblemCode.FORBIDDEN);
    }
    boolean jsonBody = "application/json".equals(route.request().mediaType());
    if (jsonBody || !route.params().isEmpty()) {
      all.add(ProblemCode.BAD_REQUEST);
    }
    if (jsonBody) {
      all.add(ProblemCode.PAYLOAD_TOO_LARGE);
    }
    if (!jsonBody && !route.request().isNone()) {
      // a raw body is read only as its documented media type (Call.requireMediaType)
      all.add(ProblemCode.UNSUPPORTED_MEDIA_TYPE);
    }
    all.addAll(route.errors());
    if (route.pluginChecked() || changesState(route)) {
      // every change runs through the change engine, which gives up after its retries on a
      // database that keeps losing races (Lifecycle.retrying)
      all.add(ProblemCode.CONCURRENT_CHANGES);
    }
    Map<Integer, List<String>> byStatus = new TreeMap<>();
    for (ProblemCode code : all) {
      List<String> codes = byStatus.computeIfAbsent(code.status(), s -> new ArrayList<>());
      if (!codes.contains(code.name())) {
        codes.add(code.name());
      }
    }
    return byStatus;
  }

  /** A write of the public API (simulator control and the console do not run the change engine). */
  private static boolean changesState(Route route) {
    return !route.method().name().equals("GET") && route.path().startsWith("/api/v1/");
  }

  private ObjectNode content(Body body) {
    ObjectNode content = mapper.createObjectNode();
    ObjectNode media = content.putObject(body.mediaType());
    if (body.type() != null) {
      media.set("schema", schemas.of(body.type()));
    } else if (body.schema() != null) {
      try {
        media.set("schema", mapper.readTree(body.schema()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a route's JSON Schema is not JSON: " + e.getOriginalMessage(), e);
      }
    } else {
      media.putObject("schema").put("type", "string").put("contentMediaType", body.mediaType());
    }
    return content;
  }

  private ObjectNode problemSchema() {
    ObjectNode s = mapper.createObjectNode().put("type", "object");
    ObjectNode p = s.putObject("properties");
    p.putObject("type").put("type", "string");
    p.putObject("title").put("type", "string");
    p.putObject("status").put("type", "integer");
    p.putObject("detail").put("type", "string");
    p.putObject("code").put("type", "string").put("description", "stable, UPPER_SNAKE");
    ObjectNode row = p.putObject("errors").put("type", "array").putObject("items").put("type", "object");
    ObjectNode rowProps = row.putObject("properties");
    // any JSON value: a string item comes back as that string, an object item (a {"contactId"} CC,
    // say) as that object; no type list, which client generators cannot yet map
    rowProps.putObject("value").put("description", "the item as the request gave it: a string, or the object or array as given");
    rowProps.putObject("code").put("type", "string");
    rowProps.putObject("message").put("type", "string");
    s.putArray("required").add("type").add("title").add("status").add("code");
    return s;
  }

  /** {@code POST /api/v1/tickets/{id}/replies} becomes {@code postTicketsIdReplies}. */
  private static String operationId(Route route) {
    StringBuilder id = new StringBuilder(route.method().name().toLowerCase(Locale.ROOT));
    for (String segment : route.path().split("/")) {
      String word = segment.replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9]", " ").strip();
      if (word.isEmpty() || word.equals("api") || word.equals("v1")) {
        continue;
      }
      for (String part : word.split(" +")) {
        id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return route.path().equals("/") ? id + "Root" : id.toString();
  }

  /** The tag: {@code sim} for simulator control, the resource after {@code /api/v1}, else {@code console}. */
  private static String tag(String path) {
    String[] segments = path.split("/");
    if (segments.length > 1 && segments[1].equals("sim")) {
      return "sim";
    }
    return segments.length > 3 && segments[1].equals("api") ? segments[3].replace(".json", "") : "console";
  }

  /** The OpenAPI form of a Javalin path: {@code <path>} (slashes allowed) is written {@code {path}}. */
  static String path(String javalinPath) {
    return javalinPath.replaceAll("<([^>]+)>", "{$1}");
  }
}
