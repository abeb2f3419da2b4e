package dev.deskcc.sim.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.ContactStatus;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.Edition;
import dev.deskcc.api.model.Org;
import dev.deskcc.sim.mail.OutgoingMail;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class InMemoryStoreTest {
  private final InMemoryStore store = new InMemoryStore();

  private static Contact contact(String id, String email) {
    return new Contact(id, EmailAddress.parse(email), null, ContactStatus.ACTIVE, false);
  }

  @Test
  void a_transaction_sees_its_own_writes_and_others_see_them_only_after_commit() {
    try (StoreTx tx = store.begin()) {
      tx.putContact(contact("c1", "ann@example.com"));
      assertThat(tx.contact("c1")).isPresent();
      assertThat(tx.contactByAddress(EmailAddress.parse("ANN@example.com"))).isPresent();
      assertThat(store.read().contact("c1")).isEmpty();
      tx.commit();
    }
    assertThat(store.read().contact("c1")).isPresent();
  }

  @Test
  void rollback_and_close_without_commit_discard_every_write() {
    try (StoreTx tx = store.begin()) {
      tx.putOrg(new Org("Acme", Edition.STANDARD));
      tx.putContact(contact("c1", "ann@example.com"));
      tx.rollback();
    }
    try (StoreTx tx = store.begin()) {
      tx.putContact(contact("c2", "bob@example.com"));
    }
    assertThat(store.read().org()).isEmpty();
    assertThat(store.read().contacts()).isEmpty();
  }

  @Test
  void a_normalised_address_belongs_to_one_contact_only() {
    try (StoreTx tx = store.begin()) {
      tx.putContact(contact("c1", "ann@example.com"));
      assertThatThrownBy(() -> tx.putContact(contact("c2", "Ann@Example.COM")))
          .isInstanceOf(UniqueAddressException.class);
      tx.putContact(contact("c1", "ann.new@example.com"));
      tx.putContact(contact("c2", "ann@example.com"));
      tx.commit();
    }
    assertThat(store.read().contactByAddress(EmailAddress.parse("ann@example.com")).orElseThrow().id())
        .isEqualTo("c2");
  }

  @Test
  void plugin_data_revisions_grow_per_write_and_are_kept_per_plugin() {
    try (StoreTx tx = store.begin()) {
      tx.putPluginData("p1", DataScope.TICKET, "t1", 1, JsonNodeFactory.instance.textNode("a"));
      assertThat(tx.putPluginData("p1", DataScope.TICKET, "t1", 2, JsonNodeFactory.instance.textNode("b"))
          .revision()).isEqualTo(2);
      tx.commit();
    }
    assertThat(store.read().pluginData("p1", DataScope.TICKET, "t1").orElseThrow().schemaVersion()).isEqualTo(2);
    assertThat(store.read().pluginData("p2", DataScope.TICKET, "t1")).isEmpty();
    assertThat(store.read().pluginData("p1", DataScope.DEPARTMENT, "t1")).isEmpty();
  }

  @Test
  void clear_restarts_counters_but_not_ids_and_outbox_seq_starts_at_one() {
    String firstId;
    try (StoreTx tx = store.begin()) {
      firstId = tx.newId("x");
      assertThat(tx.nextTicketNumber()).isEqualTo(101);
      tx.addOutbox(mail(tx.nextOutboxSeq()));
      tx.commit();
    }
    try (StoreTx tx = store.begin()) {
      tx.clear();
      assertThat(tx.outbox()).isEmpty();
      assertThat(tx.newId("x")).isNotEqualTo(firstId);
      assertThat(tx.nextTicketNumber()).isEqualTo(101);
      assertThat(tx.nextOutboxSeq()).isEqualTo(1);
      tx.commit();
    }
    assertThat(store.read().outbox()).isEmpty();
  }

  @Test
  void write_transactions_are_serialised() throws Exception {
    AtomicBoolean secondStarted = new AtomicBoolean();
    CompletableFuture<Void> second;
    try (StoreTx tx = store.begin()) {
      second = CompletableFuture.runAsync(() -> {
        try (StoreTx other = store.begin()) {
          secondStarted.set(true);
          assertThat(other.contact("c1")).isPresent();
          other.commit();
        }
      });
      Thread.sleep(50);
      assertThat(secondStarted).isFalse();
      tx.putContact(contact("c1", "ann@example.com"));
      tx.commit();
    }
    second.get(5, TimeUnit.SECONDS);
    assertThat(secondStarted).isTrue();
  }

  @Test
  void the_store_is_the_outbox_queue() {
    try (StoreTx tx = store.begin()) {
      tx.addOutbox(mail(1));
      tx.addOutbox(mail(2));
      tx.commit();
    }
    assertThat(store.pending(10)).extracting(OutgoingMail::seq).containsExactly(1L, 2L);
    store.delivered(1);
    store.failed(2, "550 no such user", true);
    assertThat(store.pending(10)).isEmpty();
    assertThat(store.read().outbox()).extracting(OutboxEntry::state)
        .containsExactly(DeliveryState.DELIVERED, DeliveryState.FAILED);
  }

  private static OutgoingMail mail(long seq) {
    return new OutgoingMail(seq, "t1", "TICKET_CREATED", EmailAddress.parse("noreply@acme.test"), null,
        List.of(EmailAddress.parse("ann@example.com")), List.of(), "s", "b", "<m" + seq + "@acme.test>", null,
        List.of(), false);
  }
}
