package dev.deskcc.sim.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class UnsubscribeSignerTest {
  private final UnsubscribeSigner world = new UnsubscribeSigner(UnsubscribeSigner.newSecret());
  private final UnsubscribeToken annOn101 = new UnsubscribeToken("t101", "c7");

  @Test
  void a_signed_token_names_its_person_and_ticket() {
    String token = world.sign(annOn101);
    assertThat(world.verify(token)).contains(annOn101);
    assertThat(token).matches("[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+");
  }

  @Test
  void a_token_is_valid_only_for_that_person_and_ticket() {
    String token = world.sign(annOn101);
    String[] parts = token.split("\\.");
    String otherTicket = b64("t102") + "." + parts[1] + "." + parts[2];
    String otherPerson = parts[0] + "." + b64("c8") + "." + parts[2];
    assertThat(world.verify(otherTicket)).isEmpty();
    assertThat(world.verify(otherPerson)).isEmpty();
    assertThat(world.sign(new UnsubscribeToken("t102", "c7"))).isNotEqualTo(token);
  }

  @Test
  void a_tampered_mac_or_malformed_token_is_not_valid() {
    String token = world.sign(annOn101);
    char last = token.charAt(token.length() - 2);
    String flipped = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
    assertThat(world.verify(flipped)).isEmpty();
    assertThat(world.verify(token + "A")).isEmpty();
    assertThat(world.verify(token.substring(0, token.lastIndexOf('.')))).isEmpty();
    assertThat(world.verify("")).isEmpty();
    assertThat(world.verify("..")).isEmpty();
    assertThat(world.verify("not base64!.x.y")).isEmpty();
    assertThat(world.verify(null)).isEmpty();
  }

  @Test
  void a_token_of_another_world_is_not_valid() {
    UnsubscribeSigner otherWorld = new UnsubscribeSigner(UnsubscribeSigner.newSecret());
    assertThat(otherWorld.verify(world.sign(annOn101))).isEmpty();
  }

  @Test
  void the_same_secret_signs_the_same_token_on_every_node() {
    byte[] secret = UnsubscribeSigner.newSecret();
    assertThat(new UnsubscribeSigner(secret).sign(annOn101)).isEqualTo(new UnsubscribeSigner(secret).sign(annOn101));
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
