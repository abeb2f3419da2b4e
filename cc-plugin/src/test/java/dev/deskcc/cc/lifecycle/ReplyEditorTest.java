package dev.deskcc.cc.lifecycle;

import static dev.deskcc.cc.fake.CcPluginUnderTest.ALICE;
import static dev.deskcc.cc.fake.CcPluginUnderTest.given;
import static dev.deskcc.cc.fake.CcPluginUnderTest.items;
import static dev.deskcc.cc.fake.CcPluginUnderTest.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.api.error.ItemError;
import dev.deskcc.api.error.Verdict;
import dev.deskcc.api.lifecycle.RecipientInput;
import dev.deskcc.cc.fake.CcPluginUnderTest;
import dev.deskcc.cc.fake.FakeDesk;
import org.junit.jupiter.api.Test;

class ReplyEditorTest {

  private final FakeDesk desk = FakeDesk.demo();
  private final CcPluginUnderTest plugin = new CcPluginUnderTest(desk);

  @Test
  void an_address_added_in_the_reply_cc_joins_the_ticket_with_source_reply() {
    plugin.created("t1", ALICE, items("vera@verify-agency.test"));
    assertThat(plugin.agentReply("t1", RecipientInput.absent(), given("legal@x.org"))).isEqualTo(Verdict.accept());
    assertThat(plugin.ccEmails("t1")).containsExactly("vera@verify-agency.test", "legal@x.org");
    assertThat(plugin.ccValue("t1").get(1).path("source").asText()).isEqualTo("REPLY");
  }

  @Test
  void a_cc_left_out_of_a_reply_stays_on_the_ticket() {
    plugin.created("t1", ALICE, items("vera@verify-agency.test", "ann@x.org"));
    plugin.agentReply("t1", RecipientInput.absent(), given("ann@x.org"));
    assertThat(plugin.ccEmails("t1")).containsExactly("vera@verify-agency.test", "ann@x.org");
  }

  @Test
  void every_to_address_other_than_the_requester_joins_the_cc_list() {
    assertThat(plugin.agentReply("t1", given("emma@example.com", "Manager <boss@example.com>"), RecipientInput.absent()))
        .isEqualTo(Verdict.accept());
    assertThat(plugin.ccEmails("t1")).containsExactly("boss@example.com");
    assertThat(plugin.ccValue("t1").get(0).path("source").asText()).isEqualTo("REPLY");
    assertThat(desk.ticket("t1").requesterId()).isEqualTo("emma");
  }

  @Test
  void reply_addresses_follow_the_same_rules_all_or_nothing() {
    var refusal = refusal(plugin.agentReply("t1", given("emma@example.com", "alice@acme.test"), given("ok@x.org", "junk@spam.test")));
    assertThat(refusal.code()).isEqualTo("CC_REJECTED");
    assertThat(refusal.items()).extracting(ItemError::value).containsExactly("alice@acme.test", "junk@spam.test");
    assertThat(plugin.ccValue("t1")).isEmpty();
  }

  @Test
  void a_reply_that_would_pass_twenty_ccs_is_refused() {
    plugin.created("t1", ALICE, items(AgentCcTest.people(19)));
    assertThat(refusal(plugin.agentReply("t1", given("one@y.org"), given("two@y.org"))).code()).isEqualTo("CC_LIMIT_EXCEEDED");
    assertThat(plugin.agentReply("t1", given("one@y.org"), given("ONE@y.org"))).isEqualTo(Verdict.accept());
    assertThat(plugin.ccEmails("t1")).hasSize(20);
  }

  @Test
  void naming_the_requester_in_the_reply_cc_is_refused() {
    assertThat(refusal(plugin.agentReply("t1", RecipientInput.absent(), given("emma@example.com"))).items())
        .extracting(ItemError::code).containsExactly("REQUESTER");
  }

  @Test
  void a_plain_reply_changes_nothing() {
    plugin.created("t1", ALICE, items("vera@verify-agency.test"));
    long revision = desk.ticketData("t1").orElseThrow().revision();
    plugin.agentReply("t1", RecipientInput.absent(), RecipientInput.absent());
    assertThat(desk.ticketData("t1").orElseThrow().revision()).isEqualTo(revision);
  }
}
