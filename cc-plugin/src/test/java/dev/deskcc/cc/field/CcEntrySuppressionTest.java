package dev.deskcc.cc.field;

import static dev.deskcc.cc.fake.CcPluginUnderTest.items;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.error.Verdict;
import dev.deskcc.cc.fake.CcPluginUnderTest;
import dev.deskcc.cc.fake.FakeDesk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract §6, [cc]: every CC entry says {@code "muted"} (muted on this ticket) and {@code
 * "bouncing"} (the address bounces, on any ticket), read from the host's suppressions.
 */
class CcEntrySuppressionTest {

  private final FakeDesk desk = FakeDesk.demo().ticket("t2", "hr", "emma");
  private final CcPluginUnderTest plugin = new CcPluginUnderTest(desk);

  @BeforeEach
  void ccs() {
    assertThat(plugin.fieldsUpdated("t1", items("ann@x.org", "Bob <bob@y.org>"))).isEqualTo(Verdict.accept());
    assertThat(plugin.fieldsUpdated("t2", items("ann@x.org", "bob@y.org"))).isEqualTo(Verdict.accept());
  }

  private JsonNode entry(String ticketId, String email) {
    for (JsonNode e : plugin.ccValue(ticketId)) {
      if (e.path("email").asText().equalsIgnoreCase(email)) {
        return e;
      }
    }
    throw new AssertionError(email + " is no CC of " + ticketId);
  }

  private List<String> flags(String ticketId, String email) {
    JsonNode e = entry(ticketId, email);
    assertThat(e.path("muted").isBoolean()).as("muted is a boolean: %s", e).isTrue();
    assertThat(e.path("bouncing").isBoolean()).as("bouncing is a boolean: %s", e).isTrue();
    List<String> on = new ArrayList<>();
    if (e.path("muted").booleanValue()) {
      on.add("muted");
    }
    if (e.path("bouncing").booleanValue()) {
      on.add("bouncing");
    }
    return on;
  }

  @Test
  void every_entry_says_false_twice_while_nobody_is_suppressed() {
    assertThat(flags("t1", "ann@x.org")).isEmpty();
    assertThat(flags("t1", "bob@y.org")).isEmpty();
  }

  @Test
  void a_cc_who_muted_a_ticket_is_muted_on_that_ticket_only() {
    desk.mute("t1", "ann@x.org");
    assertThat(flags("t1", "ann@x.org")).containsExactly("muted");
    assertThat(flags("t2", "ann@x.org")).as("the other ticket").isEmpty();
    assertThat(flags("t1", "bob@y.org")).isEmpty();
  }

  @Test
  void a_bouncing_address_is_bouncing_on_every_ticket_until_the_bounce_is_cleared() {
    desk.bounce("BOB@y.org");
    assertThat(flags("t1", "bob@y.org")).containsExactly("bouncing");
    assertThat(flags("t2", "bob@y.org")).containsExactly("bouncing");
    desk.clearBounce("bob@y.org");
    assertThat(flags("t1", "bob@y.org")).isEmpty();
    assertThat(flags("t2", "bob@y.org")).isEmpty();
  }

  @Test
  void a_muted_cc_whose_address_bounces_is_both_and_stays_muted_once_the_bounce_is_cleared() {
    desk.mute("t1", "bob@y.org");
    desk.bounce("bob@y.org");
    assertThat(flags("t1", "bob@y.org")).containsExactly("muted", "bouncing");
    desk.clearBounce("bob@y.org");
    assertThat(flags("t1", "bob@y.org")).containsExactly("muted");
  }

  @Test
  void the_flags_sit_beside_the_provenance_and_held() {
    desk.mute("t1", "ann@x.org");
    JsonNode e = entry("t1", "ann@x.org");
    assertThat(e.fieldNames()).toIterable()
        .containsExactly("contactId", "email", "name", "source", "addedBy", "addedAt", "held", "muted", "bouncing");
  }
}
