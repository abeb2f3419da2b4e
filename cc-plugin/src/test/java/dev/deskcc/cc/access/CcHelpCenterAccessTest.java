package dev.deskcc.cc.access;

import static dev.deskcc.cc.fake.CcPluginUnderTest.ALICE;
import static dev.deskcc.cc.fake.CcPluginUnderTest.items;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.cc.fake.CcPluginUnderTest;
import dev.deskcc.cc.fake.FakeDesk;
import dev.deskcc.cc.settings.CcSettings;
import org.junit.jupiter.api.Test;

class CcHelpCenterAccessTest {

  private final FakeDesk desk = FakeDesk.demo().contact("stranger", "stranger@example.com", "Stranger");
  private final CcPluginUnderTest plugin = new CcPluginUnderTest(desk);

  @Test
  void a_current_cc_sees_the_ticket_as_cc_and_may_rate() {
    plugin.created("t1", ALICE, items("vera@verify-agency.test"));
    assertThat(plugin.access("t1", "vera")).hasValueSatisfying(grant -> {
      assertThat(grant.role()).isEqualTo("CC");
      assertThat(grant.mayRate()).isTrue();
    });
  }

  @Test
  void a_former_cc_still_sees_the_ticket_but_may_not_rate() {
    plugin.created("t1", ALICE, items("vera@verify-agency.test"));
    plugin.fieldsUpdated("t1", items());
    assertThat(plugin.access("t1", "vera")).hasValueSatisfying(grant -> assertThat(grant.mayRate()).isFalse());
  }

  @Test
  void someone_who_never_was_a_cc_gets_no_access() {
    plugin.created("t1", ALICE, items("vera@verify-agency.test"));
    assertThat(plugin.access("t1", "stranger")).isEmpty();
  }

  @Test
  void ccs_have_no_access_where_the_department_has_the_feature_off_and_get_it_back_when_it_is_on() {
    plugin.created("t1", ALICE, items("vera@verify-agency.test"));
    desk.set("hr", CcSettings.ENABLED, false);
    assertThat(plugin.access("t1", "vera")).isEmpty();
    desk.set("hr", CcSettings.ENABLED, true);
    assertThat(plugin.access("t1", "vera")).isPresent();
  }
}
