package dev.deskcc.sim.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.sim.store.jdbc.JdbcStore;
import dev.deskcc.sim.store.jdbc.StoreFailure;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an H2 file, and what only a data folder adds: the world outlives the process. */
class H2StoreTest extends StoreContract {
  @TempDir Path dir;

  @Override
  Store newStore() {
    return JdbcStore.h2(dir.resolve("data"));
  }

  @Test
  void what_was_committed_is_there_after_reopening_and_counters_go_on() {
    try (StoreTx tx = store.begin()) {
      tx.clear();
      tx.putContact(contact("c1", "ann@example.com"));
      tx.putTicket(ticket("t1", tx.nextTicketNumber(), 1, "kept"), "d");
      tx.addOutbox(mail(tx.nextOutboxSeq()));
      tx.commit();
    }
    try (StoreTx tx = store.begin()) {
      tx.putContact(contact("c2", "lost@example.com"));
      // never committed
    }
    assertThat(store.pending(5)).hasSize(1); // claimed by this run, which then ends without delivering
    store.close();
    store = JdbcStore.h2(dir.resolve("data"));
    assertThat(store.holdsWorld()).isTrue();
    assertThat(store.read().ticket("t1").orElseThrow().subject()).isEqualTo("kept");
    assertThat(store.read().contactByAddress(EmailAddress.parse("lost@example.com"))).isEmpty();
    assertThat(store.pending(5)).as("queued mail is offered again at once").extracting(m -> m.seq()).containsExactly(1L);
    try (StoreTx tx = store.begin()) {
      assertThat(tx.nextTicketNumber()).isEqualTo(102);
      assertThat(tx.nextOutboxSeq()).isEqualTo(2);
    }
  }

  @Test
  void a_folder_held_by_another_store_or_a_file_is_refused_with_a_clear_error() throws Exception {
    assertThatThrownBy(() -> JdbcStore.h2(dir.resolve("data")))
        .isInstanceOfSatisfying(StoreFailure.class,
            e -> assertThat(e.code()).isEqualTo(StoreFailure.Code.DATA_DIR_UNUSABLE))
        .hasMessageContaining("data folder");
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    assertThatThrownBy(() -> JdbcStore.h2(file))
        .isInstanceOfSatisfying(StoreFailure.class,
            e -> assertThat(e.code()).isEqualTo(StoreFailure.Code.DATA_DIR_UNUSABLE));
  }

  @Test
  void a_data_folder_whose_path_would_change_the_database_url_is_refused() {
    Path evil = dir.resolve("x;INIT=CREATE TABLE PWNED(A INT)");
    assertThatThrownBy(() -> JdbcStore.h2(evil))
        .isInstanceOfSatisfying(StoreFailure.class,
            e -> assertThat(e.code()).isEqualTo(StoreFailure.Code.DATA_DIR_UNUSABLE))
        .hasMessageContaining(evil.toString());
    assertThat(Files.exists(evil)).as("nothing created").isFalse();
    assertThat(dir.resolve("x.mv.db")).as("no database beside the folder").doesNotExist();
  }

  @Test
  void address_keys_stored_before_the_canonical_form_are_rewritten_on_start() throws Exception {
    try (StoreTx tx = store.begin()) {
      tx.clear();
      tx.putContact(contact("c1", "\"Ann\"@B\u00fccher.example"));
      tx.commit();
    }
    store.close();
    // what an earlier release wrote: the lower-cased address as the key, and no migration 3 (nor
    // the later 4 and 5) yet
    try (Connection c = DriverManager.getConnection(
        "jdbc:h2:file:" + dir.resolve("data").toAbsolutePath().resolve("deskcc"), "sa", "");
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE contacts SET address_key = '\"ann\"@b\u00fccher.example' WHERE id = 'c1'");
      s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('3', '4', '5')");
      s.executeUpdate("DROP TABLE mutes");
      s.executeUpdate("DROP TABLE bounces");
      s.executeUpdate("DROP INDEX outbox_ticket");
    }
    store = JdbcStore.h2(dir.resolve("data"));
    assertThat(store.read().contactByAddress(EmailAddress.parse("ann@xn--bcher-kva.example")))
        .get().extracting(c -> c.id()).isEqualTo("c1");
  }
}
