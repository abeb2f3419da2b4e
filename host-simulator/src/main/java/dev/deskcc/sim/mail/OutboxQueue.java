package dev.deskcc.sim.mail;

import java.util.List;

/**
 * The host's outbox as the dispatcher sees it. Implemented by the host store; must be safe to call
 * from the dispatcher thread.
 */
public interface OutboxQueue {

  /** Up to {@code max} messages not yet delivered nor permanently failed, oldest first. */
  List<OutgoingMail> pending(int max);

  /** The gateway accepted the message. */
  void delivered(long seq);

  /**
   * A delivery attempt failed. When {@code permanent} the message must not be offered again;
   * otherwise it stays pending and is retried later.
   */
  void failed(long seq, String reason, boolean permanent);
}
