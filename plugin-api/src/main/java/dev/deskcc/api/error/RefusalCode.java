package dev.deskcc.api.error;

import java.util.Objects;

/**
 * One code a plugin may refuse with, as the host's API reference lists it: the {@link Refusal#code()}
 * the plugin returns, the {@link RefusalKind} it returns it with (which decides the HTTP status) and
 * one line saying when.
 *
 * @param code stable, UPPER_SNAKE, as in {@link Refusal#code()}
 * @param kind the kind the plugin refuses with under this code
 * @param description one line, when the plugin refuses with it
 * @since 1.2
 */
public record RefusalCode(String code, RefusalKind kind, String description) {
  public RefusalCode {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    if (!code.matches("[A-Z][A-Z0-9_]*")) {
      throw new IllegalArgumentException("a refusal code is UPPER_SNAKE: " + code);
    }
  }
}
