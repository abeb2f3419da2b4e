package dev.deskcc.api.notify;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The event name of a message a plugin sends itself ({@link Outbox}): what the outbox JSON shows
 * as {@code event}. UPPER_SNAKE, at most 64 characters, and never one of the host's own {@link
 * OutboundEvent} names, so a reader of the outbox can always tell a plugin's message from the
 * host's.
 *
 * @param name for example {@code CC_ADDED}
 * @since 1.3
 */
public record PluginEvent(String name) {
  private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

  /**
   * Checks the name.
   *
   * @throws IllegalArgumentException when it is not UPPER_SNAKE, longer than 64 characters, or an
   *     {@link OutboundEvent} name
   */
  public PluginEvent {
    Objects.requireNonNull(name, "name");
    if (name.length() > 64 || !UPPER_SNAKE.matcher(name).matches()) {
      throw new IllegalArgumentException("a plugin event name is UPPER_SNAKE, at most 64 characters: " + name);
    }
    for (OutboundEvent own : OutboundEvent.values()) {
      if (own.name().equals(name)) {
        throw new IllegalArgumentException("a plugin event name may not be the host's own event " + name);
      }
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
