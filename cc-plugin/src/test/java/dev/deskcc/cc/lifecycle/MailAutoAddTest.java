package dev.deskcc.cc.lifecycle;

import static dev.deskcc.cc.fake.CcPluginUnderTest.ALICE;
import static dev.deskcc.cc.fake.CcPluginUnderTest.items;
import static dev.deskcc.cc.fake.CcPluginUnderTest.list;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.api.error.Verdict;
import dev.deskcc.cc.fake.CcPluginUnderTest;
import dev.deskcc.cc.fake.FakeDesk;
import dev.deskcc.cc.fake.FakeDesk.HistoryEvent;
import dev.deskcc.cc.settings.CcSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailAutoAddTest {

  private final FakeDesk desk = FakeDesk.demo();
  private final CcPluginUnderTest plugin = new CcPluginUnderTest(desk);

  /** The CC_SKIPPED events (held CCs are recorded too, and are tested in MailFromUnknownSendersTest). */
  private List<HistoryEvent> skipped() {
    return desk.history().stream().filter(e -> e.type().equals("CC_SKIPPED")).toList();
  }

  @Test
  void recipients_in_to_then_cc_join_in_header_order_added_by_the_sender() {
    assertThat(plugin.mail("t1", "emma", list("onboarding@acme.test", "b@x.org"), list("a@x.org", "vera@verify-agency.test")))
        .isEqualTo(Verdict.accept());
    assertThat(plugin.ccEmails("t1")).containsExactly("b@x.org", "a@x.org", "vera@verify-agency.test");
    var first = plugin.ccValue("t1").get(0);
    assertThat(first.path("source").asText()).isEqualTo("EMAIL");
    assertThat(first.path("addedBy").path("type").asText()).isEqualTo("CONTACT");
    assertThat(first.path("addedBy").path("id").asText()).isEqualTo("emma");
    assertThat(skipped()).isEmpty();
  }

  @Test
  void nobody_is_added_from_mail_while_auto_add_is_off() {
    desk.set("hr", CcSettings.AUTO_ADD_RECIPIENTS, false);
    plugin.mail("t1", "emma", list("onboarding@acme.test"), list("a@x.org"));
    assertThat(plugin.ccValue("t1")).isEmpty();
  }

  @Test
  void automatic_mail_adds_nobody() {
    plugin.mail("t1", "emma", list("onboarding@acme.test"), list("a@x.org"), true, true);
    assertThat(plugin.ccValue("t1")).isEmpty();
    assertThat(desk.history()).isEmpty();
  }

  @Test
  void mail_that_reached_the_desk_only_by_bcc_adds_nobody() {
    plugin.mail("t1", "emma", list("a@x.org"), list(), false, false);
    assertThat(plugin.ccValue("t1")).isEmpty();
  }

  @Test
  void each_skipped_recipient_is_recorded_except_the_sender_and_the_desks_own_addresses() {
    plugin.created("t1", ALICE, items("vera@verify-agency.test"));
    plugin.mail("t1", "vera",
        list("onboarding@acme.test", "Emma <emma@example.com>", "vera@verify-agency.test"),
        list("noreply@acme.test", "junk@spam.test", "alice@acme.test", "ok@x.org"));

    assertThat(plugin.ccEmails("t1")).containsExactly("vera@verify-agency.test", "ok@x.org");
    assertThat(skipped()).extracting(e -> e.detail().path("email").asText() + " " + e.detail().path("code").asText())
        .containsExactly("emma@example.com REQUESTER", "junk@spam.test CONTACT_SPAM", "alice@acme.test AGENT_ADDRESS");
  }

  @Test
  void mail_adds_while_the_cap_allows_and_records_the_rest_as_over_the_limit() {
    plugin.created("t1", ALICE, items(AgentCcTest.people(18)));
    plugin.mail("t1", "emma", list("onboarding@acme.test", "a@y.org"), list("b@y.org", "c@y.org", "d@y.org"));

    assertThat(plugin.ccEmails("t1")).hasSize(20).endsWith("a@y.org", "b@y.org");
    assertThat(skipped()).extracting(e -> e.detail().path("email").asText() + " " + e.detail().path("code").asText())
        .containsExactly("c@y.org CC_LIMIT_EXCEEDED", "d@y.org CC_LIMIT_EXCEEDED");
  }

  @Test
  void a_reply_by_mail_that_leaves_a_cc_out_removes_nobody() {
    plugin.created("t1", ALICE, items("vera@verify-agency.test", "ann@x.org"));
    plugin.mail("t1", "vera", list("onboarding@acme.test"), list());
    assertThat(plugin.ccEmails("t1")).containsExactly("vera@verify-agency.test", "ann@x.org");
    assertThat(desk.ticket("t1").requesterId()).isEqualTo("emma");
  }

  @Test
  void recipients_already_on_the_ticket_are_neither_added_again_nor_recorded() {
    plugin.created("t1", ALICE, items("ann@x.org"));
    plugin.mail("t1", "emma", list("onboarding@acme.test", "ANN@x.org"), list());
    assertThat(plugin.ccEmails("t1")).containsExactly("ann@x.org");
    assertThat(desk.history()).isEmpty();
  }

  @Test
  void unknown_recipients_become_active_contacts() {
    plugin.mail("t1", "emma", list("onboarding@acme.test"), list("New Person <new@x.org>"));
    assertThat(desk.contactByEmail("new@x.org")).isPresent();
    assertThat(List.of(plugin.ccValue("t1").get(0).path("name").asText())).containsExactly("New Person");
  }

  @Test
  void mail_skips_an_address_an_agent_removed_with_removed_by_agent() {
    plugin.created("t1", CcPluginUnderTest.ALICE, items("a@x.org", "b@x.org"));
    plugin.fieldsUpdated("t1", items("b@x.org"));
    plugin.mail("t1", "emma", list("onboarding@acme.test"), list("a@x.org", "c@x.org"));
    assertThat(plugin.ccEmails("t1")).containsExactly("b@x.org", "c@x.org");
    assertThat(skipped()).extracting(e -> e.detail().path("code").asText()).containsExactly("REMOVED_BY_AGENT");
    assertThat(skipped()).extracting(e -> e.detail().path("email").asText()).containsExactly("a@x.org");
  }

  @Test
  void invalid_recipients_are_skipped_as_invalid_address_at_their_place_in_header_order() {
    plugin.mail("t1", "emma",
        list("onboarding@acme.test", "bob", "junk@spam.test"),
        list("ann@localhost", "x@y.org", "carl@under_score.example", "ANN@localhost"));

    assertThat(plugin.ccEmails("t1")).containsExactly("x@y.org");
    // as written, in header order among the other skips; the repeat of ann@localhost is dropped
    assertThat(skipped()).extracting(e -> e.detail().path("email").asText() + " " + e.detail().path("code").asText())
        .containsExactly("bob INVALID_ADDRESS", "junk@spam.test CONTACT_SPAM", "ann@localhost INVALID_ADDRESS",
            "carl@under_score.example INVALID_ADDRESS");
  }

  @Test
  void a_mail_naming_only_invalid_recipients_records_them() {
    plugin.mail("t1", "emma", list("onboarding@acme.test"), list("bob"));
    assertThat(plugin.ccValue("t1")).isEmpty();
    assertThat(skipped()).extracting(e -> e.detail().toString())
        .containsExactly("{\"email\":\"bob\",\"code\":\"INVALID_ADDRESS\"}");
  }

  @Test
  void invalid_recipients_are_not_recorded_where_auto_add_does_not_apply() {
    plugin.mail("t1", "emma", list("onboarding@acme.test"), list("bob"), true, true);
    plugin.mail("t1", "emma", list("bob"), list(), false, false);
    desk.set("hr", CcSettings.AUTO_ADD_RECIPIENTS, false);
    plugin.mail("t1", "emma", list("onboarding@acme.test"), list("bob"));
    assertThat(desk.history()).isEmpty();
  }
}
