package dev.deskcc.sim.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The disposition and file name of a part whose {@code Content-Disposition} or {@code
 * Content-Type} parameters Jakarta Mail's strict parser refuses (its leniency switches are JVM-wide
 * system properties, which a host must not set for everyone): {@code filename=This is a test.txt},
 * {@code filename==?UTF-8?B?…?=}. Read only after the strict parser found no name, so that
 * well-formed mail is read by the library alone.
 */
final class LenientParameters {
  /** {@code filename=} or {@code name=}, quoted or up to the next ';' or the end. */
  private static final Pattern NAME =
      Pattern.compile("(?i)(?:^|;)\\s*(?:file)?name\\s*=\\s*(?:\"([^\"]*)\"|([^;]*))");

  private LenientParameters() {}

  /** The disposition's keyword ("attachment", "inline"), lower case; "" when there is none. */
  static String disposition(Part part) {
    String value = header(part, "Content-Disposition");
    int semi = value.indexOf(';');
    return (semi < 0 ? value : value.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  /** The file name the disposition (else the content type) gives, as written; empty when none. */
  static Optional<String> fileName(Part part) {
    for (String field : new String[] {"Content-Disposition", "Content-Type"}) {
      Matcher m = NAME.matcher(header(part, field));
      if (m.find()) {
        String name = (m.group(1) != null ? m.group(1) : m.group(2)).strip();
        if (!name.isEmpty()) {
          return Optional.of(name);
        }
      }
    }
    return Optional.empty();
  }

  private static String header(Part part, String name) {
    try {
      String[] values = part.getHeader(name);
      return values == null || values.length == 0 ? "" : jakarta.mail.internet.MimeUtility.unfold(values[0]);
    } catch (MessagingException e) {
      return "";
    }
  }
}
