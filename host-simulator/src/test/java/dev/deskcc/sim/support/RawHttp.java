package dev.deskcc.sim.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP over a plain socket, for what no client library lets a test send: a foreign {@code Host},
 * a broken chunked body, a bad request line. One request per connection ({@code Connection: close}
 * is the caller's to write).
 */
public final class RawHttp {
  private RawHttp() {}

  /** One answer: the status, the header section as text, the body as text. */
  public record Answer(int status, String head, String body) {
    public String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }

    public String contentType() {
      String t = header("Content-Type");
      return t == null ? null : t.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
      return head + "\r\n\r\n" + body;
    }
  }

  public static Answer send(int port, String request) {
    return send(port, request.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes the bytes, reads until the server closes; a chunked answer is left as sent. */
  public static Answer send(int port, byte[] request) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(15_000);
      s.getOutputStream().write(request);
      s.getOutputStream().flush();
      s.shutdownOutput();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      InputStream in = s.getInputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String head = end < 0 ? text : text.substring(0, end);
      String body = end < 0 ? "" : text.substring(end + 4);
      int status = Integer.parseInt(head.split(" ", 3)[1]);
      return new Answer(status, head, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
