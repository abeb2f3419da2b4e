package dev.deskcc.sim.http;

import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.ProblemCode;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * The one gate in front of every {@code /sim} path (contract v1.1 §2), run before any route (an
 * unknown {@code /sim} path included). Simulator control has no token, so it must be reachable only
 * by a program on this machine that means to call it: a loopback caller (the socket), naming a
 * loopback host (a DNS-rebinding name resolves to 127.0.0.1 but keeps its own {@code Host}), with
 * no foreign {@code Origin} (a web page in a browser on the same machine sends its own), and a
 * body only as JSON (a cross-site form can send {@code text/plain} without a preflight).
 */
final class SimGuard {
  /** The host names that mean this machine, as a {@code Host} or {@code Origin} may spell them. */
  private static final Set<String> LOCAL_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

  private SimGuard() {}

  /** Refuses the request with 403 or 415 unless it meets every rule above. */
  static void check(Context ctx) {
    if (!loopback(ctx.req().getRemoteAddr())) {
      throw DeskException.forbidden("simulator control is for loopback callers only");
    }
    if (!localHost(ctx.header("Host"))) {
      throw DeskException.forbidden("simulator control answers only Host 127.0.0.1, localhost or [::1]");
    }
    String origin = ctx.header("Origin");
    if (origin != null && !sameOrigin(origin, ctx.req().getLocalPort())) {
      throw DeskException.forbidden("simulator control answers no other origin than its own");
    }
    String type = ctx.header("Content-Type");
    boolean hasBody = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    if ((type != null || hasBody) && !isJson(type)) {
      throw new DeskException(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "simulator control takes application/json only");
    }
  }

  /** {@code Host} with any port or none; the name is case-insensitive (RFC 3986 §3.2.2). */
  static boolean localHost(String host) {
    if (host == null) {
      return false;
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    int colon = h.lastIndexOf(':');
    if (colon > h.lastIndexOf(']')) {
      String port = h.substring(colon + 1);
      if (!port.isEmpty() && !port.chars().allMatch(Character::isDigit)) {
        return false;
      }
      h = h.substring(0, colon);
    }
    return LOCAL_NAMES.contains(h);
  }

  /** {@code http://<local name>:<our port>}; {@code null}, another scheme or port is foreign. */
  static boolean sameOrigin(String origin, int ourPort) {
    try {
      URI uri = new URI(origin.strip());
      String host = uri.getHost();
      return "http".equalsIgnoreCase(uri.getScheme()) && host != null
          && LOCAL_NAMES.contains(host.toLowerCase(Locale.ROOT))
          && uri.getPort() == ourPort
          && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
          && uri.getRawUserInfo() == null && uri.getRawQuery() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean isJson(String type) {
    if (type == null) {
      return false;
    }
    int semi = type.indexOf(';');
    String base = (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    return base.equals("application/json");
  }

  private static boolean loopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
