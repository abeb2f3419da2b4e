package dev.deskcc.sim.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.ActorType;
import dev.deskcc.api.model.Agent;
import dev.deskcc.api.model.Attachment;
import dev.deskcc.api.model.Channel;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.ContactStatus;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.Edition;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.EntryKind;
import dev.deskcc.api.model.Org;
import dev.deskcc.api.model.Rating;
import dev.deskcc.api.model.RatingMode;
import dev.deskcc.api.model.RatingValue;
import dev.deskcc.api.model.ThreadEntry;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.api.model.TicketStatus;
import dev.deskcc.sim.mail.OutgoingMail;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} promises, whatever keeps the data. Each backing runs this suite through
 * a subclass that says how to make a fresh, empty store.
 */
abstract class StoreContract {
  static final Instant T0 = Instant.parse("2026-11-26T10:15:30.123456Z");

  Store store;

  /** A fresh store holding no world. */
  abstract Store newStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  static Contact contact(String id, String email) {
    return new Contact(id, EmailAddress.parse(email), null, ContactStatus.ACTIVE, false);
  }

  static Ticket ticket(String id, long number, long version, String subject) {
    ThreadEntry entry = new ThreadEntry("e1", EntryKind.REPLY, true, Actor.agent("a1"),
        EmailAddress.parse("Alice <alice@acme.test>"), "Hello", List.of(EmailAddress.parse("ann@example.com")),
        List.of(EmailAddress.parse("Bob Lee <bob@example.com>")),
        List.of(new Attachment("a.txt", 3, "text/plain", "abc")), T0, null, false);
    ThreadEntry comment = new ThreadEntry("e2", EntryKind.COMMENT, false, Actor.contact("c1"), null, "", List.of(),
        List.of(), List.of(), T0.plusSeconds(5), T0.plusSeconds(9), true);
    return new Ticket(id, number, "d1", subject, TicketStatus.OPEN, Channel.EMAIL, "c1", List.of(entry, comment),
        version, null, Set.of("c9"), T0);
  }

  static OutgoingMail mail(long seq) {
    return mail(seq, "t1");
  }

