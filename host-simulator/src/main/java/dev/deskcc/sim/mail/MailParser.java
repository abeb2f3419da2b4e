package dev.deskcc.sim.mail;

import dev.deskcc.api.lifecycle.InboundMail.InvalidRecipient;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.InvalidEmailAddressException;
import dev.deskcc.sim.mail.MailParseException.Code;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
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
 * section, no valid From, more than {@link #MAX_MESSAGE_BYTES}, or header counts beyond the limits
 * that protect the host. Individual bad addresses in To/Cc are not fatal: one typo in a Cc line
 * must not lose the customer's reply; they are carried as written, apart from the valid ones; nor is a message refused for naming many
 * recipients: beyond {@link #MAX_RECIPIENTS} they are ignored.
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

  /**
   * The To and Cc addresses taken in per message (To first, in header order; invalid ones count
   * too, as they are carried as written); any further ones are ignored, never a reason to refuse the mail. The same bound applies
   * to the envelope recipients (Delivered-To, X-Original-To).
   */
  public static final int MAX_RECIPIENTS = 500;

  /** Nesting depth of multiparts; deeper structures are not mail people write. */
  static final int MAX_MIME_DEPTH = 20;

  private static final Logger LOG = LoggerFactory.getLogger(MailParser.class);
  /** A Message-ID as written in a header: angle brackets and what they enclose. */
  static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

  private final Session session;

  public MailParser() {
    Properties props = new Properties();
    // Real mail carries RFC 2047 words in file names and RFC 2231 parameters; decode both.
    props.setProperty("mail.mime.decodefilename", "true");
    props.setProperty("mail.mime.decodeparameters", "true");
    // SMTPUTF8 senders put raw UTF-8 in headers.
    props.setProperty("mail.mime.allowutf8", "true");
    props.setProperty("mail.mime.address.strict", "false");
    // Mail programs write unquoted file names with spaces, encoded-words and raw 8-bit bytes in
    // parameters; the strict parser refuses those and the attachment would be lost.
    props.setProperty("mail.mime.parameters.strict", "false");
    props.setProperty("mail.mime.contentdisposition.strict", "false");
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
      throw MailParseException.malformed("the message is empty");
    }
    if (raw.length > MAX_MESSAGE_BYTES) {
      throw new MailParseException(
          Code.MESSAGE_TOO_LARGE,
          "the message has " + raw.length + " bytes; at most " + MAX_MESSAGE_BYTES + " are accepted");
    }
    int start = HeaderSection.skipMboxEnvelopeLine(raw);
    MessageBytes in = new MessageBytes(raw, start, raw.length - start);
    MimeMessage message;
    List<String> notes = new ArrayList<>();
    try {
      // Reads the header section only; the body is parsed when it is walked.
      message = new MimeMessage(session, in);
      notes.addAll(HeaderSection.check(message.getAllHeaderLines(), in.getPosition()));
    } catch (MessagingException e) {
      throw MailParseException.malformed("the header section cannot be read: " + e.getMessage(), e);
    }
    try {
      return toParsedMail(message, notes, raw, start, start + (int) in.getPosition());
    } catch (MessagingException e) {
      // Only the header fields are read outside MailBody's guarded walk; they parsed above.
      throw MailParseException.malformed("the header section cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * The name of the original message attached to an entry whose message had parts the desk could
   * not read: nothing a customer wrote is lost, and an agent can open it.
   */
  public static final String ORIGINAL_NAME = "original-message.eml";

  private ParsedMail toParsedMail(MimeMessage message, List<String> notes, byte[] raw, int start, int headerEnd)
      throws MessagingException, MailParseException {
    List<InternetAddress> toRaw = addressHeader(message, "To");
    List<InternetAddress> ccRaw = addressHeader(message, "Cc");
    List<InternetAddress> envelopeRaw = new ArrayList<>(addressHeader(message, "Delivered-To"));
    envelopeRaw.addAll(addressHeader(message, "X-Original-To"));
    EmailAddress from = from(message);
    Recipients recipients = recipients(toRaw, ccRaw);
    if (toRaw.size() + ccRaw.size() > MAX_RECIPIENTS) {
      LOG.debug("message names {} To/Cc addresses; {} taken in", toRaw.size() + ccRaw.size(), MAX_RECIPIENTS);
    }
    MailBody body = MailBody.of(message);
    notes.addAll(body.notes());
    List<MailAttachment> attachments = new ArrayList<>(body.attachments());
    String text = body.text();
    if (!notes.isEmpty()) {
      attachments.add(new MailAttachment(ORIGINAL_NAME, "message/rfc822",
          start == 0 ? raw : java.util.Arrays.copyOfRange(raw, start, raw.length)));
      text = text + (text.isEmpty() ? "" : "\n\n") + "[Parts of this message could not be read: "
          + String.join("; ", notes) + ". The original message is attached as " + ORIGINAL_NAME + ".]";
    }
    return new ParsedMail(
        from,
        recipients.to(),
        recipients.cc(),
        recipients.invalid(),
        dedup(valid(envelopeRaw, "envelope", MAX_RECIPIENTS)),
        subject(message, raw, start, headerEnd),
        messageId(message),
        references(message),
        AutomatedMail.isAutomated(message),
        text,
        attachments,
        AutomatedMail.isDeliveryReport(message) ? DeliveryReportReader.read(message) : null);
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
      List<InternetAddress> parsed = mailboxes(name, unfolded);
      if (unfolded.indexOf('(') >= 0 && !parsed.stream().allMatch(MailParser::usable)) {
        // RFC 5322 comments inside an address, which Jakarta Mail's parser does not take.
        parsed = mailboxes(name, AddressText.withoutComments(unfolded));
      }
      parsed.forEach(a -> result.add(AddressText.withoutRoute(a)));
    }
    return result;
  }

  private static List<InternetAddress> mailboxes(String name, String value) {
    InternetAddress[] parsed;
    try {
      parsed = InternetAddress.parseHeader(value, false);
    } catch (AddressException e) {
      // The whole field is unreadable (unbalanced quote or bracket): skip it, keep the message.
      LOG.debug("skipping unreadable {} header {}: {}", name, HeaderSection.excerpt(value), e.getMessage());
      return List.of();
    }
    List<InternetAddress> result = new ArrayList<>();
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
    return result;
  }

  private static boolean usable(InternetAddress address) {
    try {
      EmailAddress.of(AddressText.withoutRoute(address), address.toString());
      return true;
    } catch (InvalidEmailAddressException e) {
      return false;
    }
  }

  /** The To/Cc addresses taken in: valid ones by field, invalid ones with their place among all. */
  private record Recipients(List<EmailAddress> to, List<EmailAddress> cc, List<InvalidRecipient> invalid) {}

  /**
   * The first {@link #MAX_RECIPIENTS} To and then Cc addresses in header order, each either valid or
   * invalid. Invalid ones are kept as written, not dropped: the contract makes a plugin report every
   * recipient it skips, and one it never sees it cannot report. They count toward the limit, so a
   * header full of junk still cannot make the desk carry more than the limit.
   */
  private static Recipients recipients(List<InternetAddress> toRaw, List<InternetAddress> ccRaw) {
    List<EmailAddress> to = new ArrayList<>();
    List<EmailAddress> cc = new ArrayList<>();
    List<InvalidRecipient> invalid = new ArrayList<>();
    List<InternetAddress> all = new ArrayList<>(toRaw);
    all.addAll(ccRaw);
    for (int i = 0; i < all.size() && i < MAX_RECIPIENTS; i++) {
      InternetAddress address = all.get(i);
      try {
        (i < toRaw.size() ? to : cc).add(EmailAddress.of(address, address.toString()));
      } catch (InvalidEmailAddressException e) {
        LOG.debug("invalid {} address {}: {}", i < toRaw.size() ? "To" : "Cc", address, e.getMessage());
        String written = address.getAddress();
        invalid.add(new InvalidRecipient(written == null ? "" : written, i));
      }
    }
    return new Recipients(to, cc, invalid);
  }

  /** The first {@code limit} valid addresses, in order. */
  private static List<EmailAddress> valid(List<InternetAddress> addresses, String field, int limit) {
    List<EmailAddress> result = new ArrayList<>(Math.min(addresses.size(), limit));
    for (InternetAddress address : addresses) {
      if (result.size() >= limit) {
        break;
      }
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
      throw MailParseException.malformed(message.getHeader("From") == null
          ? "the message has no From header"
          : "the From header holds no readable address");
    }
    // A From with several mailboxes names co-authors; the first is the one we answer.
    InternetAddress first = from.get(0);
    try {
      return EmailAddress.of(first, first.toString());
    } catch (InvalidEmailAddressException e) {
      throw MailParseException.malformed("the From address is not valid: " + e.getMessage(), e);
    }
  }

  private static String subject(MimeMessage message, byte[] raw, int start, int headerEnd) throws MessagingException {
    String value = message.getHeader("Subject", null);
    if (value != null && value.indexOf('\uFFFD') >= 0) {
      // bytes that are not UTF-8: read them again from the raw section (MailCharsets.headerText)
      value = HeaderSection.rawValue(raw, start, headerEnd, "Subject").map(MailCharsets::headerText).orElse(value);
    }
    String subject = value == null ? null : MailCharsets.decodeHeader(MimeUtility.unfold(value).strip());
    // A folded subject keeps its folding whitespace (a tab, often): a ticket subject is one line.
    return subject == null ? "" : subject.replaceAll("[\\r\\n\\t ]+", " ").strip();
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
}
