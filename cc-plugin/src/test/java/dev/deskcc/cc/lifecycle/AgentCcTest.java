package dev.deskcc.cc.lifecycle;

import static dev.deskcc.cc.fake.CcPluginUnderTest.ALICE;
import static dev.deskcc.cc.fake.CcPluginUnderTest.items;
import static dev.deskcc.cc.fake.CcPluginUnderTest.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.error.ItemError;
import dev.deskcc.api.error.Refusal;
import dev.deskcc.api.error.RefusalKind;
import dev.deskcc.api.error.Verdict;
import dev.deskcc.api.model.ContactStatus;
import dev.deskcc.cc.fake.CcPluginUnderTest;
import dev.deskcc.cc.fake.FakeDesk;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AgentCcTest {

  private final FakeDesk desk = FakeDesk.demo();
  private final CcPluginUnderTest plugin = new CcPluginUnderTest(desk);

  @Test
  void ccs_given_on_creation_by_an_agent_join_with_source_agent_and_full_provenance() {
    assertThat(plugin.created("t1", ALICE, items("vera@verify-agency.test", "Ann Lee <ann@x.org>")))
        .isEqualTo(Verdict.accept());

    JsonNode cc = plugin.ccValue("t1");
    assertThat(cc).hasSize(2);
    assertThat(cc.get(0).path("contactId").asText()).isEqualTo("vera");
    assertThat(cc.get(0).path("email").asText()).isEqualTo("vera@verify-agency.test");
    assertThat(cc.get(0).path("name").asText()).isEqualTo("Vera");
    assertThat(cc.get(0).path("source").asText()).isEqualTo("AGENT");
    assertThat(cc.get(0).path("addedBy").path("type").asText()).isEqualTo("AGENT");
    assertThat(cc.get(0).path("addedBy").path("id").asText()).isEqualTo("alice");
    assertThat(Instant.parse(cc.get(0).path("addedAt").asText())).isEqualTo(FakeDesk.NOW);
    assertThat(cc.get(1).path("email").asText()).isEqualTo("ann@x.org");
    assertThat(cc.get(1).path("name").asText()).isEqualTo("Ann Lee");
  }

  @Test
  void an_unknown_valid_address_becomes_an_active_contact() {
    plugin.created("t1", ALICE, items("Ann Lee <ann@x.org>"));

    assertThat(desk.contactByEmail("ann@x.org")).hasValueSatisfying(c -> {
      assertThat(c.status()).isEqualTo(ContactStatus.ACTIVE);
      assertThat(c.name()).isEqualTo("Ann Lee");
      assertThat(plugin.ccValue("t1").get(0).path("contactId").asText()).isEqualTo(c.id());
    });
  }

  @Test
  void any_rejected_address_refuses_the_whole_request_listing_every_rejected_item_as_given() {
    int contactsBefore = desk.contactCount();
    Verdict verdict = plugin.created("t1", ALICE,
        items("new@x.org", "junk@spam.test", "not-an-address", "{\"contactId\": \"gone\"}", "alice@acme.test"));

    Refusal refusal = refusal(verdict);
    assertThat(refusal.kind()).isEqualTo(RefusalKind.INVALID);
    assertThat(refusal.code()).isEqualTo("CC_REJECTED");
    assertThat(refusal.items()).extracting(ItemError::value, ItemError::code).containsExactly(
        org.assertj.core.groups.Tuple.tuple("junk@spam.test", "CONTACT_SPAM"),
        org.assertj.core.groups.Tuple.tuple("not-an-address", "INVALID_ADDRESS"),
        org.assertj.core.groups.Tuple.tuple("{\"contactId\":\"gone\"}", "CONTACT_DELETED"),
        org.assertj.core.groups.Tuple.tuple("alice@acme.test", "AGENT_ADDRESS"));
    assertThat(desk.contactCount()).as("no contact is created for a refused request").isEqualTo(contactsBefore);
    assertThat(desk.ticketData("t1")).isEmpty();
  }

  @Test
  void the_requester_cannot_be_a_cc() {
    Refusal refusal = refusal(plugin.created("t1", ALICE, items("Emma@Example.com")));
    assertThat(refusal.items()).extracting(ItemError::code).containsExactly("REQUESTER");
  }

  @Test
  void a_repeat_is_dropped_silently_whatever_its_case_or_form() {
    plugin.created("t1", ALICE, items("ann@x.org", "ANN@X.ORG", "Ann <Ann@x.org>", "vera@verify-agency.test",
        "{\"contactId\": \"vera\"}"));
    assertThat(plugin.ccEmails("t1")).containsExactly("ann@x.org", "vera@verify-agency.test");
  }

  @Test
  void twenty_ccs_are_allowed_and_twenty_one_are_refused_with_cc_limit_exceeded() {
    assertThat(plugin.created("t1", ALICE, items(people(20)))).isEqualTo(Verdict.accept());
    Refusal refusal = refusal(plugin.fieldsUpdated("t1", items(people(21))));
    assertThat(refusal.code()).isEqualTo("CC_LIMIT_EXCEEDED");
    assertThat(plugin.ccEmails("t1")).hasSize(20);
  }

  @Test
  void rejected_addresses_win_over_the_limit() {
    String[] many = java.util.stream.Stream.concat(java.util.Arrays.stream(people(21)), java.util.stream.Stream.of("junk@spam.test"))
        .toArray(String[]::new);
    assertThat(refusal(plugin.created("t1", ALICE, items(many))).code()).isEqualTo("CC_REJECTED");
  }

  @Test
  void ticket_details_replace_the_whole_list_and_kept_ccs_keep_their_provenance() {
    plugin.created("t1", ALICE, items("ann@x.org", "bob@x.org"));
    desk.at(FakeDesk.NOW.plusSeconds(60));

    assertThat(plugin.fieldsUpdated("t1", items("cy@x.org", "BOB@x.org"))).isEqualTo(Verdict.accept());

    JsonNode cc = plugin.ccValue("t1");
    assertThat(plugin.ccEmails("t1")).containsExactly("bob@x.org", "cy@x.org");
    assertThat(Instant.parse(cc.get(0).path("addedAt").asText())).isEqualTo(FakeDesk.NOW);
    assertThat(Instant.parse(cc.get(1).path("addedAt").asText())).isEqualTo(FakeDesk.NOW.plusSeconds(60));
  }

  @Test
  void removing_a_cc_in_ticket_details_keeps_their_help_center_access_but_not_the_right_to_rate() {
    plugin.created("t1", ALICE, items("vera@verify-agency.test"));
    plugin.fieldsUpdated("t1", items());

    assertThat(plugin.ccValue("t1")).isEmpty();
    assertThat(plugin.access("t1", "vera")).hasValueSatisfying(grant -> {
      assertThat(grant.role()).isEqualTo("CC");
      assertThat(grant.mayRate()).isFalse();
    });
  }

  @Test
  void a_cc_already_on_the_ticket_is_not_screened_again_when_the_list_is_saved() {
    plugin.created("t1", ALICE, items("ann@x.org"));
    desk.blockedDomains("hr", "x.org");

    assertThat(plugin.fieldsUpdated("t1", items("ann@x.org"))).isEqualTo(Verdict.accept());
    assertThat(refusal(plugin.fieldsUpdated("t1", items("ann@x.org", "bob@x.org"))).items())
        .extracting(ItemError::code).containsExactly("BLOCKED_DOMAIN");
  }

  @Test
  void a_field_value_that_is_not_a_list_is_refused() {
    assertThat(refusal(plugin.fieldsUpdated("t1", CcPluginUnderTest.json("\"ann@x.org\""))).code())
        .isEqualTo("INVALID_FIELD_VALUE");
  }

  static String[] people(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "person" + i + "@x.org").toArray(String[]::new);
  }
}
