package dev.deskcc.sim.recipient;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks unsubscribe tokens with a world's secret: {@code
 * base64url(ticketId) "." base64url(contactId) "." base64url(HMAC-SHA256(secret, ticketId, contactId))}.
 * The token carries whom it is for, so checking it needs no look-up; only the world's secret makes
 * it, so it is unguessable, valid for that person and ticket only, and in no other world (a fixture
 * load makes a new secret). Every character is URL- and mail-local-part-safe.
 */
public final class UnsubscribeSigner {
  private static final String ALGORITHM = "HmacSHA256";
  private static final int SECRET_BYTES = 32;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  /** Longer than any token of real ids: a bound on the work a forged one costs. */
  private static final int MAX_TOKEN_CHARS = 512;

  private final byte[] secret;

  public UnsubscribeSigner(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("an unsubscribe secret needs at least 16 bytes");
    }
    this.secret = secret.clone();
  }

  /** A fresh random secret for a new world. */
  public static byte[] newSecret() {
    byte[] secret = new byte[SECRET_BYTES];
    new SecureRandom().nextBytes(secret);
    return secret;
  }

  public String sign(UnsubscribeToken token) {
    return encode(token.ticketId()) + "." + encode(token.contactId()) + "."
        + ENCODER.encodeToString(mac(token.ticketId(), token.contactId()));
  }

  /** Whom the token is for; empty when it is malformed or was not signed with this secret. */
  public Optional<UnsubscribeToken> verify(String token) {
    if (token == null || token.length() > MAX_TOKEN_CHARS) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      String ticketId = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
      String contactId = new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8);
      byte[] given = DECODER.decode(parts[2]);
      if (ticketId.isEmpty() || contactId.isEmpty()
          || !MessageDigest.isEqual(mac(ticketId, contactId), given)) {
        return Optional.empty();
      }
      // a canonical spelling only: the same token never has two forms
      return token.equals(sign(new UnsubscribeToken(ticketId, contactId)))
          ? Optional.of(new UnsubscribeToken(ticketId, contactId)) : Optional.empty();
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  private byte[] mac(String ticketId, String contactId) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      // length-prefixed, so that no two (ticket, contact) pairs sign the same bytes
      mac.update(("unsubscribe:" + ticketId.length() + ":" + ticketId + ":" + contactId)
          .getBytes(StandardCharsets.UTF_8));
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static String encode(String id) {
    return ENCODER.encodeToString(id.getBytes(StandardCharsets.UTF_8));
  }
}
