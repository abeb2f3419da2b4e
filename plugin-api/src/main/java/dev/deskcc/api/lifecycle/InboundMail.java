package dev.deskcc.api.lifecycle;

import dev.deskcc.api.model.EmailAddress;
import java.util.List;
import java.util.Objects;

/**
 * The facts of a received message that a plugin may act on; the host has parsed the MIME.
 *
 * <p>The message's {@code To} and then {@code Cc} addresses, in header order, are {@link #to()},
 * {@link #cc()} and {@link #invalidRecipients()} together: each address the host took in (at most
 * its documented recipient limit, counted over all three) is in exactly one of them, and an invalid
 * one's {@link InvalidRecipient#position()} says where it stood among them.
 *
 * @param messageId may be {@code null} when the message had none
 * @param automated the message is automatic: RFC 3834 {@code Auto-Submitted} other than {@code
 *     no} in any of its instances, {@code Precedence: bulk|junk|list}, a {@code List-Id}, or an
 *     empty {@code Return-Path}. It must not add people nor cause notifications to them. (Mail
 *     whose {@code From} is one of the desk's own addresses, and delivery reports, never reach
 *     plugins: the host drops them.)
 * @param addressedToDesk a support address is in {@code To} or {@code Cc} (false when the desk got
 *     it only as a {@code Bcc} or envelope recipient)
 * @param invalidRecipients the {@code To} and {@code Cc} addresses that are not valid {@link
 *     EmailAddress}es (a bare local part, a single-label domain, a domain with an underscore, …),
 *     as written, by ascending position (see {@link #invalidRecipients()}) (since 1.2)
 * @since 1.0
 */
public record InboundMail(
    EmailAddress from,
    List<EmailAddress> to,
    List<EmailAddress> cc,
    String subject,
    String messageId,
    boolean automated,
    boolean addressedToDesk,
    List<InvalidRecipient> invalidRecipients) {

  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied
   * (immutable), and the invalid recipients must be in ascending, distinct positions within the
   * message's {@code To} and {@code Cc} addresses.
   *
   * @since 1.2
   */
  public InboundMail {
    Objects.requireNonNull(from, "from");
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    Objects.requireNonNull(subject, "subject");
    invalidRecipients = List.copyOf(invalidRecipients);
    int total = to.size() + cc.size() + invalidRecipients.size();
    int previous = -1;
    for (InvalidRecipient r : invalidRecipients) {
      // A plugin interleaves these with to() and cc() by position; a gap or a repeat would lose one.
      if (r.position() <= previous || r.position() >= total) {
        throw new IllegalArgumentException("invalid recipient at position " + r.position()
            + " is out of order or beyond the " + total + " recipients");
      }
      previous = r.position();
    }
  }

  /**
   * The {@code To} and {@code Cc} addresses that are not valid {@link EmailAddress}es, as written,
   * by ascending position. Nobody can be mailed at them, but the contract requires a plugin that
   * reports the recipients it skipped to report these too (code {@code INVALID_ADDRESS}). Empty
   * when every address was valid, and always from a host before 1.2.
   *
   * @since 1.2
   */
  public List<InvalidRecipient> invalidRecipients() {
    return invalidRecipients;
  }

  /**
   * A message whose {@code To} and {@code Cc} hold only valid addresses, as in platform 1.0 and 1.1.
   *
   * @since 1.0
   */
  public InboundMail(
      EmailAddress from,
      List<EmailAddress> to,
      List<EmailAddress> cc,
      String subject,
      String messageId,
      boolean automated,
      boolean addressedToDesk) {
    this(from, to, cc, subject, messageId, automated, addressedToDesk, List.of());
  }

  /**
   * A {@code To} or {@code Cc} address the host read but that is not a valid {@link EmailAddress}.
   *
   * @param address the address as written in the header (the addr-spec without display name),
   *     never {@code null}; it may be blank when the header named an empty mailbox
   * @param position its index among the message's {@code To} and then {@code Cc} addresses in
   *     header order, valid and invalid counted alike: the valid ones fill the other positions, in
   *     the order of {@link InboundMail#to()} and then {@link InboundMail#cc()}
   * @since 1.2
   */
  public record InvalidRecipient(String address, int position) {
    /**
     * Refuses a {@code null} address and a negative position.
     *
     * @since 1.2
     */
    public InvalidRecipient {
      Objects.requireNonNull(address, "address");
      if (position < 0) {
        throw new IllegalArgumentException("position must not be negative: " + position);
      }
    }
  }
}
