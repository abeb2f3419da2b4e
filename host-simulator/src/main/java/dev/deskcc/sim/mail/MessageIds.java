package dev.deskcc.sim.mail;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

/**
 * Creates globally unique Message-ID values.
 *
 * <p>The ids must stay unguessable: inbound mail is threaded onto tickets by the ids it refers to,
 * so a guessable id would let anyone post into a ticket's thread. They are random version-4 UUIDs
 * (122 random bits), as {@link UUID#randomUUID()} makes, but each thread draws from its own
 * {@code DRBG} generator (NIST SP 800-90A, seeded from the operating system on first use) instead
 * of the one JVM-wide generator behind {@code randomUUID()}, whose lock every change on every
 * request thread would queue on while holding its turn. A process-wide random prefix plus a
 * counter would be cheaper but is not unguessable (one id reveals the next), so it is not used.
 * Each thread draws its generator's bytes {@value #BATCH} at a time and cuts ids from them: a
 * generator call costs the same for 16 bytes as for a few hundred (most of it is updating its
 * state), and it was a visible part of sending a message (BENCHMARKS.md §8).
 */
public final class MessageIds {
  /**
   * One generator per thread: a cache of an independently seeded generator, not shared state
   * (request threads are pooled, so each seeds once).
   */
  private static final ThreadLocal<RandomBytes> RANDOM = ThreadLocal.withInitial(() -> new RandomBytes(generator()));

  /** Bytes drawn from the generator per call: the randomness of 16 ids. */
  static final int BATCH = 256;

  private MessageIds() {}

  /** A new id such as {@code <3f2c…@desk.example>}, angle brackets included. */
  public static String create(String domain) {
    if (!isDomain(domain)) {
      throw new IllegalArgumentException("not a domain: " + domain);
    }
    return "<" + randomUuid() + "@" + domain + ">";
  }

  private static UUID randomUuid() {
    byte[] bytes = RANDOM.get().next16();
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (bytes[i] & 0xff);
      lsb = (lsb << 8) | (bytes[i + 8] & 0xff);
    }
    return new UUID(msb, lsb);
  }

  /** Letters, digits, dots and hyphens, at least one (as the former {@code [A-Za-z0-9.-]+}). */
  private static boolean isDomain(String domain) {
    if (domain == null || domain.isEmpty()) {
      return false;
    }
    for (int i = 0; i < domain.length(); i++) {
      char c = domain.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** One thread's generator and the bytes it drew and has not handed out yet; confined to that thread. */
  private static final class RandomBytes {
    private final SecureRandom generator;
    private final byte[] drawn = new byte[BATCH];
    private int next = BATCH;

    RandomBytes(SecureRandom generator) {
      this.generator = generator;
    }

    /** 16 bytes no other call gets. */
    byte[] next16() {
      if (next == BATCH) {
        generator.nextBytes(drawn);
        next = 0;
      }
      byte[] out = Arrays.copyOfRange(drawn, next, next + 16);
      Arrays.fill(drawn, next, next + 16, (byte) 0); // handed out: not kept
      next += 16;
      return out;
    }
  }

  private static SecureRandom generator() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }
}
