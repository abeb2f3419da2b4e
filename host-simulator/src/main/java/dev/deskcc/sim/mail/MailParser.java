package dev.deskcc.sim.mail;

import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.InvalidEmailAddressException;
import dev.deskcc.sim.mail.MailParseException.Code;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses raw inbound RFC 5322 messages with Jakarta Mail into {@link ParsedMail}.
 *
 * <p>Refuses (with {@link MailParseException}) what cannot be a message from someone: no header
 * section, no valid From, more than {@link #MAX_MESSAGE_BYTES}, or header/recipient counts beyond
 * the limits that protect the host. Individual bad addresses in To/Cc are skipped, not fatal:
 * one typo in a Cc line must not lose the customer's reply.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class MailParser {

  /** 25 MiB: the largest raw message accepted. */
  public static final int MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

  /** Header fields (a folded field counts once) allowed in the top-level header section. */
  public static final int MAX_HEADER_FIELDS = 1_000;

  /** Bytes allowed in the top-level header section. */
  public static final int MAX_HEADER_BYTES = 1024 * 1024;

  /** Addresses allowed across To, Cc, Bcc, Delivered-To and X-Original-To together. */
  public static final int MAX_RECIPIENTS = 500;

  /** Nesting depth of multiparts; deeper structures are not mail people write. */
  static final int MAX_MIME_DEPTH = 20;

  private static final Logger LOG = LoggerFactory.getLogger(MailParser.class);
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
  private static final Pattern HEADER_NAME = Pattern.compile("[\\x21-\\x39\\x3b-\\x7e]+");
  private static final Set<String> LIST_PRECEDENCE = Set.of("bulk", "junk", "list");

  private final Session session;

  public MailParser() {
    Properties props = new Properties();
    // Real mail carries RFC 2047 words in file names and RFC 2231 parameters; decode both.
    props.setProperty("mail.mime.decodefilename", "true");
    props.setProperty("mail.mime.decodeparameters", "true");
    // SMTPUTF8 senders put raw UTF-8 in headers.
    props.setProperty("mail.mime.allowutf8", "true");
    props.setProperty("mail.mime.address.strict", "false");
    this.session = Session.getInstance(props);
  }

  /**
   * Parses one message.
   *
   * @throws MailParseException {@code MESSAGE_TOO_LARGE} above 25 MiB, otherwise {@code
   *     MALFORMED_MESSAGE} with a detail naming the problem
   */
  public ParsedMail parse(byte[] raw) throws MailParseException {
    if (raw == null || raw.length == 0) {
      throw malformed("the message is empty");
    }
    if (raw.length > MAX_MESSAGE_BYTES) {
      throw new MailParseException(
          Code.MESSAGE_TOO_LARGE,
          "the message has " + raw.length + " bytes; at most " + MAX_MESSAGE_BYTES + " are accepted");
    }
    int start = skipMboxEnvelopeLine(raw);
    checkHeaderSection(raw, start);
    MimeMessage message;
    try {
      message = new MimeMessage(session, new SharedByteArrayInputStream(raw, start, raw.length - start));
    } catch (MessagingException e) {
      throw malformed("the message cannot be read: " + e.getMessage(), e);
    }
    try {
      return toParsedMail(message);
    } catch (MessagingException | IOException e) {
      throw malformed("the message structure is broken: " + e.getMessage(), e);
    }
  }

  private ParsedMail toParsedMail(MimeMessage message)
      throws MessagingException, IOException, MailParseException {
    List<InternetAddress> toRaw = addressHeader(message, "To");
    List<InternetAddress> ccRaw = addressHeader(message, "Cc");
    List<InternetAddress> envelopeRaw = new ArrayList<>(addressHeader(message, "Delivered-To"));
    envelopeRaw.addAll(addressHeader(message, "X-Original-To"));
    int total = toRaw.size() + ccRaw.size() + envelopeRaw.size() + addressHeader(message, "Bcc").size();
    if (total > MAX_RECIPIENTS) {
      throw malformed(
          "the message names " + total + " recipients; at most " + MAX_RECIPIENTS + " are accepted");
    }
    EmailAddress from = from(message);
    Body body = new Body();
    collect(message, body, 0);
    return new ParsedMail(
        from,
        valid(toRaw, "To"),
        valid(ccRaw, "Cc"),
        dedup(valid(envelopeRaw, "envelope")),
        subject(message),
        messageId(message),
        references(message),
        autoSubmitted(message),
        body.text(),
        body.attachments);
  }

  // ---- header section ----

  /** An mbox "From " envelope line is not a header; tolerate it as the first line. */
  private static int skipMboxEnvelopeLine(byte[] raw) {
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
  private static void checkHeaderSection(byte[] raw, int start) throws MailParseException {
    ByteArrayInputStream in = new ByteArrayInputStream(raw, start, raw.length - start);
    InternetHeaders headers;
    try {
      headers = new InternetHeaders(in, true);
    } catch (MessagingException e) {
      throw malformed("the header section cannot be read: " + e.getMessage(), e);
    }
    long headerBytes = (raw.length - start) - in.available();
    if (headerBytes > MAX_HEADER_BYTES) {
      throw malformed(
          "the header section has " + headerBytes + " bytes; at most " + MAX_HEADER_BYTES + " are accepted");
    }
    int fields = 0;
    for (var lines = headers.getAllHeaderLines(); lines.hasMoreElements(); ) {
      String line = lines.nextElement();
      fields++;
      if (fields > MAX_HEADER_FIELDS) {
        throw malformed("the message has more than " + MAX_HEADER_FIELDS + " header fields");
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || !HEADER_NAME.matcher(line.substring(0, colon)).matches()) {
        throw malformed(
            fields == 1
                ? "no header section: the message does not start with a header field"
                : "header line " + fields + " is not a header field: " + excerpt(line));
      }
    }
    if (fields == 0) {
      throw malformed("no header section: the message does not start with a header field");
    }
  }

  private static List<InternetAddress> addressHeader(MimeMessage message, String name)
      throws MessagingException {
    String[] values = message.getHeader(name);
    if (values == null) {
      return List.of();
    }
    List<InternetAddress> result = new ArrayList<>();
    for (String value : values) {
      String unfolded = MimeUtility.unfold(value).strip();
      if (unfolded.isEmpty()) {
        continue;
      }
      InternetAddress[] parsed;
      try {
        parsed = InternetAddress.parseHeader(unfolded, false);
      } catch (AddressException e) {
        // The whole field is unreadable (unbalanced quote or bracket): skip it, keep the message.
        LOG.debug("skipping unreadable {} header {}: {}", name, excerpt(unfolded), e.getMessage());
        continue;
      }
      for (InternetAddress address : parsed) {
        if (address.isGroup()) {
          try {
            Collections.addAll(result, address.getGroup(false));
          } catch (AddressException e) {
            LOG.debug("skipping unreadable group in {}: {}", name, e.getMessage());
          }
        } else {
          result.add(address);
        }
      }
    }
    return result;
  }

  private static List<EmailAddress> valid(List<InternetAddress> addresses, String field) {
    List<EmailAddress> result = new ArrayList<>(addresses.size());
    for (InternetAddress address : addresses) {
      try {
        result.add(EmailAddress.of(address, address.toString()));
      } catch (InvalidEmailAddressException e) {
        LOG.debug("skipping invalid {} address {}: {}", field, address, e.getMessage());
      }
    }
    return result;
  }

  private static List<EmailAddress> dedup(List<EmailAddress> addresses) {
    return List.copyOf(new LinkedHashSet<>(addresses));
  }

  private static EmailAddress from(MimeMessage message) throws MessagingException, MailParseException {
    List<InternetAddress> from = addressHeader(message, "From");
    if (from.isEmpty()) {
      throw malformed(message.getHeader("From") == null
          ? "the message has no From header"
          : "the From header holds no readable address");
    }
    // A From with several mailboxes names co-authors; the first is the one we answer.
    InternetAddress first = from.get(0);
    try {
      return EmailAddress.of(first, first.toString());
    } catch (InvalidEmailAddressException e) {
      throw malformed("the From address is not valid: " + e.getMessage(), e);
    }
  }

  private static String subject(MimeMessage message) throws MessagingException {
    String subject = message.getSubject();
    return subject == null ? "" : subject.replaceAll("[\\r\\n]+", " ").strip();
  }

  private static String messageId(MimeMessage message) throws MessagingException {
    String value = message.getHeader("Message-ID", null);
    if (value == null) {
      return null;
    }
    Matcher m = MESSAGE_ID.matcher(MimeUtility.unfold(value));
    return m.find() ? m.group() : null;
  }

  private static List<String> references(MimeMessage message) throws MessagingException {
    Set<String> ids = new LinkedHashSet<>();
    for (String header : List.of("In-Reply-To", "References")) {
      String[] values = message.getHeader(header);
      if (values == null) {
        continue;
      }
      for (String value : values) {
        Matcher m = MESSAGE_ID.matcher(MimeUtility.unfold(value));
        while (m.find()) {
          ids.add(m.group());
        }
      }
    }
    return List.copyOf(ids);
  }

  private static boolean autoSubmitted(MimeMessage message) throws MessagingException {
    String auto = message.getHeader("Auto-Submitted", null);
    if (auto != null && !"no".equals(keyword(auto))) {
      return true;
    }
    String precedence = message.getHeader("Precedence", null);
    return precedence != null && LIST_PRECEDENCE.contains(keyword(precedence));
  }

  /** The leading keyword of a structured field, without parameters or comments. */
  private static String keyword(String value) {
    String v = MimeUtility.unfold(value);
    int cut = v.length();
    for (char stop : new char[] {';', '('}) {
      int i = v.indexOf(stop);
      if (i >= 0) {
        cut = Math.min(cut, i);
      }
    }
    return v.substring(0, cut).strip().toLowerCase(Locale.ROOT);
  }

  // ---- body ----

  private static final class Body {
    String plain;
    String html;
    final List<MailAttachment> attachments = new ArrayList<>();

    String text() {
      if (plain != null) {
        return plain;
      }
      return html == null ? "" : HtmlText.toText(html);
    }
  }

  private void collect(Part part, Body body, int depth)
      throws MessagingException, IOException, MailParseException {
    if (depth > MAX_MIME_DEPTH) {
      throw malformed("multiparts are nested deeper than " + MAX_MIME_DEPTH + " levels");
    }
    ContentType type = contentType(part);
    String baseType = type.getBaseType().toLowerCase(Locale.ROOT);
    if (type.getPrimaryType().equalsIgnoreCase("multipart")) {
      Object content = part.getContent();
      if (!(content instanceof Multipart multipart)) {
        throw malformed("a " + baseType + " part has no readable parts");
      }
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, body, depth + 1);
      }
      return;
    }
    String fileName = fileName(part);
    boolean attachment = fileName != null || Part.ATTACHMENT.equalsIgnoreCase(disposition(part));
    if (!attachment && baseType.equals("text/plain") && body.plain == null) {
      body.plain = text(part, type);
    } else if (!attachment && baseType.equals("text/html") && body.html == null) {
      body.html = text(part, type);
    } else if (attachment
        || type.getPrimaryType().equalsIgnoreCase("image")
        || baseType.equals("message/rfc822")) {
      String name = fileName != null ? fileName : generatedName(type, body.attachments.size() + 1);
      body.attachments.add(new MailAttachment(name, baseType, bytes(part)));
    }
    // Other unnamed inline parts (a second text/plain alternative, calendar stubs) are not content.
  }

  private static ContentType contentType(Part part) throws MessagingException {
    String header = part.getContentType();
    if (header == null) {
      return new ContentType("text", "plain", null);
    }
    try {
      return new ContentType(header);
    } catch (ParseException e) {
      // An unreadable Content-Type means the part is opaque data (RFC 2045 says text/plain, but
      // bytes we cannot classify are safer kept than shown as text).
      return new ContentType("application", "octet-stream", null);
    }
  }

  private static String disposition(Part part) {
    try {
      return part.getDisposition();
    } catch (MessagingException e) {
      return null;
    }
  }

  private static String fileName(Part part) {
    String name;
    try {
      name = part.getFileName();
    } catch (MessagingException e) {
      return null;
    }
    if (name == null) {
      return null;
    }
    try {
      // Some senders encode the name even where decodefilename does not reach (quoted words).
      name = MimeUtility.decodeText(name);
    } catch (UnsupportedEncodingException e) {
      // Keep the name as written.
    }
    // Never let a sender pick a path.
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1).replaceAll("\\p{Cntrl}", "").strip();
    return name.isEmpty() || name.equals(".") || name.equals("..") ? null : name;
  }

  private static String generatedName(ContentType type, int n) {
    String sub = type.getSubType() == null ? "bin" : type.getSubType().toLowerCase(Locale.ROOT);
    String ext = switch (sub) {
      case "jpeg", "pjpeg" -> "jpg";
      case "rfc822" -> "eml";
      case "svg+xml" -> "svg";
      case "octet-stream" -> "bin";
      default -> sub.replaceAll("[^a-z0-9]", "");
    };
    return (type.getPrimaryType().equalsIgnoreCase("image") ? "image-" : "attachment-") + n + "." + ext;
  }

  private static String text(Part part, ContentType type) throws MessagingException, IOException {
    byte[] bytes = bytes(part);
    return new String(bytes, charset(type.getParameter("charset")));
  }

  private static Charset charset(String declared) {
    if (declared == null || declared.isBlank()) {
      // RFC 2045 says US-ASCII; UTF-8 is a superset that also reads undeclared 8-bit UTF-8 mail.
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(MimeUtility.javaCharset(declared.strip()));
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  private static byte[] bytes(Part part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    }
  }

  // ---- helpers ----

  private static String excerpt(String s) {
    String clean = s.replaceAll("\\p{Cntrl}", " ");
    return clean.length() <= 60 ? clean : clean.substring(0, 60) + "…";
  }

  private static MailParseException malformed(String detail) {
    return new MailParseException(Code.MALFORMED_MESSAGE, detail);
  }

  private static MailParseException malformed(String detail, Throwable cause) {
    return new MailParseException(Code.MALFORMED_MESSAGE, detail, cause);
  }

}
