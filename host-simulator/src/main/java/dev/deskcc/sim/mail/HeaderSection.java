package dev.deskcc.sim.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.util.regex.Pattern;

/**
 * The top-level header section of a raw message, read alone before the full parse: so that the
 * limits apply early and garbage that is not a message is recognised by its first line.
 */
final class HeaderSection {
  private static final Pattern HEADER_NAME = Pattern.compile("[\\x21-\\x39\\x3b-\\x7e]+");

  private HeaderSection() {}

  /** An mbox "From " envelope line is not a header; tolerate it as the first line. */
  static int skipMboxEnvelopeLine(byte[] raw) {
    if (raw.length > 5 && raw[0] == 'F' && raw[1] == 'r' && raw[2] == 'o' && raw[3] == 'm' && raw[4] == ' ') {
      for (int i = 5; i < raw.length; i++) {
        if (raw[i] == '\n') {
          return i + 1;
        }
      }
    }
    return 0;
  }

  /**
   * Reads the top-level header section alone, before the full parse, so that limits apply and
   * garbage that is not a message is recognised by its first line.
   */
  static void check(byte[] raw, int start) throws MailParseException {
    ByteArrayInputStream in = new ByteArrayInputStream(raw, start, raw.length - start);
    InternetHeaders headers;
    try {
      headers = new InternetHeaders(in, true);
    } catch (MessagingException e) {
      throw MailParseException.malformed("the header section cannot be read: " + e.getMessage(), e);
    }
    long headerBytes = (raw.length - start) - in.available();
    if (headerBytes > MailParser.MAX_HEADER_BYTES) {
      throw MailParseException.malformed(
          "the header section has " + headerBytes + " bytes; at most " + MailParser.MAX_HEADER_BYTES + " are accepted");
    }
    int fields = 0;
    for (var lines = headers.getAllHeaderLines(); lines.hasMoreElements(); ) {
      String line = lines.nextElement();
      fields++;
      if (fields > MailParser.MAX_HEADER_FIELDS) {
        throw MailParseException.malformed("the message has more than " + MailParser.MAX_HEADER_FIELDS + " header fields");
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || !HEADER_NAME.matcher(line.substring(0, colon)).matches()) {
        throw MailParseException.malformed(
            fields == 1
                ? "no header section: the message does not start with a header field"
                : "header line " + fields + " is not a header field: " + excerpt(line));
      }
    }
    if (fields == 0) {
      throw MailParseException.malformed("no header section: the message does not start with a header field");
    }
  }

  /** A header value shortened and cleaned for a message or a log line. */
  static String excerpt(String s) {
    String clean = s.replaceAll("\\p{Cntrl}", " ");
    return clean.length() <= 60 ? clean : clean.substring(0, 60) + "…";
  }
}