  static OutgoingMail mail(long seq, String ticketId) {
    return new OutgoingMail(seq, ticketId, "TICKET_CREATED", EmailAddress.parse("noreply@acme.test"),
        EmailAddress.parse("Desk <onboarding@acme.test>"), List.of(EmailAddress.parse("ann@example.com")),
        List.of(EmailAddress.parse("bob@example.com")), "s", "b", "<m" + seq + "@acme.test>", "<x@acme.test>",
        List.of("<x@acme.test>"), seq % 2 == 0);
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
      tx.putTicket(ticket("t1", 101, 1, "s"), "d");
      tx.addOutbox(mail(tx.nextOutboxSeq()));
    }
    assertThat(store.read().org()).isEmpty();
    assertThat(store.read().contacts()).isEmpty();
    assertThat(store.read().tickets()).isEmpty();
    assertThat(store.read().outbox()).isEmpty();
  }

  @Test
  void a_normalised_address_belongs_to_one_contact_only() {
    try (StoreTx tx = store.begin()) {
      tx.putContact(contact("c1", "ann@example.com"));
      assertThatThrownBy(() -> tx.putContact(contact("c2", "Ann@Example.COM")))
          .isInstanceOf(UniqueAddressException.class);
      tx.putContact(contact("c1", "ann.new@example.com"));
      tx.putContact(contact("c2", "ann@example.com"));
      tx.putContact(new Contact("c3", null, "Visitor", ContactStatus.ACTIVE, true));
      tx.putContact(new Contact("c4", null, "Visitor 2", ContactStatus.ACTIVE, true));
      tx.commit();
    }
    assertThat(store.read().contactByAddress(EmailAddress.parse("ann@example.com")).orElseThrow().id())
        .isEqualTo("c2");
    assertThat(store.read().contacts()).extracting(Contact::id).containsExactly("c1", "c2", "c3", "c4");
  }

  @Test
  void an_address_belongs_to_one_agent_only() {
    try (StoreTx tx = store.begin()) {
      tx.putAgent(new Agent("a1", "Alice", EmailAddress.parse("alice@acme.test"), true, Set.of("d1")));
      assertThatThrownBy(() -> tx.putAgent(new Agent("a2", "Al", EmailAddress.parse("ALICE@acme.test"), false,
          Set.of()))).isInstanceOf(UniqueAddressException.class);
      tx.commit();
    }
    assertThat(store.read().agentByAddress(EmailAddress.parse("Alice@ACME.test")).orElseThrow())
        .isEqualTo(new Agent("a1", "Alice", EmailAddress.parse("alice@acme.test"), true, Set.of("d1")));
  }

  @Test
  void every_record_reads_back_as_it_was_written() {
    Ticket ticket = ticket("t1", 101, 1, "Printer");
    Department dept = new Department("d1", "HR", true, List.of(EmailAddress.parse("onboarding@acme.test")),
        List.of(EmailAddress.parse("noreply@acme.test")), RatingMode.ON_CLOSE);
    HistoryEvent event = new HistoryEvent(T0, Actor.system(), "CC_SKIPPED",
        JsonNodeFactory.instance.objectNode().put("email", "x@y.test").put("code", "CONTACT_SPAM"));
    Rating rating = new Rating("r1", RatingValue.GOOD, null, "c1", T0);
    ObjectNode settings = JsonNodeFactory.instance.objectNode().put("enabled", true);
    byte[] bytes = "abc".getBytes(StandardCharsets.UTF_8);
    try (StoreTx tx = store.begin()) {
      tx.putOrg(new Org("Acme", Edition.PROFESSIONAL));
      tx.putDepartment(dept);
      tx.putLayout("d1", List.of("subject", "x"));
      tx.putToken("tok", new TokenOwner(ActorType.CONTACT, "c1"));
      tx.putTicket(ticket, "the description");
      tx.addMessageId("t1", "<b@x>");
      tx.addMessageId("t1", "<a@x>");
      tx.addMessageId("t2", "<a@x>");
      tx.addHistory("t1", event);
      tx.addRating("t1", rating);
      tx.putPluginSettings("d1", "p1", settings);
      tx.putAttachment("abc", bytes);
      tx.putAttachment("abc", "other".getBytes(StandardCharsets.UTF_8));
      tx.putMeta("k", JsonNodeFactory.instance.objectNode().put("a", 1));
      tx.addOutbox(mail(tx.nextOutboxSeq()));
      tx.commit();
    }
    StoreReader r = store.read();
    assertThat(r.org()).contains(new Org("Acme", Edition.PROFESSIONAL));
    assertThat(r.departments()).containsExactly(dept);
    assertThat(r.department("d1")).contains(dept);
    assertThat(r.layout("d1")).contains(List.of("subject", "x"));
    assertThat(r.layout("d2")).isEmpty();
    assertThat(r.tokenOwner("tok")).contains(new TokenOwner(ActorType.CONTACT, "c1"));
    Ticket back = r.ticket("t1").orElseThrow();
    assertThat(back).isEqualTo(ticket);
    assertThat(back.thread().get(0).isPublic()).isTrue();
    assertThat(back.thread().get(0).authorEmail().displayName()).isEqualTo("Alice");
    assertThat(back.thread().get(1).deleted()).isTrue();
    assertThat(r.ticketByNumber(101)).contains(ticket);
    assertThat(r.description("t1")).isEqualTo("the description");
    assertThat(r.description("t9")).isEmpty();
    assertThat(r.messageIds("t1")).containsExactly("<b@x>", "<a@x>");
    assertThat(r.ticketByMessageId("<a@x>")).contains("t1");
    assertThat(r.history("t1")).containsExactly(event);
    assertThat(r.ratings("t1")).containsExactly(rating);
    assertThat(r.pluginSettings("d1", "p1")).contains(settings);
    assertThat(r.attachment("abc")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
    assertThat(r.meta("k").orElseThrow().get("a").asInt()).isEqualTo(1);
    assertThat(r.outbox()).singleElement().satisfies(e -> {
      assertThat(e.mail()).isEqualTo(mail(1));
      assertThat(e.state()).isEqualTo(DeliveryState.PENDING);
    });
  }

  @Test
  void a_later_rating_by_the_same_rater_replaces_the_earlier_one() {
    Rating first = new Rating("r1", RatingValue.BAD, null, "c1", T0);
    Rating other = new Rating("r2", RatingValue.OKAY, null, "c2", T0);
    Rating second = new Rating("r3", RatingValue.GOOD, "better now", "c1", T0);
    try (StoreTx tx = store.begin()) {
      tx.addRating("t1", first);
      tx.addRating("t1", other);
      tx.addRating("t1", second);
      tx.addRating("t2", first);
      tx.commit();
    }
    assertThat(store.read().ratings("t1")).containsExactly(other, second);
    assertThat(store.read().ratings("t2")).containsExactly(first);
  }

  @Test
  void tickets_keep_their_order_and_description_when_updated() {
    try (StoreTx tx = store.begin()) {
      tx.putTicket(ticket("t1", 101, 1, "one"), "first");
      tx.putTicket(ticket("t2", 102, 1, "two"), "second");
      tx.commit();
    }
    try (StoreTx tx = store.begin()) {
      tx.putTicket(ticket("t1", 101, 2, "one, edited"));
      tx.commit();
    }
    assertThat(store.read().tickets()).extracting(Ticket::subject).containsExactly("one, edited", "two");
    assertThat(store.read().description("t1")).isEqualTo("first");
    assertThat(store.read().ticket("t1").orElseThrow().version()).isEqualTo(2);
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
    assertThat(store.read().pluginData("p1", DataScope.TICKET, "t1").orElseThrow().value().asText()).isEqualTo("b");
    assertThat(store.read().pluginData("p2", DataScope.TICKET, "t1")).isEmpty();
    assertThat(store.read().pluginData("p1", DataScope.DEPARTMENT, "t1")).isEmpty();
  }

  @Test
  void clear_restarts_counters_but_not_ids_and_outbox_seq_starts_at_one() {
    String firstId;
    assertThat(store.holdsWorld()).isFalse();
    try (StoreTx tx = store.begin()) {
      firstId = tx.newId("x");
      assertThat(tx.nextTicketNumber()).isEqualTo(101);
      tx.addOutbox(mail(tx.nextOutboxSeq()));
      tx.putMeta("k", JsonNodeFactory.instance.textNode("v"));
      tx.commit();
    }
    try (StoreTx tx = store.begin()) {
      tx.clear();
      assertThat(tx.outbox()).isEmpty();
      assertThat(tx.meta("k")).isEmpty();
      assertThat(tx.newId("x")).isNotEqualTo(firstId);
      assertThat(tx.nextTicketNumber()).isEqualTo(101);
      assertThat(tx.nextOutboxSeq()).isEqualTo(1);
      tx.commit();
    }
    assertThat(store.read().outbox()).isEmpty();
    assertThat(store.holdsWorld()).isTrue();
  }

  @Test
  void an_outbox_seq_out_of_turn_is_refused() {
    try (StoreTx tx = store.begin()) {
      assertThatThrownBy(() -> tx.addOutbox(mail(2))).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** A single-writer store's promise; PostgreSQL's locks at the grain of the work are PostgresLockingTest's. */
  @Test
  void write_transactions_are_serialised() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(store.singleWriter(), "a store with concurrent writers");
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
      tx.addOutbox(mail(3));
      tx.commit();
    }
    assertThat(store.pending(10)).extracting(OutgoingMail::seq).containsExactly(1L, 2L, 3L);
    assertThat(store.pending(10).get(0)).isEqualTo(mail(1));
    store.delivered(1);
    store.failed(2, "550 no such user", true);
    store.failed(3, "503 try later", false);
    assertThat(store.pending(10)).extracting(OutgoingMail::seq).containsExactly(3L);
    assertThat(store.read().outbox()).extracting(OutboxEntry::state)
        .containsExactly(DeliveryState.DELIVERED, DeliveryState.FAILED, DeliveryState.PENDING);
    assertThat(store.read().outbox().get(2).lastError()).isEqualTo("503 try later");
    assertThat(store.read().outbox().get(2).attempts()).isEqualTo(1);
  }

  private static List<Long> seqs(List<OutboxEntry> entries) {
    return entries.stream().map(OutboxEntry::seq).toList();
  }

  @Test
  void a_tickets_outbox_lists_its_own_messages_by_ascending_seq() {
    try (StoreTx tx = store.begin()) {
      tx.addOutbox(mail(tx.nextOutboxSeq(), "t1"));
      tx.addOutbox(mail(tx.nextOutboxSeq(), "t2"));
      tx.addOutbox(mail(tx.nextOutboxSeq(), "t1"));
      tx.commit();
    }
    try (StoreTx tx = store.begin()) {
      tx.addOutbox(mail(tx.nextOutboxSeq(), "t2"));
      tx.addOutbox(mail(tx.nextOutboxSeq(), "t1"));
      assertThat(seqs(tx.outbox("t1"))).as("a transaction sees its own messages").containsExactly(1L, 3L, 5L);
      assertThat(seqs(store.read().outbox("t1"))).as("others only after commit").containsExactly(1L, 3L);
      tx.commit();
    }
    store.delivered(3);
    StoreReader r = store.read();
    assertThat(seqs(r.outbox("t1"))).containsExactly(1L, 3L, 5L);
    assertThat(seqs(r.outbox("t2"))).containsExactly(2L, 4L);
    assertThat(r.outbox("t1")).as("the same entries as the whole outbox's, states included")
        .containsExactlyElementsOf(r.outbox().stream().filter(e -> e.mail().ticketId().equals("t1")).toList());
    assertThat(r.outbox("t1").get(1).state()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(r.outbox("t1").get(2).mail()).isEqualTo(mail(5, "t1"));
  }

  @Test
  void an_unknown_ticket_has_an_empty_outbox() {
    try (StoreTx tx = store.begin()) {
      tx.addOutbox(mail(tx.nextOutboxSeq(), "t1"));
      assertThat(tx.outbox("t9")).isEmpty();
      tx.commit();
    }
    assertThat(store.read().outbox("t9")).isEmpty();
    assertThat(store.read().outbox((String) null)).isEmpty();
  }

  @Test
  void a_rolled_back_message_is_not_in_its_tickets_outbox() {
    try (StoreTx tx = store.begin()) {
      tx.addOutbox(mail(tx.nextOutboxSeq(), "t1"));
      tx.commit();
    }
    try (StoreTx tx = store.begin()) {
      tx.addOutbox(mail(tx.nextOutboxSeq(), "t1"));
      tx.addOutbox(mail(tx.nextOutboxSeq(), "t2"));
      tx.rollback();
    }
    assertThat(seqs(store.read().outbox("t1"))).containsExactly(1L);
    assertThat(store.read().outbox("t2")).isEmpty();
    try (StoreTx tx = store.begin()) {
      tx.addOutbox(mail(tx.nextOutboxSeq(), "t2"));
      tx.commit();
    }
    assertThat(seqs(store.read().outbox("t1"))).as("seq 2 went to another ticket after all").containsExactly(1L);
    assertThat(store.read().outbox("t2")).extracting(OutboxEntry::mail).containsExactly(mail(2, "t2"));
  }

  @Test
  void a_replaced_world_leaves_no_ticket_any_earlier_message() {
    try (StoreTx tx = store.begin()) {
      tx.addOutbox(mail(tx.nextOutboxSeq(), "t1"));
      tx.addOutbox(mail(tx.nextOutboxSeq(), "t1"));
      tx.commit();
    }
    try (StoreTx tx = store.begin()) {
      tx.clear();
      assertThat(tx.outbox("t1")).isEmpty();
      // the new world's seqs start again at 1: a stale index would list these under t1
      tx.addOutbox(mail(tx.nextOutboxSeq(), "t2"));
      tx.addOutbox(mail(tx.nextOutboxSeq(), "t2"));
      assertThat(tx.outbox("t1")).isEmpty();
      tx.commit();
    }
    assertThat(store.read().outbox("t1")).isEmpty();
    assertThat(seqs(store.read().outbox("t2"))).containsExactly(1L, 2L);
  }

  @Test
  void mutes_and_bounces_read_back_as_written_and_go_with_their_removal() {
    try (StoreTx tx = store.begin()) {
      tx.putTicket(ticket("t1", 101, 1, "s"), "d");
      tx.putMute(new Mute("t1", "c1", T0));
      tx.putMute(new Mute("t1", "c2", T0.plusSeconds(1)));
      tx.putBounce(new Bounce("Bob@Example.com", "t1", T0.plusSeconds(2)));
      tx.commit();
    }
    StoreReader r = store.read();
    assertThat(r.mute("t1", "c1")).contains(new Mute("t1", "c1", T0));
    assertThat(r.mute("t2", "c1")).isEmpty();
    assertThat(r.mutes("t1")).containsExactlyInAnyOrder(new Mute("t1", "c1", T0), new Mute("t1", "c2", T0.plusSeconds(1)));
    assertThat(r.bounce(EmailAddress.parse("bob@example.com")))
        .contains(new Bounce("Bob@Example.com", "t1", T0.plusSeconds(2)));
    try (StoreTx tx = store.begin()) {
      tx.putMute(new Mute("t1", "c1", T0.plusSeconds(5)));
      tx.removeMute("t1", "c2");
      tx.removeMute("t1", "nobody");
      tx.removeBounce(EmailAddress.parse("BOB@example.com"));
      tx.commit();
    }
    assertThat(store.read().mutes("t1")).containsExactly(new Mute("t1", "c1", T0.plusSeconds(5)));
    assertThat(store.read().bounce(EmailAddress.parse("bob@example.com"))).isEmpty();
  }

  @Test
  void a_rolled_back_mute_or_bounce_leaves_nothing_and_clear_removes_them() {
    try (StoreTx tx = store.begin()) {
      tx.putTicket(ticket("t1", 101, 1, "s"), "d");
      tx.putMute(new Mute("t1", "c1", T0));
      tx.putBounce(new Bounce("bob@example.com", "t1", T0));
      assertThat(tx.mute("t1", "c1")).isPresent();
      tx.rollback();
    }
    assertThat(store.read().mute("t1", "c1")).isEmpty();
    assertThat(store.read().bounce(EmailAddress.parse("bob@example.com"))).isEmpty();
    try (StoreTx tx = store.begin()) {
      tx.putTicket(ticket("t1", 101, 1, "s"), "d");
      tx.putMute(new Mute("t1", "c1", T0));
      tx.putBounce(new Bounce("bob@example.com", "t1", T0));
      tx.commit();
    }
    try (StoreTx tx = store.begin()) {
      tx.clear();
      tx.commit();
    }
    assertThat(store.read().mute("t1", "c1")).isEmpty();
    assertThat(store.read().mutes("t1")).isEmpty();
    assertThat(store.read().bounce(EmailAddress.parse("bob@example.com"))).isEmpty();
  }
}
