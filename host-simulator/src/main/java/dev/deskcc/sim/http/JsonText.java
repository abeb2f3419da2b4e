package dev.deskcc.sim.http;

import dev.deskcc.sim.desk.DeskException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What JSON text must be before it is parsed (RFC 8259 §8): UTF-8 without a malformed sequence
 * (an encoded surrogate included), and no {@code \\u} escape of an unpaired UTF-16 surrogate. The
 * JSON parser takes both, and such a string cannot be stored (H2 and PostgreSQL keep it as
 * {@code ?}), so it would be acknowledged and then served back changed.
 */
final class JsonText {
  private JsonText() {}

  /** Returns {@code body} when it meets the rules above; else 400 {@code BAD_REQUEST}. */
  static byte[] require(byte[] body) {
    if (!ascii(body)) {
      try {
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(body));
      } catch (CharacterCodingException e) {
        throw DeskException.badRequest("the body is not valid UTF-8");
      }
    }
    requirePairedEscapes(body);
    return body;
  }

  private static boolean ascii(byte[] body) {
    for (byte b : body) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** Escapes are ASCII, so the bytes can be scanned as they are; a raw surrogate cannot occur in valid UTF-8. */
  private static void requirePairedEscapes(byte[] b) {
    boolean highPending = false;
    for (int i = 0; i < b.length; i++) {
      if (b[i] != '\\') {
        if (highPending) {
          throw unpaired();
        }
        continue;
      }
      char next = i + 1 < b.length ? (char) b[i + 1] : 0;
      if (next != 'u' || i + 5 >= b.length) {
        if (highPending) {
          throw unpaired();
        }
        i++; // an escape of one character (\\, \", \n, …): its second byte is not a new escape
        continue;
      }
      int unit = hex(b, i + 2);
      i += 5;
      if (unit < 0) {
        continue; // not a valid escape: the parser refuses it with its own message
      }
      boolean high = unit >= 0xD800 && unit <= 0xDBFF;
      boolean low = unit >= 0xDC00 && unit <= 0xDFFF;
      if (low && !highPending || !low && highPending) {
        throw unpaired();
      }
      highPending = high;
    }
    if (highPending) {
      throw unpaired();
    }
  }

  private static int hex(byte[] b, int from) {
    int v = 0;
    for (int i = from; i < from + 4; i++) {
      int d = Character.digit(b[i], 16);
      if (d < 0) {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }

  private static DeskException unpaired() {
    return DeskException.badRequest("the JSON text has an unpaired UTF-16 surrogate escape");
  }
}
