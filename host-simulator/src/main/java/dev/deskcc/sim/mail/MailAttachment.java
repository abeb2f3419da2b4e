package dev.deskcc.sim.mail;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One attached file (or inline image) of an inbound message.
 *
 * @param name decoded file name; a generated one when the part had none
 * @param contentType the MIME type without parameters, lower case
 * @param content the decoded bytes
 */
public record MailAttachment(String name, String contentType, byte[] content) {

  public MailAttachment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(contentType, "contentType");
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  /** Lower-case hex SHA-256 of the content. */
  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Size of the content in bytes. */
  public long size() {
    return content.length;
  }

  // Arrays need content equality; the record default would compare references.
  @Override
  public boolean equals(Object other) {
    return other instanceof MailAttachment that
        && name.equals(that.name)
        && contentType.equals(that.contentType)
        && Arrays.equals(content, that.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, contentType, Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return "MailAttachment[name=" + name + ", contentType=" + contentType + ", size=" + content.length + "]";
  }
}
