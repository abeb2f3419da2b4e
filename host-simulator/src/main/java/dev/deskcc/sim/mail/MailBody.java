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
 *
 * <p>A part that cannot be read (an unknown transfer encoding aside, which is read as it is) never
 * loses the message: it is kept as well as it can be (undecoded bytes, or the multipart's raw text)
 * and named in {@link #notes()}, and the parser then attaches the original message.
 */
final class MailBody {
  /** The transfer encodings that mean a decoding (RFC 2045 and the uuencode names Jakarta Mail knows). */
  private static final Set<String> DECODED_ENCODINGS =
      Set.of("base64", "quoted-printable", "uuencode", "x-uuencode", "x-uue");

  private String plain;
  private String html;
  private final List<MailAttachment> attachments = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private int leaves;

  private MailBody() {}

  /** Walks the message's parts; never fails, whatever the parts hold. */
  static MailBody of(Part message) {
    MailBody body = new MailBody();
    body.collect(message, 0, "");
    return body;
  }

  /** What could not be read, one phrase per problem; empty when everything was read. */
  List<String> notes() {
    return notes;
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

  private void collect(Part part, int depth, String parentType) {
    ContentType type;
    try {
      type = contentType(part, parentType);
    } catch (MessagingException e) {
      notes.add("a part's header could not be read (" + e.getMessage() + ")");
      return;
    }
    String baseType = type.getBaseType().toLowerCase(Locale.ROOT);
    if (type.getPrimaryType().equalsIgnoreCase("multipart")) {
      if (depth >= MailParser.MAX_MIME_DEPTH) {
        notes.add("multiparts nested deeper than " + MailParser.MAX_MIME_DEPTH + " levels were not opened");
        return;
      }
      Multipart multipart;
      int count;
      try {
        multipart = multipart(part, baseType);
        count = multipart.getCount();
      } catch (MessagingException | IOException | MailParseException e) {
        notes.add("the " + baseType + " could not be split into parts (" + e.getMessage() + ")");
        keepUnsplit(part);
        return;
      }
      for (int i = 0; i < count; i++) {
        try {
          collect(multipart.getBodyPart(i), depth + 1, baseType);
        } catch (MessagingException e) {
          notes.add("part " + (i + 1) + " of a " + baseType + " could not be read (" + e.getMessage() + ")");
        }
      }
      return;
    }
    leaves++;
    try {
      leaf(part, type, baseType);
    } catch (MessagingException | IOException e) {
      notes.add("part " + leaves + " (" + baseType + ") could not be read (" + e.getMessage() + ")");
    }
  }

  /** A multipart without readable boundaries: its raw text is what the sender wrote. */
  private void keepUnsplit(Part part) {
    try {
      byte[] raw = part instanceof MimeBodyPart b ? b.getRawInputStream().readAllBytes()
          : part instanceof jakarta.mail.internet.MimeMessage m ? m.getRawInputStream().readAllBytes() : new byte[0];
      if (plain == null) {
        plain = new String(raw, StandardCharsets.UTF_8);
      }
    } catch (MessagingException | IOException e) {
      notes.add("its raw text could not be read either (" + e.getMessage() + ")");
    }
  }

  private void leaf(Part part, ContentType type, String baseType) throws MessagingException, IOException {
    String fileName = fileName(part);
    boolean attachment = fileName != null || Part.ATTACHMENT.equalsIgnoreCase(disposition(part))
        || LenientParameters.disposition(part).equalsIgnoreCase(Part.ATTACHMENT);
    if (!attachment && baseType.equals("text/plain") && plain == null) {
      plain = text(part, type);
    } else if (!attachment && baseType.equals("text/html") && html == null) {
      html = text(part, type);
    } else if (attachment
        || type.getPrimaryType().equalsIgnoreCase("image")
        || baseType.equals("message/rfc822")) {
      String name = fileName != null ? fileName : generatedName(type, attachments.size() + 1);
      attachments.add(new MailAttachment(name, baseType, bytes(part, "the attachment " + name)));
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

  private static ContentType contentType(Part part, String parentType) throws MessagingException {
    String header = part.getContentType();
    if (header == null || part.getHeader("Content-Type") == null && part instanceof MimeBodyPart) {
      // RFC 2046 section 5.1.5: a digest's parts are messages unless they say otherwise.
      return parentType.equals("multipart/digest")
          ? new ContentType("message", "rfc822", null)
          : new ContentType("text", "plain", null);
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
      name = null;
    }
    if (name == null) {
      // Parameters Jakarta Mail's parser refuses: an unquoted name with spaces or an encoded-word.
      name = LenientParameters.fileName(part).orElse(null);
    }
    if (name == null) {
      return null;
    }
    name = rawUtf8(name);
    if (name.indexOf('\uFFFD') >= 0) {
      // Bytes that are not UTF-8 (nor declared otherwise): no name rather than a garbled one; the
      // part is kept under a generated name.
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

  /**
   * A part's header is read byte by byte as ISO-8859-1; raw 8-bit bytes in a name are UTF-8 from
   * every mail program that writes them (RFC 6532), so they are read again as UTF-8 when they are
   * valid UTF-8.
   */
  private static String rawUtf8(String name) {
    if (name.chars().noneMatch(c -> c >= 0x80) || name.chars().anyMatch(c -> c > 0xff)) {
      return name;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .decode(java.nio.ByteBuffer.wrap(name.getBytes(StandardCharsets.ISO_8859_1))).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return name;
    }
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

  private String text(Part part, ContentType type) throws MessagingException, IOException {
    byte[] bytes = bytes(part, "the " + type.getBaseType().toLowerCase(Locale.ROOT) + " text");
    return new String(bytes, MailCharsets.forName(type.getParameter("charset")));
  }



  /**
   * The part's decoded content. An unknown transfer encoding ({@code 7-bit}, {@code 8bits}) is read
   * as it is; content that does not decode is kept undecoded, and a note names it.
   */
  private byte[] bytes(Part part, String what) throws MessagingException, IOException {
    if (part instanceof MimePart mime) {
      String encoding = encoding(mime);
      if (encoding.equals("base64")) {
        Optional<byte[]> decoded = Base64Content.decode(mime);
        if (decoded.isPresent()) {
          return decoded.get();
        }
      }
      if (!DECODED_ENCODINGS.contains(encoding)) {
        // Nothing to decode (or an encoding no one defined): the raw bytes are the content.
        try (InputStream in = raw(mime)) {
          return in.readAllBytes();
        }
      }
      try (InputStream in = part.getInputStream()) {
        return in.readAllBytes();
      } catch (IOException e) {
        notes.add(what + " is not valid " + encoding + " (" + e.getMessage() + ") and is kept undecoded");
        try (InputStream in = raw(mime)) {
          return in.readAllBytes();
        }
      }
    }
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    }
  }

  private static InputStream raw(MimePart part) throws MessagingException {
    return part instanceof MimeBodyPart body ? body.getRawInputStream()
        : ((jakarta.mail.internet.MimeMessage) part).getRawInputStream();
  }

  /** The transfer encoding, lower case; "" when none is declared. */
  private static String encoding(MimePart part) throws MessagingException {
    String encoding = part.getEncoding();
    return encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
  }
}
