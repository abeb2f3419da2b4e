package dev.deskcc.sim.mail;

import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.sim.mail.DeliveryReport.Action;
import dev.deskcc.sim.mail.DeliveryReport.Recipient;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@code multipart/report; report-type=delivery-status} message (RFC 3464, RFC 6533) into
 * a {@link DeliveryReport}, with Jakarta Mail: the report's parts through {@link MimeMultipart},
 * and each block of the delivery-status body, and the original's header section, through {@link
 * InternetHeaders}.
 *
 * <p>Never fails: what cannot be read is left out (a broken report has no recipients), because a
 * report is dropped whatever it holds and must never cost the sender a server error.
 */
final class DeliveryReportReader {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryReportReader.class);

  private static final Set<String> STATUS_TYPES = Set.of("message/delivery-status", "message/global-delivery-status");
  /** The parts that carry the original's header section (RFC 6533 adds the UTF-8 two). */
  private static final Set<String> ORIGINAL_TYPES =
      Set.of("text/rfc822-headers", "message/rfc822", "message/global-headers", "message/global");
  /** RFC 3463 status codes: class.subject.detail. */
  private static final Pattern STATUS = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");
  /** RFC 6533 utf-8-addr-xtext escapes, {@code \x{HEX}}. */
  private static final Pattern UTF8_ESCAPE = Pattern.compile("\\\\x\\{([0-9A-Fa-f]{1,6})\\}");

  private DeliveryReportReader() {}

  /** The report the message carries; the caller has checked that it is one. */
  static DeliveryReport read(MimeMessage message) {
    MimeMultipart report;
    int count;
    try {
      report = new MimeMultipart(new MimePartDataSource(message));
      count = report.getCount();
    } catch (MessagingException e) {
      LOG.debug("a delivery report's parts cannot be read: {}", e.getMessage());
      return new DeliveryReport(null, List.of());
    }
    List<Recipient> recipients = null;
    String originalId = null;
    boolean originalSeen = false;
    for (int i = 0; i < count; i++) {
      try {
        MimeBodyPart part = (MimeBodyPart) report.getBodyPart(i);
        String type = baseType(part);
        if (recipients == null && STATUS_TYPES.contains(type)) {
          recipients = recipients(content(part));
        } else if (!originalSeen && ORIGINAL_TYPES.contains(type)) {
          originalSeen = true;
          originalId = messageId(new InternetHeaders(content(part), true));
        }
      } catch (MessagingException | IOException e) {
        LOG.debug("part {} of a delivery report cannot be read: {}", i + 1, e.getMessage());
      }
    }
    return new DeliveryReport(originalId, recipients == null ? List.of() : recipients);
  }

  private static String baseType(MimeBodyPart part) throws MessagingException {
    String header = part.getContentType();
    try {
      return header == null ? "text/plain" : new ContentType(header).getBaseType().toLowerCase(Locale.ROOT);
    } catch (ParseException e) {
      return "application/octet-stream";
    }
  }

  /**
   * The part's content with its transfer encoding undone. Jakarta Mail leaves a {@code message/*}
   * part encoded (RFC 2046 forbids encoding one), but report writers base64 the delivery status
   * all the same.
   */
  private static InputStream content(MimeBodyPart part) throws MessagingException, IOException {
    String encoding = part.getEncoding();
    InputStream raw = part.getRawInputStream();
    if (encoding == null) {
      return raw;
    }
    String e = encoding.strip().toLowerCase(Locale.ROOT);
    if (e.equals("base64") || e.equals("quoted-printable")) {
      // read it all here: a decoding error then surfaces now, as an IOException for this part
      return new ByteArrayInputStream(MimeUtility.decode(raw, e).readAllBytes());
    }
    return raw;
  }

  /** The per-recipient blocks: the blocks that name a recipient, wherever they stand. */
  private static List<Recipient> recipients(InputStream in) throws MessagingException, IOException {
    // buffered, so that end of content is seen between blocks: InternetHeaders reads one block
    // and the blank line that ends it, no further
    ByteArrayInputStream body = new ByteArrayInputStream(in.readAllBytes());
    List<Recipient> result = new ArrayList<>();
    while (body.available() > 0 && result.size() < MailParser.MAX_RECIPIENTS) {
      // UTF-8 for every report: RFC 6533's global one is UTF-8, and an RFC 3464 one with raw
      // 8-bit bytes was written by the same kind of mail program
      InternetHeaders block = new InternetHeaders(body, true);
      recipient(block).ifPresent(result::add);
    }
    return result;
  }

  private static Optional<Recipient> recipient(InternetHeaders block) {
    Optional<EmailAddress> address = address(block.getHeader("Final-Recipient", null))
        .or(() -> address(block.getHeader("Original-Recipient", null)));
    if (address.isEmpty()) {
      // the per-message block, or a recipient of another address type
      return Optional.empty();
    }
    String actionText = value(block, "Action").map(AutomatedMail::keyword).orElse("");
    String status = value(block, "Status").map(DeliveryReportReader::status).orElse(null);
    String diagnostic = value(block, "Diagnostic-Code").map(DeliveryReportReader::afterType).orElse(null);
    return Optional.of(new Recipient(address.get(), Action.of(actionText), actionText, status, diagnostic));
  }

  private static Optional<String> value(InternetHeaders block, String name) {
    String value = block.getHeader(name, null);
    return value == null ? Optional.empty() : Optional.of(MimeUtility.unfold(value).replaceAll("\\s+", " ").strip());
  }

  /** {@code rfc822; ann@example.org} (or {@code utf-8; …} in RFC 6533) as an address. */
  private static Optional<EmailAddress> address(String field) {
    if (field == null) {
      return Optional.empty();
    }
    String value = MimeUtility.unfold(field).strip();
    int semi = value.indexOf(';');
    if (semi < 0) {
      return Optional.empty();
    }
    String type = value.substring(0, semi).strip().toLowerCase(Locale.ROOT);
    String address = value.substring(semi + 1).strip();
    if (address.startsWith("<") && address.endsWith(">")) {
      address = address.substring(1, address.length() - 1).strip();
    }
    return switch (type) {
      case "rfc822" -> EmailAddress.tryParse(address);
      case "utf-8" -> EmailAddress.tryParse(unescapeUtf8(address));
      default -> Optional.empty();
    };
  }

  private static String unescapeUtf8(String address) {
    Matcher m = UTF8_ESCAPE.matcher(address);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int code = Integer.parseInt(m.group(1), 16);
      m.appendReplacement(out, Matcher.quoteReplacement(
          Character.isValidCodePoint(code) ? Character.toString(code) : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String status(String value) {
    Matcher m = STATUS.matcher(value);
    if (m.find()) {
      return m.group();
    }
    String keyword = value.replaceAll("\\(.*", "").strip();
    return keyword.isEmpty() ? null : keyword;
  }

  /** {@code smtp; 550 5.1.1 …} without its diagnostic type. */
  private static String afterType(String value) {
    int semi = value.indexOf(';');
    String text = (semi < 0 ? value : value.substring(semi + 1)).strip();
    return text.isEmpty() ? null : text;
  }

  private static String messageId(InternetHeaders headers) {
    String value = headers.getHeader("Message-ID", null);
    if (value == null) {
      return null;
    }
    Matcher m = MailParser.MESSAGE_ID.matcher(MimeUtility.unfold(value));
    return m.find() ? m.group() : null;
  }
}
