package dev.deskcc.sim.mail;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The top-level header section of a raw message, checked before anything else of the message is
 * read: so that the limits apply early and garbage that is not a message is recognised by its
 * first line.
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
   * Checks the top-level header section that Jakarta Mail has just read (the message's own header
   * parse, so the section is not read twice): the limits, and that it starts with a header field,
   * so that garbage that is not a message is recognised by its first line.
   *
   * <p>A later line that is not a header field (a wrapped line that lost its indentation, say) is
   * ignored and named in a note: the fields around it are still read, and the message is taken in.
   *
   * @param lines the section's header lines, as parsed
   * @param headerBytes the bytes the section took in the raw message
   * @return notes on the lines that were ignored
   */
  static List<String> check(Enumeration<String> lines, long headerBytes) throws MailParseException {
    List<String> notes = new ArrayList<>();
    if (headerBytes > MailParser.MAX_HEADER_BYTES) {
      throw MailParseException.malformed(
          "the header section has " + headerBytes + " bytes; at most " + MailParser.MAX_HEADER_BYTES + " are accepted");
    }
    int fields = 0;
    while (lines.hasMoreElements()) {
      String line = lines.nextElement();
      fields++;
      if (fields > MailParser.MAX_HEADER_FIELDS) {
        throw MailParseException.malformed("the message has more than " + MailParser.MAX_HEADER_FIELDS + " header fields");
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || !HEADER_NAME.matcher(line.substring(0, colon)).matches()) {
        if (fields == 1) {
          throw MailParseException.malformed("no header section: the message does not start with a header field");
        }
        notes.add("header line " + fields + " is not a header field and was ignored (" + excerpt(line) + ")");
      }
    }
    if (fields == 0) {
      throw MailParseException.malformed("no header section: the message does not start with a header field");
    }
    return notes;
  }

  /**
   * The raw bytes of the first field {@code name} (its value, folding kept) in the header section
   * {@code raw[from, to)}; empty when there is none. For what Jakarta Mail's header strings lose:
   * a byte that is not UTF-8 is read as U+FFFD there, whatever charset the field declares.
   */
  static java.util.Optional<byte[]> rawValue(byte[] raw, int from, int to, String name) {
    byte[] prefix = (name + ":").toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int line = from;
    while (line < to) {
      int end = line;
      while (end < to && raw[end] != '\n') {
        end++;
      }
      if (startsWithIgnoreCase(raw, line, end, prefix)) {
        int valueEnd = end;
        // continuation lines start with a space or a tab
        while (valueEnd + 1 < to && (raw[valueEnd + 1] == ' ' || raw[valueEnd + 1] == '\t')) {
          valueEnd++;
          while (valueEnd < to && raw[valueEnd] != '\n') {
            valueEnd++;
          }
        }
        return java.util.Optional.of(java.util.Arrays.copyOfRange(raw, line + prefix.length, Math.min(valueEnd, to)));
      }
      line = end + 1;
    }
    return java.util.Optional.empty();
  }

  private static boolean startsWithIgnoreCase(byte[] raw, int from, int end, byte[] prefix) {
    if (end - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (Character.toLowerCase(raw[from + i]) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** A header value shortened and cleaned for a message or a log line. */
  static String excerpt(String s) {
    String clean = s.replaceAll("\\p{Cntrl}", " ");
    return clean.length() <= 60 ? clean : clean.substring(0, 60) + "…";
  }
}
