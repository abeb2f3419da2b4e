package dev.deskcc.api.notify;

/**
 * Sends a plugin's own messages about a ticket, through the outbox the host's own mail goes
 * through (contract §6). Reached by {@link dev.deskcc.api.host.PluginContext#outbox()}; valid only
 * during the callback that gave it, on that callback's thread.
 *
 * <p>What the host does with a plugin's message is what it does with every message it sends:
 *
 * <ul>
 *   <li>It is written with the change: in the outbox once the change commits, gone if the change
 *       is refused or rolls back.
 *   <li>Loop safety: it never goes to one of the desk's own support or from-addresses (plus-tagged
 *       forms included) nor to the person whose action caused the change (they know what they did).
 *   <li>Suppression: a muted or bouncing recipient is left out and the leave-out recorded as a
 *       {@code RECIPIENT_WITHHELD} history event, as for any withholding.
 *   <li>Each contact recipient's copy carries its own unsubscribe link ({@code List-Unsubscribe}).
 *   <li>{@link RecipientLine#PRIVATE} recipients get a copy addressed to them alone, and no other
 *       copy shows their address.
 * </ul>
 *
 * @since 1.3
 */
public interface Outbox {

  /**
   * Queues {@code message} with the calling change.
   *
   * @return whether a message was queued: {@code false} when every recipient was left out (the
   *     leave-outs are recorded all the same)
   * @throws IllegalStateException in a context that is not {@linkplain
   *     dev.deskcc.api.host.PluginContext#writable() writable}
   * @throws IllegalArgumentException when the message's ticket does not exist
   */
  boolean send(PluginMessage message);

  /** What a host without plugin mail answers: every send is refused. */
  Outbox NONE = message -> {
    throw new IllegalStateException("this host sends no plugin mail");
  };
}
