package dev.deskcc.sim.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler, for what it refuses before a route runs (a bad request line or escape,
 * {@code %00}, a URI or header section too large, an unknown HTTP version): a problem document with
 * the stable code of its status, never the HTML page nor a stack trace. The detail is fixed per
 * status, so nothing of the request is echoed back.
 */
final class ServerErrors extends ErrorHandler {
  private static final HttpField PROBLEM_TYPE = new HttpField(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
  private final Problems problems;

  ServerErrors(Problems problems) {
    this.problems = problems;
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    response.getHeaders().put(PROBLEM_TYPE);
    response.write(true, ByteBuffer.wrap(body(code)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(PROBLEM_TYPE);
    return ByteBuffer.wrap(body(status));
  }

  private byte[] body(int status) {
    return problems.document(status, detail(status));
  }

  private static String detail(int status) {
    return switch (status) {
      case 400 -> "the request is malformed (request line, URL escape or header)";
      case 414 -> "the request URI is too long";
      case 431 -> "the request's header section is too large";
      case 505 -> "only HTTP/1.0 and HTTP/1.1 are served";
      default -> "the server refused the request before any route";
    };
  }
}
