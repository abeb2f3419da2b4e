package dev.deskcc.sim.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The content of a message, walked through its MIME parts: the first plain-text part (else the
 * first HTML part, as text) and the attachments, with safe file names.
 */
final class MailBody {
  /** Transfer encodings that leave the content as it is (RFC 2045 section 6.2); "" is none declared. */
  private static final Set<String> IDENTITY_ENCODINGS = Set.of("", "7bit", "8bit", "binary");

  private String plain;
  private String html;
  private final List<MailAttachment> attachments = new ArrayList<>();

  private MailBody() {}

  /** Walks the message's parts. */
  static MailBody of(Part message) throws MessagingException, IOException, MailParseException {
    MailBody body = new MailBody();
    body.collect(message, 0);
    return body;
  }

  String text() {
    if (plain != null) {
      return plain;
    }
    return html == null ? "" : HtmlText.toText(html);
  }

  List<MailAttachment> attachments() {
    return attachments;
  }

  private void collect(Part part, int depth)
      throws MessagingException, IOException, MailParseException {
    if (depth > MailParser.MAX_MIME_DEPTH) {
      throw MailParseException.malformed("multiparts are nested deeper than " + MailParser.MAX_MIME_DEPTH + " levels");
    }
    ContentType type = contentType(part);
    String baseType = type.getBaseType().toLowerCase(Locale.ROOT);
    if (type.getPrimaryType().equalsIgnoreCase("multipart")) {
      Multipart multipart = multipart(part, baseType);
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, depth + 1);
      }
      return;
    }
    String fileName = fileName(part);
    boolean attachment = fileName != null || Part.ATTACHMENT.equalsIgnoreCase(disposition(part));
    if (!attachment && baseType.equals("text/plain") && plain == null) {
      plain = text(part, type);
    } else if (!attachment && baseType.equals("text/html") && html == null) {
      html = text(part, type);
    } else if (attachment
        || type.getPrimaryType().equalsIgnoreCase("image")
        || baseType.equals("message/rfc822")) {
      String name = fileName != null ? fileName : generatedName(type, attachments.size() + 1);
      attachments.add(new MailAttachment(name, baseType, bytes(part)));
    }
    // Other unnamed inline parts (a second text/plain alternative, calendar stubs) are not content.
  }

  /**
   * The parts of a multipart, built directly as Jakarta Mail's multipart handler builds them
   * ({@code new MimeMultipart(dataSource)}), without the look-up through the activation framework
   * that {@code getContent()} makes for every part.
   */
  private static Multipart multipart(Part part, String baseType) throws MessagingException, IOException, MailParseException {
    if (part instanceof MimePart mime) {
      return new MimeMultipart(new MimePartDataSource(mime));
    }
    if (part.getContent() instanceof Multipart multipart) {
      return multipart;
    }
    throw MailParseException.malformed("a " + baseType + " part has no readable parts");
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
    if (part instanceof MimePart mime) {
      String encoding = encoding(mime);
      if (encoding.equals("base64")) {
        Optional<byte[]> decoded = Base64Content.decode(mime);
        if (decoded.isPresent()) {
          return decoded.get();
        }
      } else if (IDENTITY_ENCODINGS.contains(encoding) && mime instanceof MimeBodyPart body) {
        // Nothing to decode: the raw bytes are the content (what getInputStream() would return,
        // after a round through the activation framework).
        try (InputStream in = body.getRawInputStream()) {
          return in.readAllBytes();
        }
      }
    }
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    }
  }

  /** The transfer encoding, lower case; "" when none is declared. */
  private static String encoding(MimePart part) throws MessagingException {
    String encoding = part.getEncoding();
    return encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
  }
}
