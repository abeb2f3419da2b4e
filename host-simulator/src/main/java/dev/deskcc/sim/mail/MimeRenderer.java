package dev.deskcc.sim.mail;

import dev.deskcc.api.model.EmailAddress;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Renders an {@link OutgoingMail} as a real MIME message with Jakarta Mail.
 *
 * <p>Every message is marked {@code Auto-Submitted: auto-generated} and {@code
 * X-Auto-Response-Suppress: All} so that vacation responders do not answer a help desk
 * (and open a loop). Header injection is impossible: addresses are validated {@link
 * EmailAddress} values, display names and the subject lose their control characters, and
 * message ids must look like {@code <id@domain>}.
 *
 * <p>Immutable and thread-safe.
 */
public final class MimeRenderer {

  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s\\p{Cntrl}]+>");

  private final Session session;
  private final Clock clock;

  /** A renderer that dates messages by the system clock. */
  public MimeRenderer() {
    this(Clock.systemUTC());
  }

  /** A renderer that dates messages by {@code clock}. */
  public MimeRenderer(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.session = Session.getInstance(new Properties());
  }

  /**
   * The RFC 5322 bytes of the message (CRLF line ends, 7-bit safe).
   *
   * @throws IllegalArgumentException when an address or message id cannot be put in a header
   */
  public byte[] render(OutgoingMail mail) {
    return render(mail, Map.of());
  }

  /**
   * One recipient's copy: the message with these headers added (for example {@code
   * List-Unsubscribe}); values lose line breaks and control characters.
   *
   * @throws IllegalArgumentException when an address or message id cannot be put in a header
   */
  public byte[] render(OutgoingMail mail, Map<String, String> extraHeaders) {
    return render(mail, null, extraHeaders);
  }

  /**
   * {@code recipient}'s copy (the shared copy for {@code null}) with these headers added: a private
   * recipient's copy is addressed {@code To} them alone without {@code Cc}; every other copy leaves
   * private recipients out (contract §6). With an HTML body the copy is {@code
   * multipart/alternative}, plain text first.
   *
   * @throws IllegalArgumentException when an address or message id cannot be put in a header
   */
  public byte[] render(OutgoingMail mail, EmailAddress recipient, Map<String, String> extraHeaders) {
    Objects.requireNonNull(mail, "mail");
    try {
      MimeMessage message = new FixedIdMessage(session, messageId(mail.messageId(), "messageId"));
      message.setFrom(internet(mail.from()));
      if (mail.replyTo() != null) {
        message.setReplyTo(new InternetAddress[] {internet(mail.replyTo())});
      }
      List<EmailAddress> to = mail.visibleTo(recipient);
      List<EmailAddress> cc = mail.visibleCc(recipient);
      if (!to.isEmpty()) {
        message.setRecipients(RecipientType.TO, internet(to));
      }
      if (!cc.isEmpty()) {
        message.setRecipients(RecipientType.CC, internet(cc));
      }
      message.setSubject(oneLine(mail.subject()), "UTF-8");
      message.setSentDate(Date.from(clock.instant()));
      if (mail.inReplyTo() != null) {
        message.setHeader("In-Reply-To", messageId(mail.inReplyTo(), "inReplyTo"));
      }
      if (!mail.references().isEmpty()) {
        StringBuilder refs = new StringBuilder();
        for (String id : mail.references()) {
          refs.append(refs.isEmpty() ? "" : " ").append(messageId(id, "references"));
        }
        message.setHeader("References", MimeUtility.fold("References: ".length(), refs.toString()));
      }
      message.setHeader("Auto-Submitted", "auto-generated");
      message.setHeader("X-Auto-Response-Suppress", "All");
      for (Map.Entry<String, String> h : extraHeaders.entrySet()) {
        message.setHeader(h.getKey(), oneLine(h.getValue()));
      }
      if (mail.htmlBody() == null) {
        message.setText(normalizeLineEnds(mail.textBody()), "UTF-8");
      } else {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(normalizeLineEnds(mail.textBody()), "UTF-8");
        alternative.addBodyPart(text);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(normalizeLineEnds(mail.htmlBody()), "UTF-8", "html");
        alternative.addBodyPart(html);
        message.setContent(alternative);
      }
      message.saveChanges();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      message.writeTo(out);
      return out.toByteArray();
    } catch (MessagingException e) {
      throw new IllegalArgumentException("cannot render outbox message " + mail.seq() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String messageId(String id, String field) {
    if (id == null || !MESSAGE_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(field + " is not a message id like <id@domain>: " + id);
    }
    return id;
  }

  private static InternetAddress[] internet(List<EmailAddress> addresses) throws AddressException {
    InternetAddress[] result = new InternetAddress[addresses.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = internet(addresses.get(i));
    }
    return result;
  }

  private static InternetAddress internet(EmailAddress address) throws AddressException {
    String spec = address.address();
    if (spec.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
      throw new AddressException("control characters or spaces in address", spec);
    }
    InternetAddress result = new InternetAddress(spec, true);
    if (address.displayName() != null) {
      try {
        result.setPersonal(oneLine(address.displayName()), "UTF-8");
      } catch (UnsupportedEncodingException e) {
        throw new IllegalStateException("UTF-8 is always supported", e);
      }
    }
    return result;
  }

  /** Removes line breaks and other control characters: a header value stays one header. */
  private static String oneLine(String value) {
    return value.replaceAll("[\\r\\n]+", " ").replaceAll("\\p{Cntrl}", "").strip();
  }

  private static String normalizeLineEnds(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** A MimeMessage that keeps the Message-ID the host chose instead of generating one. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
