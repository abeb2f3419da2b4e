package dev.deskcc.sim.http;

import dev.deskcc.sim.desk.ProblemCode;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the route table: everything the server registers and the API reference says about
 * a route comes from here, so the two cannot drift apart.
 *
 * @param who who may call it; the first entry decides the token handling (see {@link Who})
 * @param status the success status; the endpoint's result is written with it
 * @param errors the host's problem codes the route may answer with (401 and 400 for tokens and
 *     bodies are added by the reference itself)
 * @param pluginChecked true when the change runs the plugins' checks, which refuse with their own codes
 */
public record Route(
    HandlerType method,
    String path,
    List<Who> who,
    String summary,
    List<Param> params,
    Body request,
    int status,
    Body response,
    List<ProblemCode> errors,
    boolean pluginChecked,
    Endpoint endpoint) {

  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    who = List.copyOf(who);
    if (who.isEmpty()) {
      throw new IllegalArgumentException(path + ": who may call it is required");
    }
    if (who.size() > 1 && !who.stream().allMatch(Who::needsToken)) {
      throw new IllegalArgumentException(path + ": SIM and ANYONE stand alone");
    }
    params = List.copyOf(params);
    errors = List.copyOf(errors);
    Objects.requireNonNull(endpoint, "endpoint");
  }

  /** Runs one call of the route; the result is the answer's body ({@code null} for none). */
  @FunctionalInterface
  public interface Endpoint {
    Object handle(Call call) throws Exception;
  }

  /** True when the route resolves a bearer token before it runs. */
  public boolean needsToken() {
    return who.get(0).needsToken();
  }

  /** {@code "GET /api/v1/tickets"}. */
  public String key() {
    return method.name() + " " + path;
  }

  public static Builder get(String path, String summary) {
    return new Builder(HandlerType.GET, path, summary);
  }

  public static Builder post(String path, String summary) {
    return new Builder(HandlerType.POST, path, summary);
  }

  public static Builder put(String path, String summary) {
    return new Builder(HandlerType.PUT, path, summary);
  }

  public static Builder patch(String path, String summary) {
    return new Builder(HandlerType.PATCH, path, summary);
  }

  public static Builder head(String path, String summary) {
    return new Builder(HandlerType.HEAD, path, summary);
  }

  public static Builder delete(String path, String summary) {
    return new Builder(HandlerType.DELETE, path, summary);
  }

  /** Builds a route; {@link #handle} ends it. */
  public static final class Builder {
    private final HandlerType method;
    private final String path;
    private final String summary;
    private List<Who> who = List.of();
    private final List<Param> params = new ArrayList<>();
    private Body request = Body.NONE;
    private int status = 200;
    private Body response = Body.NONE;
    private List<ProblemCode> errors = List.of();
    private boolean pluginChecked;

    private Builder(HandlerType method, String path, String summary) {
      this.method = method;
      this.path = path;
      this.summary = summary;
    }

    public Builder who(Who... who) {
      this.who = List.of(who);
      return this;
    }

    public Builder param(Param param) {
      params.add(param);
      return this;
    }

    public Builder takes(Body request) {
      this.request = request;
      return this;
    }

    public Builder takes(Class<?> jsonType) {
      return takes(Body.json(jsonType));
    }

    public Builder returns(int status, Body response) {
      this.status = status;
      this.response = response;
      return this;
    }

    public Builder returns(int status, Class<?> jsonType) {
      return returns(status, Body.json(jsonType));
    }

    /** A 204 without a body. */
    public Builder returnsNothing() {
      return returns(204, Body.NONE);
    }

    public Builder errors(ProblemCode... errors) {
      this.errors = List.of(errors);
      return this;
    }

    public Builder pluginChecked() {
      this.pluginChecked = true;
      return this;
    }

    public Route handle(Endpoint endpoint) {
      return new Route(method, path, who, summary, params, request, status, response, errors, pluginChecked, endpoint);
    }
  }
}
