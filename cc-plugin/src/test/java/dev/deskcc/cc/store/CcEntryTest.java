package dev.deskcc.cc.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.api.host.Contacts;
import dev.deskcc.api.model.ActorType;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.ContactStatus;
import dev.deskcc.api.model.EmailAddress;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CcEntryTest {

  private static final AddedBy ALICE = new AddedBy(ActorType.AGENT, "a1");
  private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
  private static final Contact ANN =
      new Contact("c1", new EmailAddress("Ann.Lee@X.org", "Ann Lee"), "Ann", ContactStatus.SPAM, false);

  /** A host that knows only Ann. */
  private static final Contacts HOST = new Contacts() {
    @Override
    public Optional<Contact> byId(String contactId) {
      return ANN.id().equals(contactId) ? Optional.of(ANN) : Optional.empty();
    }

    @Override
    public Optional<Contact> byAddress(EmailAddress address) {
      return address.equals(ANN.email()) ? Optional.of(ANN) : Optional.empty();
    }

    @Override
    public Contact findOrCreate(EmailAddress address) {
      throw new UnsupportedOperationException();
    }
  };

  @Test
  void an_entry_made_from_a_contact_keeps_the_contact_and_its_bare_address() {
    CcEntry entry = CcEntry.of(ANN, CcSource.AGENT, ALICE, AT);

    assertThat(entry.contact()).contains(ANN);
    assertThat(entry.address().displayName()).isNull();
    assertThat(entry.address().address()).isEqualTo("Ann.Lee@X.org");
    assertThat(entry.email()).isEqualTo("Ann.Lee@X.org");
    assertThat(entry.key()).isEqualTo("ann.lee@x.org");
    assertThat(entry.name()).isEqualTo("Ann");
    assertThat(entry.addedAt()).isEqualTo("2026-01-02T03:04:05Z");
  }

  @Test
  void an_entry_read_from_storage_keeps_the_contact_as_the_host_has_it_then() {
    CcEntry entry = CcEntry.stored("c1", CcSource.REPLY, ALICE, "2026-01-02T03:04:05Z", HOST);

    assertThat(entry.contact()).contains(ANN);
    assertThat(entry.contact().orElseThrow().status()).isEqualTo(ContactStatus.SPAM);
    assertThat(entry).isEqualTo(CcEntry.of(ANN, CcSource.REPLY, ALICE, AT));
  }

  @Test
  void an_entry_whose_contact_is_gone_has_no_address_no_contact_and_an_empty_key() {
    CcEntry entry = CcEntry.stored("c9", CcSource.AGENT, ALICE, "2026-01-02T03:04:05Z", HOST);

    assertThat(entry.contact()).isEmpty();
    assertThat(entry.address()).isNull();
    assertThat(entry.email()).isNull();
    assertThat(entry.key()).isEmpty();
  }

  @Test
  void a_new_provenance_keeps_who_the_cc_is_even_when_the_contact_is_gone() {
    Instant later = AT.plusSeconds(60);
    CcEntry moved = CcEntry.of(ANN, CcSource.AGENT, ALICE, AT).withProvenance(CcSource.MERGE, ALICE, later);
    CcEntry orphan = CcEntry.stored("c9", CcSource.AGENT, ALICE, AT.toString(), HOST)
        .withProvenance(CcSource.MERGE, ALICE, later);

    assertThat(moved.source()).isEqualTo(CcSource.MERGE);
    assertThat(moved.addedAt()).isEqualTo(later.toString());
    assertThat(moved.contact()).contains(ANN);
    assertThat(moved.key()).isEqualTo("ann.lee@x.org");
    assertThat(orphan.contactId()).isEqualTo("c9");
    assertThat(orphan.email()).isNull();
  }

  @Test
  void an_entry_made_from_an_address_has_no_contact_record() {
    CcEntry entry = new CcEntry("c2", "B@x.org", null, CcSource.AGENT, ALICE, AT);

    assertThat(entry.contact()).isEmpty();
    assertThat(entry.address()).isEqualTo(new EmailAddress("b@x.org", null));
  }
}
