package dev.deskcc.sim.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.util.Locale;
import java.util.Set;

/**
 * Tells mail that a program sent from mail a person wrote, by its header section alone.
 *
 * <p>Automated: {@code Auto-Submitted} other than {@code no} in <em>any</em> of its instances (a
 * second header must not hide the first: a relay may add {@code Auto-Submitted: no} to an
 * auto-reply), {@code Precedence: bulk|junk|list}, a {@code List-Id} (mailing-list traffic), or an
 * empty {@code Return-Path} ({@code <>}: the null sender of bounces and other reports, RFC 5321
 * §4.5.5). Such mail threads like any other but must change no participant and reopen nothing.
 *
 * <p>A delivery report ({@code multipart/report; report-type=delivery-status}, RFC 3464) is a
 * case of its own: the desk takes it in only to learn about bounces.
 */
final class AutomatedMail {
  private static final Set<String> LIST_PRECEDENCE = Set.of("bulk", "junk", "list");

  private AutomatedMail() {}

  static boolean isAutomated(MimeMessage message) throws MessagingException {
    String[] auto = message.getHeader("Auto-Submitted");
    if (auto != null) {
      for (String value : auto) {
        if (!"no".equals(keyword(value))) {
          return true;
        }
      }
    }
    String[] precedence = message.getHeader("Precedence");
    if (precedence != null) {
      for (String value : precedence) {
        if (LIST_PRECEDENCE.contains(keyword(value))) {
          return true;
        }
      }
    }
    if (message.getHeader("List-Id") != null) {
      return true;
    }
    String[] returnPath = message.getHeader("Return-Path");
    if (returnPath != null) {
      for (String value : returnPath) {
        if (MimeUtility.unfold(value).replaceAll("\\s+", "").equals("<>")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the message is a delivery status notification (RFC 3464). */
  static boolean isDeliveryReport(MimeMessage message) throws MessagingException {
    String value = message.getHeader("Content-Type", null);
    if (value == null) {
      return false;
    }
    try {
      ContentType type = new ContentType(MimeUtility.unfold(value));
      String reportType = type.getParameter("report-type");
      return type.match("multipart/report")
          && reportType != null
          && reportType.strip().equalsIgnoreCase("delivery-status");
    } catch (ParseException e) {
      // an unreadable Content-Type is no report; the body walk decides what it is
      return false;
    }
  }

  /** The leading keyword of a structured field, without parameters or comments. */
  static String keyword(String value) {
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
}
