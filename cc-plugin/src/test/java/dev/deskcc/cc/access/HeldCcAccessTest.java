package dev.deskcc.cc.access;

import static dev.deskcc.cc.fake.CcPluginUnderTest.ALICE;
import static dev.deskcc.cc.fake.CcPluginUnderTest.given;
import static dev.deskcc.cc.fake.CcPluginUnderTest.items;
import static dev.deskcc.cc.fake.CcPluginUnderTest.list;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.api.lifecycle.RecipientInput;
import dev.deskcc.cc.fake.CcPluginUnderTest;
import dev.deskcc.cc.fake.FakeDesk;
import dev.deskcc.cc.settings.CcSettings;
import org.junit.jupiter.api.Test;

/**
 * Contract v1.1 §5, held CCs: an entry says {@code "held"}; a held CC has no help-center access at
 * all (held entries do not count as "are or were a CC") until an agent's reply that includes it
 * releases it; held entries count toward the 20. Participants: current and former CCs, held ones
 * included (their mail threads), and nobody where the feature is off.
 */
class HeldCcAccessTest {

  private static final String DESK = "onboarding@acme.test";

  private final FakeDesk desk = FakeDesk.demo().contact("mallory", "mallory@attacker.example", "Mallory");
  private final CcPluginUnderTest plugin = new CcPluginUnderTest(desk);
  private final CcParticipants participants = new CcParticipants();

  private String id(String email) {
    return desk.contactByEmail(email).orElseThrow().id();
  }

  private boolean participates(String contactId) {
    return participants.participates(desk.ticket("t1"), desk.contact(contactId), desk.readOnlyContext());
  }

  @Test
  void a_held_cc_has_no_help_center_access_until_an_agent_reply_releases_it() {
    plugin.newTicketMail("t1", "mallory", list(DESK), list("ann@x.org"));
    assertThat(plugin.ccValue("t1").get(0).path("held").asBoolean()).isTrue();
    assertThat(plugin.access("t1", id("ann@x.org"))).isEmpty();

    plugin.agentReply("t1", RecipientInput.absent(), RecipientInput.absent());

    assertThat(plugin.ccValue("t1").get(0).path("held").asBoolean()).isFalse();
    assertThat(plugin.access("t1", id("ann@x.org"))).hasValueSatisfying(g -> assertThat(g.mayRate()).isTrue());
  }

  @Test
  void a_held_cc_removed_before_its_release_never_was_a_cc() {
    plugin.newTicketMail("t1", "mallory", list(DESK), list("ann@x.org"));
    plugin.fieldsUpdated("t1", items());

    assertThat(plugin.access("t1", id("ann@x.org"))).isEmpty();
    assertThat(participates(id("ann@x.org"))).isFalse();
  }

  @Test
  void a_reply_whose_cc_leaves_a_held_cc_out_does_not_release_it() {
    plugin.newTicketMail("t1", "mallory", list(DESK), list("ann@x.org", "bob@x.org"));

    plugin.agentReply("t1", RecipientInput.absent(), given("bob@x.org"));
    assertThat(plugin.access("t1", id("ann@x.org"))).isEmpty();
    assertThat(plugin.access("t1", id("bob@x.org"))).isPresent();

    plugin.agentReply("t1", RecipientInput.absent(), given());
    assertThat(plugin.access("t1", id("ann@x.org"))).as("an empty Cc goes to no CC").isEmpty();
  }

  @Test
  void held_entries_count_toward_twenty() {
    String[] twenty = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> "h" + i + "@x.org")
        .toArray(String[]::new);
    plugin.newTicketMail("t1", "mallory", list(DESK), list(twenty));
    assertThat(plugin.ccValue("t1")).hasSize(20);

    var refused = plugin.fieldsUpdated("t1", items(java.util.stream.Stream.concat(
        java.util.Arrays.stream(twenty), java.util.stream.Stream.of("one.more@x.org")).toArray(String[]::new)));
    assertThat(CcPluginUnderTest.refusal(refused).code()).isEqualTo("CC_LIMIT_EXCEEDED");
  }

  @Test
  void current_former_and_held_ccs_participate_and_nobody_where_the_feature_is_off() {
    plugin.created("t1", ALICE, items("vera@verify-agency.test", "ann@x.org"));
    plugin.fieldsUpdated("t1", items("ann@x.org"));
    plugin.mail("t1", "emma", list(DESK), list("held@x.org"));
    desk.contact("stranger", "stranger@example.com", "Stranger");

    assertThat(participates("vera")).as("former").isTrue();
    assertThat(participates(id("ann@x.org"))).as("current").isTrue();
    assertThat(participates("stranger")).isFalse();

    desk.set("hr", CcSettings.ENABLED, false);
    assertThat(participates(id("ann@x.org"))).isFalse();
  }
}
