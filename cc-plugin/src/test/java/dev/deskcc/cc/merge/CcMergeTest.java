package dev.deskcc.cc.merge;

import static dev.deskcc.cc.fake.CcPluginUnderTest.ALICE;
import static dev.deskcc.cc.fake.CcPluginUnderTest.items;
import static dev.deskcc.cc.fake.CcPluginUnderTest.json;
import static dev.deskcc.cc.fake.CcPluginUnderTest.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.deskcc.api.error.Verdict;
import dev.deskcc.api.model.Actor;
import dev.deskcc.cc.fake.CcPluginUnderTest;
import dev.deskcc.cc.fake.FakeDesk;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CcMergeTest {

  private final FakeDesk desk = FakeDesk.demo().contact("rita", "rita@example.com", "Rita").ticket("t2", "hr", "rita");
  private final CcPluginUnderTest plugin = new CcPluginUnderTest(desk);

  @BeforeEach
  void ccs_on_both_tickets() {
    plugin.created("t1", ALICE, items("ann@x.org", "vera@verify-agency.test"));
    desk.at(FakeDesk.NOW.plusSeconds(3600));
    plugin.created("t2", Actor.agent("bob"), items("vera@verify-agency.test", "cy@x.org", "emma@example.com"));
    desk.at(FakeDesk.NOW.plusSeconds(7200));
  }

  private static com.fasterxml.jackson.databind.JsonNode text(String s) {
    return JsonNodeFactory.instance.textNode(s);
  }

  @Test
  void without_a_choice_the_merged_ticket_keeps_its_own_ccs() {
    assertThat(plugin.merge("t1", List.of("t2"), null)).isEqualTo(Verdict.accept());
    assertThat(plugin.ccEmails("t1")).containsExactly("ann@x.org", "vera@verify-agency.test");
  }

  @Test
  void choosing_a_source_keeps_its_ccs_with_source_merge_for_newcomers_and_provenance_for_the_others() {
    assertThat(plugin.merge("t1", List.of("t2"), text("t2"))).isEqualTo(Verdict.accept());

    // emma is t1's requester: she stays requester and is left out of the CCs silently
    assertThat(plugin.ccEmails("t1")).containsExactly("vera@verify-agency.test", "cy@x.org");
    var vera = plugin.ccValue("t1").get(0);
    assertThat(vera.path("source").asText()).isEqualTo("AGENT");
    assertThat(vera.path("addedBy").path("id").asText()).isEqualTo("alice");
    var cy = plugin.ccValue("t1").get(1);
    assertThat(cy.path("source").asText()).isEqualTo("MERGE");
    assertThat(cy.path("addedBy").path("type").asText()).isEqualTo("AGENT");
    assertThat(cy.path("addedBy").path("id").asText()).isEqualTo("alice");
    assertThat(cy.path("addedAt").asText()).isEqualTo(FakeDesk.NOW.plusSeconds(7200).toString());
  }

  @Test
  void a_cc_dropped_by_the_merge_keeps_help_center_access() {
    plugin.merge("t1", List.of("t2"), text("t2"));
    var ann = desk.contactByEmail("ann@x.org").orElseThrow();
    assertThat(plugin.access("t1", ann.id())).hasValueSatisfying(g -> assertThat(g.mayRate()).isFalse());
  }

  @Test
  void all_keeps_the_union_target_first() {
    assertThat(plugin.merge("t1", List.of("t2"), text("ALL"))).isEqualTo(Verdict.accept());
    assertThat(plugin.ccEmails("t1")).containsExactly("ann@x.org", "vera@verify-agency.test", "cy@x.org");
  }

  @Test
  void all_is_refused_when_the_union_passes_twenty() {
    desk.ticket("t3", "hr", "rita");
    plugin.created("t3", ALICE, items(IntStream.rangeClosed(1, 19).mapToObj(i -> "p" + i + "@z.org").toArray(String[]::new)));
    assertThat(refusal(plugin.merge("t1", List.of("t3"), text("ALL"))).code()).isEqualTo("CC_LIMIT_EXCEEDED");
    assertThat(plugin.ccEmails("t1")).containsExactly("ann@x.org", "vera@verify-agency.test");
  }

  @Test
  void a_cc_source_that_is_not_among_the_merged_tickets_is_refused() {
    assertThat(refusal(plugin.merge("t1", List.of("t2"), text("t9"))).code()).isEqualTo("INVALID_CC_SOURCE");
    assertThat(refusal(plugin.merge("t1", List.of("t2"), json("7"))).code()).isEqualTo("INVALID_CC_SOURCE");
  }
}
