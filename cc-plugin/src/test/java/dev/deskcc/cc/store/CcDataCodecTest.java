package dev.deskcc.cc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskcc.api.host.PluginData;
import dev.deskcc.api.model.ActorType;
import dev.deskcc.cc.fake.CcPluginUnderTest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CcDataCodecTest {

  private static final CcEntry ANN = new CcEntry("c1", "Ann@x.org", "Ann", CcSource.REPLY,
      new AddedBy(ActorType.AGENT, "alice"), Instant.parse("2026-11-26T10:00:00.123Z"));
  private static final CcEntry SYS = new CcEntry("c2", "b@x.org", null, CcSource.AGENT,
      new AddedBy(ActorType.SYSTEM, null), Instant.parse("2026-11-26T10:00:00Z"));

  @Test
  void ticket_data_survives_a_write_and_a_read_unchanged() {
    TicketCcData data = new TicketCcData(List.of(ANN, SYS), Set.of("c1", "c2", "c0"), 7);
    TicketCcData read = CcDataCodec.read(new PluginData(1, CcDataCodec.write(data), 3));
    assertThat(read).isEqualTo(data);
  }

  @Test
  void held_ccs_survive_a_write_and_a_read_and_only_current_ccs_can_be_held() {
    TicketCcData data = new TicketCcData(List.of(ANN, SYS), Set.of("c1", "c2"), 7).holding(List.of("c2", "c9"));
    assertThat(data.held()).containsExactly("c2");
    TicketCcData read = CcDataCodec.read(new PluginData(1, CcDataCodec.write(data), 3));
    assertThat(read).isEqualTo(data);
    assertThat(read.released().held()).isEmpty();
    assertThat(CcDataCodec.write(read.released()).has("held")).as("no member while nobody is held").isFalse();
  }

  @Test
  void an_entry_is_written_in_the_shape_of_the_cc_field() {
    var json = CcDataCodec.entries(List.of(ANN)).get(0);
    assertThat(json).isEqualTo(CcPluginUnderTest.json("{\"contactId\":\"c1\",\"email\":\"Ann@x.org\",\"name\":\"Ann\","
        + "\"source\":\"REPLY\",\"addedBy\":{\"type\":\"AGENT\",\"id\":\"alice\"},\"addedAt\":\"2026-11-26T10:00:00.123Z\"}"));
  }

  @Test
  void stored_data_is_written_back_byte_for_byte() {
    String stored = "{\"cc\":[{\"contactId\":\"c1\",\"email\":\"Ann@x.org\",\"name\":\"Ann\",\"source\":\"REPLY\","
        + "\"addedBy\":{\"type\":\"AGENT\",\"id\":\"alice\"},\"addedAt\":\"2026-11-26T10:00:00.120Z\"}],"
        + "\"everCc\":[\"c1\"],\"listChangedInVersion\":4}";
    TicketCcData read = CcDataCodec.read(new PluginData(1, CcPluginUnderTest.json(stored), 3));
    assertThat(CcDataCodec.write(read).toString()).isEqualTo(stored);
  }

  @Test
  void data_of_an_unknown_older_schema_is_refused_rather_than_misread() {
    assertThatThrownBy(() -> CcDataCodec.read(new PluginData(0, CcPluginUnderTest.json("{}"), 1)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void data_written_by_a_newer_plugin_is_read_as_far_as_it_is_understood() {
    var value = CcDataCodec.write(new TicketCcData(List.of(ANN), Set.of("c1"), 2));
    value.put("somethingNew", true);
    assertThat(CcDataCodec.read(new PluginData(2, value, 1)).entries()).containsExactly(ANN);
  }
}
