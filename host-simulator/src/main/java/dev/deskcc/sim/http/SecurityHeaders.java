package dev.deskcc.sim.http;

import io.javalin.http.Context;

/**
 * The headers every answer carries, console pages and API answers alike (one policy, so no route
 * can be forgotten): the console's own files are its only scripts, styles and images (no inline
 * code, which is what an injected string would need), no page may frame it (clickjacking of the
 * admin's buttons), no answer is content-sniffed into something runnable, and no address of the
 * console (its hash names tickets) leaks to another site as a referrer. {@code form-action 'self'}
 * keeps the unsubscribe page's form working.
 */
final class SecurityHeaders {
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
      + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  static void apply(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
  }
}
