package dev.deskcc.cc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.host.Contacts;
import dev.deskcc.api.host.PluginData;
import dev.deskcc.api.model.ActorType;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.ContactStatus;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.cc.fake.CcPluginUnderTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CcDataCodecTest {

  private static final CcEntry ANN = new CcEntry("c1", "Ann@x.org", "Ann", CcSource.REPLY,
      new AddedBy(ActorType.AGENT, "alice"), Instant.parse("2026-11-26T10:00:00.123Z"));
  private static final CcEntry SYS = new CcEntry("c2", "b@x.org", null, CcSource.AGENT,
      new AddedBy(ActorType.SYSTEM, null), Instant.parse("2026-11-26T10:00:00Z"));

  /** The host's contacts, as far as these tests need them. */
  private static final class Directory implements Contacts {
    final Map<String, Contact> byId = new HashMap<>();
    int lookUps;

    Directory with(String id, String email, String name, ContactStatus status) {
      byId.put(id, new Contact(id, email == null ? null : new EmailAddress(email, null), name, status, false));
      return this;
    }

    @Override
    public Optional<Contact> byId(String contactId) {
      lookUps++;
      return Optional.ofNullable(byId.get(contactId));
    }

    @Override
    public Optional<Contact> byAddress(EmailAddress address) {
      return byId.values().stream().filter(c -> address.equals(c.email())).findFirst();
    }

    @Override
    public Contact findOrCreate(EmailAddress address) {
      throw new UnsupportedOperationException();
    }
  }

  private final Directory contacts = new Directory()
      .with("c1", "Ann@x.org", "Ann", ContactStatus.ACTIVE)
      .with("c2", "b@x.org", null, ContactStatus.ACTIVE);

  private TicketCcData read(int version, String json) {
    return CcDataCodec.read(new PluginData(version, CcPluginUnderTest.json(json), 3), contacts);
  }

  private TicketCcData roundTrip(TicketCcData data) {
    return CcDataCodec.read(new PluginData(CcDataCodec.SCHEMA_VERSION, CcDataCodec.write(data), 3), contacts);
  }

  @Test
  void ticket_data_survives_a_write_and_a_read_unchanged() {
    TicketCcData data = new TicketCcData(List.of(ANN, SYS), Set.of("c1", "c2", "c0"), 7);
    TicketCcData read = roundTrip(data);
    assertThat(read).isEqualTo(data);
    assertThat(read.entries()).extracting(CcEntry::email, CcEntry::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Ann@x.org", "Ann"),
            org.assertj.core.groups.Tuple.tuple("b@x.org", null));
    assertThat(read.everCc()).containsExactlyInAnyOrder("c0", "c1", "c2");
  }

  @Test
  void held_ccs_survive_a_write_and_a_read_and_only_current_ccs_can_be_held() {
    TicketCcData data = new TicketCcData(List.of(ANN, SYS), Set.of("c1", "c2"), 7).holding(List.of("c2", "c9"));
    assertThat(data.held()).containsExactly("c2");
    TicketCcData read = roundTrip(data);
    assertThat(read).isEqualTo(data);
    assertThat(read.released().held()).isEmpty();
    assertThat(CcDataCodec.write(read.released()).has("held")).as("no member while nobody is held").isFalse();
  }

  @Test
  void an_entry_is_rendered_in_the_shape_of_the_cc_field() {
    var json = CcDataCodec.entries(roundTrip(new TicketCcData(List.of(ANN), Set.of(), 1)).entries()).get(0);
    assertThat(json).isEqualTo(CcPluginUnderTest.json("{\"contactId\":\"c1\",\"email\":\"Ann@x.org\",\"name\":\"Ann\","
        + "\"source\":\"REPLY\",\"addedBy\":{\"type\":\"AGENT\",\"id\":\"alice\"},\"addedAt\":\"2026-11-26T10:00:00.123Z\"}"));
  }

  @Test
  void the_contacts_address_and_name_are_not_stored_but_read_from_the_contact() {
    ObjectNode stored = CcDataCodec.write(new TicketCcData(List.of(ANN, SYS), Set.of("c1", "c2", "c0"), 7));
    assertThat(stored.toString()).doesNotContain("Ann@x.org").doesNotContain("\"Ann\"");
    assertThat(stored.toString()).isEqualTo("{\"cc\":\"c1 REPLY AGENT:alice 2026-11-26T10:00:00.123Z;"
        + "c2 AGENT SYSTEM 2026-11-26T10:00:00Z\",\"formerCc\":\"c0\",\"listChangedInVersion\":7}");
  }

  @Test
  void a_renamed_contact_shows_its_new_address_and_name() {
    TicketCcData data = roundTrip(new TicketCcData(List.of(ANN), Set.of(), 1));
    contacts.with("c1", "ann.lee@y.org", "Ann Lee", ContactStatus.ACTIVE);
    CcEntry entry = roundTrip(data).entries().get(0);
    assertThat(entry.email()).isEqualTo("ann.lee@y.org");
    assertThat(entry.name()).isEqualTo("Ann Lee");
    assertThat(entry.key()).isEqualTo("ann.lee@y.org");
  }

  @Test
  void a_deleted_contact_still_shows_its_address_and_an_unknown_one_shows_none() {
    contacts.with("c1", "Ann@x.org", "Ann", ContactStatus.DELETED);
    contacts.byId.remove("c2");
    List<CcEntry> entries = roundTrip(new TicketCcData(List.of(ANN, SYS), Set.of(), 1)).entries();
    assertThat(entries.get(0).email()).isEqualTo("Ann@x.org");
    assertThat(entries.get(1).email()).isNull();
    assertThat(entries.get(1).key()).as("matches no address").isEmpty();
    var rendered = CcDataCodec.entries(entries).get(1);
    assertThat(rendered.path("contactId").asText()).isEqualTo("c2");
    assertThat(rendered.path("email").isNull()).isTrue();
    assertThat(rendered.path("source").asText()).isEqualTo("AGENT");
  }

  @Test
  void a_read_looks_each_contact_up_once_and_its_entries_are_values_that_need_no_host_afterwards() {
    TicketCcData data = roundTrip(new TicketCcData(List.of(ANN, SYS), Set.of(), 1));
    assertThat(contacts.lookUps).isEqualTo(2);
    assertThat(data.isCurrent("c2")).isTrue();
    data.entries().get(0).email();
    data.entries().get(0).key();
    data.entries().get(0).name();
    assertThat(contacts.lookUps).as("values: no look-up after the read").isEqualTo(2);
  }

  @Test
  void stored_data_is_written_back_byte_for_byte() {
    String stored = "{\"cc\":\"c1,c3 REPLY AGENT:alice 2026-11-26T10:00:00.120Z;c2 EMAIL CONTACT:c1 2026-11-26T10:00:01Z\","
        + "\"formerCc\":\"c0 c7\",\"listChangedInVersion\":4,\"held\":\"c2\"}";
    assertThat(CcDataCodec.write(read(2, stored)).toString()).isEqualTo(stored);
  }

  /** Exactly what version 1 of the plugin (up to 0.1.0) stored. */
  private static final String V1 = "{\"cc\":[{\"contactId\":\"c1\",\"email\":\"Ann@x.org\",\"name\":\"Ann\","
      + "\"source\":\"REPLY\",\"addedBy\":{\"type\":\"AGENT\",\"id\":\"alice\"},\"addedAt\":\"2026-11-26T10:00:00.120Z\"},"
      + "{\"contactId\":\"c2\",\"email\":\"b@x.org\",\"name\":null,\"source\":\"EMAIL\","
      + "\"addedBy\":{\"type\":\"SYSTEM\",\"id\":null},\"addedAt\":\"2026-11-26T10:00:01Z\"}],"
      + "\"everCc\":[\"c0\",\"c1\",\"c2\"],\"listChangedInVersion\":4,\"held\":[\"c2\"]}";

  @Test
  void version_1_data_is_migrated_when_read_and_written_back_in_version_2() {
    TicketCcData read = read(1, V1);
    assertThat(read.entries()).extracting(CcEntry::contactId, CcEntry::email, CcEntry::name, CcEntry::source,
            CcEntry::addedBy, CcEntry::addedAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("c1", "Ann@x.org", "Ann", CcSource.REPLY,
                new AddedBy(ActorType.AGENT, "alice"), "2026-11-26T10:00:00.120Z"),
            org.assertj.core.groups.Tuple.tuple("c2", "b@x.org", null, CcSource.EMAIL,
                new AddedBy(ActorType.SYSTEM, null), "2026-11-26T10:00:01Z"));
    assertThat(read.everCc()).as("a held CC is not (yet) a CC").containsExactlyInAnyOrder("c0", "c1");
    assertThat(read.wasEverCc("c0")).isTrue();
    assertThat(read.wasEverCc("c2")).isFalse();
    assertThat(read.isCurrent("c0")).isFalse();
    assertThat(read.held()).containsExactly("c2");
    assertThat(read.listChangedInVersion()).isEqualTo(4);
    assertThat(CcDataCodec.write(read).toString()).isEqualTo(
        "{\"cc\":\"c1 REPLY AGENT:alice 2026-11-26T10:00:00.120Z;c2 EMAIL SYSTEM 2026-11-26T10:00:01Z\","
            + "\"formerCc\":\"c0\",\"listChangedInVersion\":4,\"held\":\"c2\"}");
  }

  @Test
  void empty_version_1_data_reads_as_no_ccs() {
    TicketCcData read = read(1, "{\"cc\":[],\"everCc\":[],\"listChangedInVersion\":0}");
    assertThat(read.entries()).isEmpty();
    assertThat(read.everCc()).isEmpty();
    assertThat(roundTrip(read)).isEqualTo(read);
  }

  @Test
  void ids_holding_separators_survive_a_write_and_a_read() {
    CcEntry odd = new CcEntry("c 1;x:%", "odd@x.org", "Odd", CcSource.AGENT,
        new AddedBy(ActorType.AGENT, "a:b c"), Instant.parse("2026-11-26T10:00:00Z"));
    contacts.with("c 1;x:%", "odd@x.org", "Odd", ContactStatus.ACTIVE);
    TicketCcData data = new TicketCcData(List.of(odd, ANN), Set.of("", "former;1"), 3).holding(List.of("c 1;x:%"));
    TicketCcData read = roundTrip(data);
    assertThat(read).isEqualTo(data);
    assertThat(read.entries().get(0).addedBy().id()).isEqualTo("a:b c");
    assertThat(read.entries().get(0).email()).isEqualTo("odd@x.org");
  }

  @Test
  void ccs_added_by_one_change_share_one_written_provenance_and_keep_their_order() {
    Instant at = Instant.parse("2026-11-26T10:00:00.123Z");
    AddedBy alice = new AddedBy(ActorType.AGENT, "alice");
    List<CcEntry> entries = List.of(
        new CcEntry("c1", "Ann@x.org", "Ann", CcSource.AGENT, alice, at),
        new CcEntry("c4", "d@x.org", null, CcSource.AGENT, alice, at),
        SYS,
        new CcEntry("c3", "c@x.org", null, CcSource.AGENT, alice, at));
    contacts.with("c3", "c@x.org", null, ContactStatus.ACTIVE).with("c4", "d@x.org", null, ContactStatus.ACTIVE);
    TicketCcData data = new TicketCcData(entries, Set.of(), 2);
    ObjectNode stored = CcDataCodec.write(data);
    assertThat(stored.path("cc").asText()).isEqualTo("c1,c4 AGENT AGENT:alice 2026-11-26T10:00:00.123Z;"
        + "c2 AGENT SYSTEM 2026-11-26T10:00:00Z;c3 AGENT AGENT:alice 2026-11-26T10:00:00.123Z");
    TicketCcData read = roundTrip(data);
    assertThat(read.entries()).containsExactlyElementsOf(entries);
    assertThat(read.entries()).extracting(CcEntry::email).containsExactly("Ann@x.org", "d@x.org", "b@x.org", "c@x.org");
  }

  @Test
  void twenty_ccs_added_at_once_take_a_few_hundred_bytes_of_json() {
    List<CcEntry> entries = new ArrayList<>();
    Set<String> former = new LinkedHashSet<>();
    for (int i = 0; i < 20; i++) {
      entries.add(new CcEntry("c" + (100_000 + i), "person-" + i + "@customers.example.com", "Person " + i,
          CcSource.AGENT, new AddedBy(ActorType.AGENT, "a12"), Instant.parse("2026-11-26T10:00:00.123Z")));
    }
    for (int i = 0; i < 5; i++) {
      former.add("c" + (200_000 + i));
    }
    String text = CcDataCodec.write(new TicketCcData(entries, former, 9)).toString();
    assertThat(text.length()).as(text).isLessThan(300);
  }

  @Test
  void data_of_an_unknown_older_schema_is_refused_rather_than_misread() {
    assertThatThrownBy(() -> read(0, "{}")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void data_written_by_a_newer_plugin_is_read_as_far_as_it_is_understood() {
    var value = CcDataCodec.write(new TicketCcData(List.of(ANN), Set.of("c1"), 2));
    value.put("somethingNew", true);
    assertThat(CcDataCodec.read(new PluginData(CcDataCodec.SCHEMA_VERSION + 1, value, 1), contacts).entries())
        .containsExactly(ANN);
  }

  private static PluginData stored(TicketCcData data) {
    return new PluginData(CcDataCodec.SCHEMA_VERSION, CcDataCodec.write(data), 3);
  }

  @Test
  void the_codec_reads_back_the_current_and_held_ccs_in_order_and_refuses_malformed_text() {
    CcEntry odd = new CcEntry("c 1;x:%", "odd@x.org", "Odd", CcSource.AGENT,
        new AddedBy(ActorType.AGENT, "a:b c"), Instant.parse("2026-11-26T10:00:00Z"));
    TicketCcData data = new TicketCcData(List.of(SYS, odd, ANN), Set.of("c0"), 3).holding(List.of("c 1;x:%", "c1"));
    TicketCcData read = CcDataCodec.read(stored(data), contacts);
    assertThat(read.entries()).extracting(CcEntry::contactId).containsExactly("c2", "c 1;x:%", "c1");
    assertThat(read.held()).containsExactlyInAnyOrder("c 1;x:%", "c1");
    assertThatThrownBy(() -> CcDataCodec.read(new PluginData(2, CcPluginUnderTest.json("{\"cc\":\"c1 REPLY\"}"), 1),
        contacts)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void whether_ccs_are_held_survives_the_round_trip() {
    TicketCcData data = new TicketCcData(List.of(ANN, SYS), Set.of(), 7);
    assertThat(CcDataCodec.read(stored(data), contacts).held()).isEmpty();
    assertThat(CcDataCodec.read(stored(data.holding(List.of("c2"))), contacts).held()).containsExactly("c2");
  }

  @Test
  void decoded_data_works_out_the_former_ccs_only_when_asked_and_equals_the_data_written() {
    TicketCcData data = new TicketCcData(List.of(ANN), new LinkedHashSet<>(List.of("c9", "former;1", "c0")), 5);
    TicketCcData read = roundTrip(data);
    assertThat(read.everCc()).containsExactly("c1", "c9", "former;1", "c0");
    assertThat(read.wasEverCc("former;1")).isTrue();
    assertThat(read).isEqualTo(data).hasSameHashCodeAs(data);
    assertThat(roundTrip(data).withEntries(List.of(SYS), 6).everCc()).containsExactly("c1", "c9", "former;1", "c0", "c2");
  }

  @Test
  void agent_removals_survive_a_write_and_a_read_and_data_without_them_reads_as_none() {
    TicketCcData before = new TicketCcData(List.of(ANN, SYS), Set.of("c1", "c2"), 7);
    TicketCcData after = new TicketCcData(List.of(ANN), Set.of("c1", "c2"), 8).afterAgentEdit(before);
    assertThat(after.removedByAgent()).containsExactly("c2");
    TicketCcData read = roundTrip(after);
    assertThat(read).isEqualTo(after);
    assertThat(read.removedByAgent()).containsExactly("c2");
    assertThat(read.withEntries(List.of(ANN, SYS), 9).afterAgentEdit(read).removedByAgent())
        .as("an agent putting the CC back lifts it").isEmpty();
    assertThat(CcDataCodec.write(before).has("removedByAgent")).as("no member while nobody was removed").isFalse();
    assertThat(roundTrip(before).removedByAgent()).isEmpty();
  }
}
