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
  FROM_DESK_ADDRESS
}
