package dev.deskcc.sim.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

  @Test
  void an_id_is_a_random_version_4_uuid_at_the_domain_in_angle_brackets() {
    String id = MessageIds.create("help.acme.test");

    assertThat(id).startsWith("<").endsWith("@help.acme.test>");
    UUID uuid = UUID.fromString(id.substring(1, id.indexOf('@')));
    assertThat(uuid.version()).isEqualTo(4);
    assertThat(uuid.variant()).isEqualTo(2);
  }

  @Test
  void ids_made_on_many_threads_at_once_are_all_different() throws InterruptedException {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 2_000; i++) {
          ids.add(MessageIds.create("desk.example"));
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(ids).hasSize(16_000);
  }

  @Test
  void a_domain_with_anything_but_letters_digits_dots_and_hyphens_is_refused() {
    for (String bad : new String[] {null, "", " ", "desk example", "desk.example>", "dësk.example", "a_b.test"}) {
      assertThatThrownBy(() -> MessageIds.create(bad)).as(String.valueOf(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(MessageIds.create("Mail-1.Desk.example")).endsWith("@Mail-1.Desk.example>");
  }

  @Test
  void ids_cut_from_several_draws_of_the_generator_are_all_distinct_version_4_uuids() {
    Set<UUID> seen = new java.util.HashSet<>();
    int count = 3 * (MessageIds.BATCH / 16) + 1; // across three refills of one thread's bytes
    for (int i = 0; i < count; i++) {
      String id = MessageIds.create("desk.example");
      UUID uuid = UUID.fromString(id.substring(1, id.indexOf('@')));
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
      seen.add(uuid);
    }
    assertThat(seen).hasSize(count);
  }
}
