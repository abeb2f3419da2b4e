package dev.deskcc.sim.recipient;

import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.sim.mail.OutgoingMail;
import dev.deskcc.sim.store.StoreReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one recipient's copy of a message adds to the headers every copy shows: for a contact
 * recipient, the unsubscribe headers of RFC 2369 and RFC 8058 carrying their own link; for an
 * agent, nothing.
 */
public final class RecipientCopy {
  /** The plus tag of the unsubscribe mailto address: {@code <local>+unsubscribe-<token>@<domain>}. */
  public static final String MAILTO_TAG = "unsubscribe-";

  private RecipientCopy() {}

  /** The headers {@code to}'s copy adds, in order; empty for an agent or a world without a secret. */
  public static Map<String, String> headers(StoreReader reader, OutgoingMail mail, EmailAddress to, String baseUrl) {
    Map<String, String> headers = new LinkedHashMap<>();
    Optional<String> token = UnsubscribeLinks.token(reader, mail, to);
    if (token.isEmpty()) {
      return headers;
    }
    StringBuilder value = new StringBuilder("<").append(baseUrl).append(UnsubscribeLinks.PATH).append(token.get())
        .append(">");
    mailto(mail, token.get()).ifPresent(m -> value.append(", <mailto:").append(m).append("?subject=unsubscribe>"));
    headers.put("List-Unsubscribe", value.toString());
    headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    return headers;
  }

  /** The plus-tagged support address that unsubscribes when mailed; none without a Reply-To. */
  static Optional<String> mailto(OutgoingMail mail, String token) {
    if (mail.replyTo() == null) {
      return Optional.empty();
    }
    String support = mail.replyTo().address();
    int at = support.lastIndexOf('@');
    return Optional.of(support.substring(0, at) + "+" + MAILTO_TAG + token + support.substring(at));
  }

  /** The token a plus-tagged unsubscribe address carries, if {@code local} has the tag. */
  public static Optional<String> tokenIn(String localPart) {
    int plus = localPart.indexOf('+');
    if (plus < 0 || !localPart.startsWith(MAILTO_TAG, plus + 1)) {
      return Optional.empty();
    }
    return Optional.of(localPart.substring(plus + 1 + MAILTO_TAG.length()));
  }
}
