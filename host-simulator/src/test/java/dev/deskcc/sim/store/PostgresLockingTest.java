package dev.deskcc.sim.store;

import static dev.deskcc.sim.store.StoreContract.contact;
import static dev.deskcc.sim.store.StoreContract.mail;
import static dev.deskcc.sim.store.StoreContract.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.sim.mail.OutgoingMail;
import dev.deskcc.sim.store.jdbc.JdbcStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes (two stores) on one PostgreSQL lock at the grain of the work: a transaction holding
 * one ticket does not hold up another ticket, a second transaction on the same ticket waits and
 * then sees the first one's commit, contacts are insert-or-get, lock sets are taken in one order,
 * a fixture load waits for open changes, outbox seqs follow commit order. "Does not wait" is
 * asserted as "finishes while the other transaction is provably still open" (it is only closed
 * after), never against a clock.
 */
@ExtendWith(EmbeddedPostgresDb.Resolver.class)
class PostgresLockingTest {
  private static final long GENEROUS = 20;
  private final EmbeddedPostgresDb postgres;
  private Store one;
  private Store two;
  private String url;

  PostgresLockingTest(EmbeddedPostgresDb postgres) {
    this.postgres = postgres;
  }

  @BeforeEach
  void nodes() {
    url = postgres.newDatabase();
    one = JdbcStore.postgres(url, null);
    two = JdbcStore.postgres(url, null);
    try (StoreTx tx = one.begin()) {
      tx.clear();
      tx.putTicket(ticket("tA", tx.nextTicketNumber(), 1, "a"), "");
      tx.putTicket(ticket("tB", tx.nextTicketNumber(), 1, "b"), "");
      tx.commit();
    }
  }

  @AfterEach
  void close() {
    one.close();
    two.close();
  }

  private static <T> T within(CompletableFuture<T> f) throws Exception {
    return f.get(GENEROUS, TimeUnit.SECONDS);
  }

