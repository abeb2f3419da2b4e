package dev.deskcc.cc.lifecycle;

import static dev.deskcc.cc.fake.CcPluginUnderTest.given;
import static dev.deskcc.cc.fake.CcPluginUnderTest.items;
import static dev.deskcc.cc.fake.CcPluginUnderTest.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.api.error.Verdict;
import dev.deskcc.api.lifecycle.RecipientInput;
import dev.deskcc.api.model.Actor;
import dev.deskcc.cc.fake.CcPluginUnderTest;
import dev.deskcc.cc.fake.FakeDesk;
import dev.deskcc.cc.settings.CcSettings;
import org.junit.jupiter.api.Test;

class HelpCenterCcTest {

  private final FakeDesk desk = FakeDesk.demo();
  private final CcPluginUnderTest plugin = new CcPluginUnderTest(desk);
  private static final Actor EMMA = Actor.contact("emma");

  @Test
  void a_contact_submitting_with_ccs_adds_them_with_source_help_center() {
    assertThat(plugin.created("t1", EMMA, items("boss@example.com"))).isEqualTo(Verdict.accept());
    assertThat(plugin.ccValue("t1").get(0).path("source").asText()).isEqualTo("HELP_CENTER");
    assertThat(plugin.ccValue("t1").get(0).path("addedBy").path("type").asText()).isEqualTo("CONTACT");
    assertThat(plugin.ccValue("t1").get(0).path("addedBy").path("id").asText()).isEqualTo("emma");
  }

  @Test
  void a_contact_submitting_ccs_where_end_users_may_not_add_them_is_refused() {
    desk.set("hr", CcSettings.END_USERS_CAN_ADD, false);
    assertThat(refusal(plugin.created("t1", EMMA, items("boss@example.com"))).code()).isEqualTo("END_USER_CC_DISABLED");
    assertThat(plugin.created("t1", EMMA, items())).as("an empty list asks for nothing").isEqualTo(Verdict.accept());
  }

  @Test
  void a_help_center_reply_only_adds_ccs() {
    plugin.created("t1", CcPluginUnderTest.ALICE, items("vera@verify-agency.test"));
    assertThat(plugin.contactReply("t1", "emma", given("boss@example.com"))).isEqualTo(Verdict.accept());
    assertThat(plugin.ccEmails("t1")).containsExactly("vera@verify-agency.test", "boss@example.com");
    assertThat(plugin.ccValue("t1").get(1).path("source").asText()).isEqualTo("HELP_CENTER");
  }

  @Test
  void a_help_center_reply_without_cc_changes_nothing() {
    plugin.created("t1", CcPluginUnderTest.ALICE, items("vera@verify-agency.test"));
    assertThat(plugin.contactReply("t1", "emma", RecipientInput.absent())).isEqualTo(Verdict.accept());
    assertThat(plugin.ccEmails("t1")).containsExactly("vera@verify-agency.test");
  }

  @Test
  void a_help_center_reply_with_ccs_where_end_users_may_not_add_them_is_refused() {
    desk.set("hr", CcSettings.END_USERS_CAN_ADD, false);
    assertThat(refusal(plugin.contactReply("t1", "emma", given("boss@example.com"))).code())
        .isEqualTo("END_USER_CC_DISABLED");
  }

  @Test
  void a_help_center_reply_is_all_or_nothing() {
    assertThat(refusal(plugin.contactReply("t1", "emma", given("boss@example.com", "onboarding@acme.test"))).code())
        .isEqualTo("CC_REJECTED");
    assertThat(plugin.ccValue("t1")).isEmpty();
    assertThat(desk.contactByEmail("boss@example.com")).isEmpty();
  }

  @Test
  void an_address_an_agent_removed_can_be_put_back_only_by_an_agent() {
    plugin.created("t1", CcPluginUnderTest.ALICE, items("vera@verify-agency.test", "boss@example.com"));
    plugin.fieldsUpdated("t1", items("boss@example.com"));
    var refused = refusal(plugin.contactReply("t1", "emma", given("Vera <VERA@verify-agency.test>")));
    assertThat(refused.code()).isEqualTo("CC_REJECTED");
    assertThat(refused.items()).extracting(i -> i.code()).containsExactly("REMOVED_BY_AGENT");
    assertThat(plugin.ccEmails("t1")).containsExactly("boss@example.com");
    // an agent may put her back; after that, she is an ordinary CC again
    assertThat(plugin.fieldsUpdated("t1", items("boss@example.com", "vera@verify-agency.test"))).isEqualTo(Verdict.accept());
    assertThat(plugin.ccEmails("t1")).containsExactly("boss@example.com", "vera@verify-agency.test");
  }
}
