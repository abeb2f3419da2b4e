package dev.deskcc.sim.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Decodes a base64 part in one bulk pass over its raw bytes.
 *
 * <p>Jakarta Mail's decoding stream works byte by byte, which is slow on large parts
 * (BENCHMARKS.md, figure 3); the JDK's MIME decoder works in bulk. It skips line
 * breaks and other characters outside the alphabet, as mail needs.
 */
final class Base64Content {

  private Base64Content() {}

  /**
   * @return the decoded bytes; empty when the part has no raw stream or the JDK decoder refuses
   *     the text (bad padding, a stray trailing character): the caller then falls back to the
   *     lenient stream decoder, so that a sloppy sender's attachment is still kept as before
   */
  static Optional<byte[]> decode(MimePart part) throws MessagingException, IOException {
    try (InputStream in = rawStream(part)) {
      if (in == null) {
        return Optional.empty();
      }
      // A part of a parsed message shares the message's bytes: decode them in place, uncopied.
      ByteBuffer raw = in instanceof MessageBytes shared ? shared.remaining() : ByteBuffer.wrap(in.readAllBytes());
      ByteBuffer decoded = Base64.getMimeDecoder().decode(raw);
      return Optional.of(decoded.remaining() == decoded.array().length
          ? decoded.array()
          : Arrays.copyOf(decoded.array(), decoded.remaining()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The content before transfer decoding; only the two concrete part types expose it. */
  private static InputStream rawStream(MimePart part) throws MessagingException {
    if (part instanceof MimeBodyPart body) {
      return body.getRawInputStream();
    }
    if (part instanceof MimeMessage message) {
      return message.getRawInputStream();
    }
    return null;
  }
}