  @Test
  void another_ticket_proceeds_while_one_is_held_and_the_same_ticket_waits_for_its_commit() throws Exception {
    try (StoreTx holder = one.begin()) {
      Ticket a = holder.ticket("tA").orElseThrow();
      // tB on the other node: committed while the holder is still open
      within(CompletableFuture.runAsync(() -> {
        try (StoreTx tx = two.begin()) {
          Ticket b = tx.ticket("tB").orElseThrow();
          tx.putTicket(ticket(b.id(), b.number(), b.version() + 1, "b2"));
          tx.commit();
        }
      }));
      CountDownLatch reading = new CountDownLatch(1);
      CompletableFuture<Long> sameTicket = CompletableFuture.supplyAsync(() -> {
        try (StoreTx tx = two.begin()) {
          reading.countDown();
          long seen = tx.ticket("tA").orElseThrow().version();
          tx.commit();
          return seen;
        }
      });
      reading.await();
      assertThatThrownBy(() -> sameTicket.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
      holder.putTicket(ticket(a.id(), a.number(), a.version() + 1, "a2"));
      holder.commit();
      assertThat(within(sameTicket)).as("the waiting read sees the holder's commit").isEqualTo(a.version() + 1);
    }
    assertThat(one.read().ticket("tB").orElseThrow().subject()).isEqualTo("b2");
  }

  @Test
  void one_new_address_on_two_nodes_at_once_makes_one_contact() throws Exception {
    try (StoreTx first = one.begin()) {
      Contact mine = first.contactFor(contact("c1", "new@example.com"));
      CompletableFuture<Contact> other = CompletableFuture.supplyAsync(() -> {
        try (StoreTx tx = two.begin()) {
          Contact c = tx.contactFor(contact("c2", "NEW@example.com"));
          tx.commit();
          return c;
        }
      });
      first.commit();
      assertThat(mine.id()).isEqualTo("c1");
      assertThat(within(other).id()).as("the second insert gets the first contact").isEqualTo("c1");
    }
    assertThat(two.read().contacts()).extracting(Contact::id).containsExactly("c1");
  }

  @Test
  void ticket_sets_locked_in_opposite_orders_do_not_deadlock() throws Exception {
    try (StoreTx first = one.begin()) {
      first.lockTickets(List.of("tB", "tA"));
      CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
        try (StoreTx tx = two.begin()) {
          tx.lockTickets(List.of("tA", "tB"));
          tx.commit();
          return tx.conflicted();
        }
      });
      first.ticket("tA");
      first.ticket("tB");
      first.commit();
      assertThat(within(second)).isFalse();
    }
  }

  @Test
  void tickets_read_in_opposite_orders_end_in_a_conflict_the_caller_may_retry() throws Exception {
    CountDownLatch bothHoldOne = new CountDownLatch(2);
    CompletableFuture<Boolean> ab = CompletableFuture.supplyAsync(() -> crossing(one, "tA", "tB", bothHoldOne));
    CompletableFuture<Boolean> ba = CompletableFuture.supplyAsync(() -> crossing(two, "tB", "tA", bothHoldOne));
    assertThat(List.of(within(ab), within(ba))).as("exactly one of the two lost to the other")
        .containsExactlyInAnyOrder(true, false);
  }

  /** Locks {@code first}, waits until the other transaction holds its own, then reads {@code second}. */
  private static boolean crossing(Store store, String first, String second, CountDownLatch bothHoldOne) {
    try (StoreTx tx = store.begin()) {
      tx.ticket(first);
      bothHoldOne.countDown();
      bothHoldOne.await();
      try {
        tx.ticket(second);
      } catch (StoreConflict e) {
        assertThat(tx.conflicted()).isTrue();
        assertThatThrownBy(tx::commit).isInstanceOf(StoreConflict.class);
        return true;
      }
      tx.commit();
      return false;
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_fixture_load_waits_for_open_changes() throws Exception {
    try (StoreTx open = one.begin()) {
      open.ticket("tA");
      CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
        try (StoreTx tx = two.begin()) {
          tx.clear();
          tx.commit();
        }
      });
      assertThatThrownBy(() -> load.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
      open.commit();
      within(load);
    }
    try (StoreTx tx = one.begin()) {
      assertThat(tx.tickets()).isEmpty();
      assertThat(tx.nextTicketNumber()).as("numbers restart after a load").isEqualTo(101);
    }
  }

  @Test
  void outbox_seqs_are_given_at_commit_in_commit_order() throws Exception {
    try (StoreTx early = one.begin()) {
      long provisional = early.nextOutboxSeq();
      within(CompletableFuture.runAsync(() -> {
        try (StoreTx late = two.begin()) {
          late.addOutbox(mail(late.nextOutboxSeq()));
          late.addOutbox(mail(late.nextOutboxSeq()));
          late.commit();
        }
      }));
      // the seq this change was given before the other committed is still the one it may use
      early.addOutbox(mail(provisional));
      early.commit();
    }
    List<OutgoingMail> all = one.read().outbox().stream().map(OutboxEntry::mail).toList();
    assertThat(all).extracting(OutgoingMail::seq).containsExactly(1L, 2L, 3L);
  }

  @Test
  void a_message_committed_but_left_unnumbered_is_hidden_until_a_delivery_poll_numbers_it() throws Exception {
    try (StoreTx tx = one.begin()) {
      tx.addOutbox(mail(tx.nextOutboxSeq()));
      tx.commit();
    }
    // what a node that died between its commit and numbering its mail leaves behind
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
        java.sql.Statement s = c.createStatement()) {
      s.execute("INSERT INTO outbox (seq, ticket_id, state, attempts, body)"
          + " SELECT -999, ticket_id, state, 0, body FROM outbox WHERE seq = 1");
    }
    assertThat(two.read().outbox()).extracting(OutboxEntry::seq).containsExactly(1L);
    assertThat(two.pending(10)).extracting(OutgoingMail::seq).containsExactly(1L, 2L);
    assertThat(one.read().outbox()).extracting(e -> e.mail().seq()).containsExactly(1L, 2L);
    try (StoreTx tx = one.begin()) {
      assertThat(tx.nextOutboxSeq()).as("the counter went on").isEqualTo(3);
    }
  }
}
