package dev.deskcc.sim.mail;

import dev.deskcc.api.model.EmailAddress;
import java.util.Map;

/**
 * The headers one recipient's copy of a message adds to those every copy shows (its own {@code
 * List-Unsubscribe}, say). Called by the delivery thread, once per recipient per attempt; must be
 * thread-safe and must not block for long.
 */
@FunctionalInterface
public interface CopyHeaders {
  /** No copy adds anything. */
  CopyHeaders NONE = (mail, recipient) -> Map.of();

  /** Never {@code null}; empty when the copy adds nothing. */
  Map<String, String> of(OutgoingMail mail, EmailAddress recipient);
}
