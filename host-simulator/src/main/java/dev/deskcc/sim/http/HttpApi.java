package dev.deskcc.sim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.Desk;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.FixtureResult;
import dev.deskcc.sim.desk.ProblemCode;
import dev.deskcc.sim.fixture.FixtureException;
import dev.deskcc.sim.fixture.FixtureParser;
import dev.deskcc.sim.mail.MailParseException;
import dev.deskcc.sim.plugins.DeclaredRefusal;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP surface of the contract over the {@link Desk}: registers the route table ({@link
 * ApiRoutes}) with bearer auth and loopback-only simulator control, and turns every error (unknown
 * routes and methods included) into a problem document. The same table is the OpenAPI document
 * served at {@code GET /api/v1/openapi.json}.
 */
public final class HttpApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  /** Largest JSON body. */
  public static final long MAX_JSON_BYTES = 1024 * 1024;
  /** Largest raw message. */
  public static final long MAX_MESSAGE_BYTES = 25L * 1024 * 1024;
  /** Request threads per core (see {@link #requestThreads}). */
  static final int THREADS_PER_CORE = 8;

  private final Desk desk;
  private final ObjectMapper mapper;
  private final Problems problems;
  private final List<Route> routes;
  /** The reference last built and the plugin codes it was built with (plugins start and stop). */
  private volatile Served openApi;
  private final List<String> registered = Collections.synchronizedList(new ArrayList<>());
  private Javalin app;

  public HttpApi(Desk desk, ObjectMapper mapper, Supplier<FixtureResult> lastFixture,
      Consumer<FixtureResult> fixtureLoaded) {
    this.desk = desk;
    this.mapper = mapper;
    this.problems = new Problems(mapper);
    List<Route> all = new ArrayList<>(new ApiRoutes(desk, new FixtureParser(mapper), lastFixture, fixtureLoaded,
        this::openApi, this::registered).all());
    all.addAll(new ConsoleRoutes(desk, lastFixture).routes());
    this.routes = List.copyOf(all);
    this.openApi = build(desk.pluginRefusalCodes());
  }

  private record Served(List<DeclaredRefusal> codes, JsonNode document) { }

  private Served build(List<DeclaredRefusal> codes) {
    return new Served(codes, OpenApi.document(routes, codes, mapper));
  }

  /** Starts serving; {@code port} 0 takes a free one. */
  public HttpApi start(String host, int port) {
    app = Javalin.create(this::configure).start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  /**
   * The OpenAPI 3.1 document of every route this server registers, with the refusal codes of the
   * plugins started now (a plugin stopped or started through simulator control changes it).
   */
  public JsonNode openApi() {
    List<DeclaredRefusal> codes = desk.pluginRefusalCodes();
    Served current = openApi;
    if (!current.codes().equals(codes)) {
      current = build(codes);
      openApi = current;
    }
    return current.document();
  }

  /** What Javalin actually registered, as {@code "METHOD /path"}, in registration order. */
  public List<String> registered() {
    synchronized (registered) {
      return List.copyOf(registered);
    }
  }

  @Override
  public void close() {
    if (app != null) {
      app.stop();
      app = null;
    }
  }

  /**
   * Jetty's request threads: {@value #THREADS_PER_CORE} per core, at least 16, not Javalin's 250.
   * A change runs one at a time on a single-writer store, so more threads than cores only wait for
   * their turn; with 64 connections on 2 cores, 64 threads taking turns spent about an eighth of
   * the throughput in switching and parking (BENCHMARKS.md §8). Reads do not queue, and
   * some callers block on a database, so the pool is a few times the cores, not the cores.
   */
  static QueuedThreadPool requestThreads(int cores) {
    int max = Math.max(16, THREADS_PER_CORE * cores);
    QueuedThreadPool pool = new QueuedThreadPool(max, Math.min(8, max));
    pool.setName("deskcc-http");
    return pool;
  }

  private void configure(JavalinConfig cfg) {
    cfg.http.maxRequestSize = MAX_MESSAGE_BYTES + 1024 * 1024;
    cfg.http.prefer405over404 = true;
    cfg.startup.showJavalinBanner = false;
    cfg.jetty.threadPool = requestThreads(Runtime.getRuntime().availableProcessors());
    // errors Jetty answers itself, before any route (bad request line, URI or headers too long, bad
    // version, bad escapes): the same problem documents as everything else, not its HTML page
    ServerErrors serverErrors = new ServerErrors(problems);
    cfg.jetty.modifyServer(server -> server.setErrorHandler(serverErrors));
    cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(serverErrors));
    // recorded from Javalin's own events, so a route registered outside the table shows up too
    cfg.events.handlerAdded(info -> {
      if (info.getHttpMethod().isHttpMethod()) {
        registered.add(info.getHttpMethod().name() + " " + info.getPath());
      }
    });
    var r = cfg.routes;
    r.before(SecurityHeaders::apply);
    // one gate for every /sim path, matched or not, before any endpoint runs
    r.before("/sim", SimGuard::check);
    r.before("/sim/*", SimGuard::check);
    for (Route route : routes) {
      r.addHttpHandler(route.method(), route.path(), ctx -> serve(route, ctx));
    }

    r.exception(DeskException.class, (e, ctx) -> problems.write(ctx, e));
    r.exception(FixtureException.class, (e, ctx) -> problems.write(ctx, ProblemCode.BAD_REQUEST, e.getMessage()));
    r.exception(MailParseException.class, (e, ctx) -> problems.write(ctx, Problems.of(e.codeEnum()), e.detail()));
    r.exception(HttpResponseException.class, (e, ctx) -> problems.write(ctx, e.getStatus(), e.getMessage()));
    r.exception(Exception.class, (e, ctx) -> {
      LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
      problems.write(ctx, ProblemCode.INTERNAL_ERROR, "unexpected error; see the simulator log");
    });
    r.error(404, ctx -> {
      if (!Problems.written(ctx)) {
        problems.write(ctx, ProblemCode.NOT_FOUND, "no route " + ctx.method() + " " + ctx.path());
      }
    });
    r.error(405, ctx -> {
      if (!Problems.written(ctx)) {
        problems.write(ctx, ProblemCode.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path());
      }
    });
  }

  /** One call ({@link SimGuard} has already vetted {@code /sim} ones): the token, then the endpoint, then the answer with the route's status. */
  private void serve(Route route, Context ctx) throws Exception {
    Caller caller = route.needsToken() ? caller(ctx) : null;
    Object result = route.endpoint().handle(new Call(ctx, caller, mapper));
    ctx.status(route.status());
    if (result instanceof Raw raw) {
      ctx.contentType(raw.contentType());
      write(ctx, raw.content());
    } else if (result != null) {
      ctx.contentType("application/json");
      write(ctx, mapper.writeValueAsBytes(result));
    }
  }

  /**
   * Writes the answer straight into the response stream. {@code ctx.result(bytes)} would have
   * Javalin copy it through a fresh 32 KB buffer per answer (a third of everything a loaded server
   * allocated). Same stream, so the same compression decision (made on the first write's length,
   * which is the whole answer in both cases up to 32 KB and above the threshold beyond); Javalin
   * closes the stream after the handler, as it does after copying.
   */
  private static void write(Context ctx, byte[] body) {
    try {
      ctx.outputStream().write(body);
    } catch (IOException e) {
      // the client went away mid-answer; Javalin treats the same failure while copying alike
      LOG.debug("answer to {} {} not written: {}", ctx.method(), ctx.path(), e.toString());
    }
  }

  private Caller caller(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new DeskException(ProblemCode.UNAUTHENTICATED, "a bearer token is required");
    }
    return desk.authenticate(header.substring(7).strip())
        .orElseThrow(() -> new DeskException(ProblemCode.UNAUTHENTICATED, "unknown token"));
  }
}
