package dev.deskcc.sim.desk;

/**
 * Why inbound mail was deliberately not taken in: the {@code dropped} code of a 202 answer. A
 * dropped message changes nothing.
 */
public enum DroppedMail {
  /** Its Message-ID was seen before (the gateway delivered it twice, or the desk's own mail came back). */
  DUPLICATE_MESSAGE,
  /**
   * A delivery status notification ({@code multipart/report; report-type=delivery-status}):
   * recognised before routing, threads nowhere.
   */
  DELIVERY_REPORT,
  /** {@code From} is one of the desk's own support or from-addresses: a loop or a forged sender. */
  FROM_DESK_ADDRESS,
  /**
   * Mail to a plus-tagged unsubscribe address ({@code <support>+unsubscribe-<token>}, the {@code
   * mailto:} of {@code List-Unsubscribe}), recognised before threading: it mutes the token's person
   * on its ticket when the token is valid, and changes nothing when it is not (contract §6).
   */
  UNSUBSCRIBE_REQUEST
}
