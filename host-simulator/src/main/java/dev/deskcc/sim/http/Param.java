package dev.deskcc.sim.http;

/** A query parameter or request header a route reads (path parameters come from the path). */
public record Param(In in, String name, String description) {
  /** Where the parameter travels. */
  public enum In {
    QUERY,
    HEADER
  }

  public static Param query(String name, String description) {
    return new Param(In.QUERY, name, description);
  }

  public static Param header(String name, String description) {
    return new Param(In.HEADER, name, description);
  }
}
