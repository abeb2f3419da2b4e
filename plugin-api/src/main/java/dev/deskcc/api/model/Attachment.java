package dev.deskcc.api.model;

import java.util.Objects;

/**
 * A file on a thread entry, identified by the SHA-256 of its content (lower-case hex).
 *
 * @since 1.0
 */
public record Attachment(String name, long size, String contentType, String sha256) {
  /**
   * Checks the components: a required one that is {@code null} is refused, lists are copied (immutable).
   *
   * @since 1.0
   */
  public Attachment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(sha256, "sha256");
  }
}
