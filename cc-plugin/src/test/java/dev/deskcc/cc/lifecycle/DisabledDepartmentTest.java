package dev.deskcc.cc.lifecycle;

import static dev.deskcc.cc.fake.CcPluginUnderTest.ALICE;
import static dev.deskcc.cc.fake.CcPluginUnderTest.given;
import static dev.deskcc.cc.fake.CcPluginUnderTest.items;
import static dev.deskcc.cc.fake.CcPluginUnderTest.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.deskcc.api.error.Verdict;
import dev.deskcc.api.lifecycle.RecipientInput;
import dev.deskcc.cc.fake.CcPluginUnderTest;
import dev.deskcc.cc.fake.FakeDesk;
import dev.deskcc.cc.settings.CcSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisabledDepartmentTest {

  private final FakeDesk desk = FakeDesk.demo();
  private final CcPluginUnderTest plugin = new CcPluginUnderTest(desk);

  @Test
  void with_the_feature_off_every_change_is_accepted_and_the_cc_data_is_kept_untouched() {
    plugin.created("t1", ALICE, items("vera@verify-agency.test"));
    long revision = desk.ticketData("t1").orElseThrow().revision();
    desk.set("hr", CcSettings.ENABLED, false);

    assertThat(plugin.agentReply("t1", given("boss@x.org"), given("junk@spam.test"))).isEqualTo(Verdict.accept());
    assertThat(plugin.contactReply("t1", "emma", given("a@x.org"))).isEqualTo(Verdict.accept());
    assertThat(plugin.mail("t1", "emma", list("onboarding@acme.test", "b@x.org"), list())).isEqualTo(Verdict.accept());
    assertThat(plugin.merge("t1", List.of(), JsonNodeFactory.instance.textNode("nowhere"))).isEqualTo(Verdict.accept());

    assertThat(desk.ticketData("t1").orElseThrow().revision()).isEqualTo(revision);
    assertThat(desk.history()).isEmpty();
    desk.set("hr", CcSettings.ENABLED, true);
    assertThat(plugin.ccEmails("t1")).as("the data comes back when enabled again").containsExactly("vera@verify-agency.test");
    assertThat(plugin.agentReply("t1", RecipientInput.absent(), RecipientInput.absent())).isEqualTo(Verdict.accept());
  }
}
