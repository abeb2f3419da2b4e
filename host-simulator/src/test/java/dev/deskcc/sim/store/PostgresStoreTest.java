package dev.deskcc.sim.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.sim.mail.OutgoingMail;
import dev.deskcc.sim.store.jdbc.JdbcStore;
import dev.deskcc.sim.store.jdbc.StoreFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store contract on a real PostgreSQL, and what several nodes on one database add: writes
 * serialised across nodes, each outbox message claimed by one node, claims of a dead node taken
 * over.
 */
@ExtendWith(EmbeddedPostgresDb.Resolver.class)
class PostgresStoreTest extends StoreContract {
  private final EmbeddedPostgresDb postgres;
  private String url;

  PostgresStoreTest(EmbeddedPostgresDb postgres) {
    this.postgres = postgres;
  }

  @Override
  Store newStore() {
    url = postgres.newDatabase();
    return node(JdbcStore.DEFAULT_CLAIM_LEASE);
  }

  private Store node(Duration lease) {
    return JdbcStore.postgres(url, null, lease);
  }

  @Test
  void writes_on_two_nodes_are_serialised_and_each_sees_the_others_commits() throws Exception {
    try (Store other = node(JdbcStore.DEFAULT_CLAIM_LEASE)) {
      try (StoreTx tx = store.begin()) {
        tx.clear();
        tx.commit();
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Store node = i % 2 == 0 ? store : other;
        futures.add(pool.submit(() -> {
          try (StoreTx tx = node.begin()) {
            long number = tx.nextTicketNumber();
            tx.putTicket(ticket(tx.newId("t"), number, 1, "s" + number), "");
            tx.commit();
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      assertThat(other.read().tickets()).extracting(Ticket::number).doesNotHaveDuplicates().hasSize(40)
          .allMatch(n -> n >= 101 && n <= 140);
    }
  }

  @Test
  void a_second_contact_with_the_same_address_is_refused_across_nodes() {
    try (Store other = node(JdbcStore.DEFAULT_CLAIM_LEASE)) {
      try (StoreTx tx = store.begin()) {
        tx.putContact(contact("c1", "ann@example.com"));
        tx.commit();
      }
      try (StoreTx tx = other.begin()) {
        assertThat(tx.contactByAddress(EmailAddress.parse("ANN@example.com"))).isPresent();
        assertThatThrownBy(() -> tx.putContact(contact("c2", "ann@EXAMPLE.com")))
            .isInstanceOf(UniqueAddressException.class);
      }
    }
  }

  @Test
  void each_outbox_message_is_claimed_by_one_node_and_a_dead_nodes_claims_expire() throws Exception {
    try (StoreTx tx = store.begin()) {
      for (int i = 0; i < 6; i++) {
        tx.addOutbox(mail(tx.nextOutboxSeq()));
      }
      tx.commit();
    }
    Store dying = node(Duration.ofMillis(300));
    try (Store other = node(JdbcStore.DEFAULT_CLAIM_LEASE)) {
      List<OutgoingMail> first = dying.pending(3);
      assertThat(first).extracting(OutgoingMail::seq).containsExactly(1L, 2L, 3L);
      assertThat(other.pending(10)).extracting(OutgoingMail::seq).containsExactly(4L, 5L, 6L);
      // the claimer itself sees its own claims again (it retries them after a backoff)
      assertThat(dying.pending(10)).extracting(OutgoingMail::seq).containsExactly(1L, 2L, 3L);
      dying.delivered(1);
      dying.close();
      Thread.sleep(350);
      assertThat(other.pending(10)).extracting(OutgoingMail::seq).containsExactly(2L, 3L, 4L, 5L, 6L);
      assertThat(store.pending(10)).isEmpty();
    }
  }

  @Test
  void a_url_that_is_no_postgresql_url_or_cannot_connect_is_refused_with_a_clear_error() {
    assertThatThrownBy(() -> JdbcStore.postgres("jdbc:mysql://localhost/x", null))
        .isInstanceOfSatisfying(StoreFailure.class,
            e -> assertThat(e.code()).isEqualTo(StoreFailure.Code.DATABASE_UNUSABLE));
    assertThatThrownBy(() -> JdbcStore.postgres("jdbc:postgresql://127.0.0.1:1/none?user=x", "pw"))
        .isInstanceOfSatisfying(StoreFailure.class,
            e -> assertThat(e.code()).isEqualTo(StoreFailure.Code.DATABASE_UNUSABLE))
        .hasMessageContaining("127.0.0.1:1");
  }
}
