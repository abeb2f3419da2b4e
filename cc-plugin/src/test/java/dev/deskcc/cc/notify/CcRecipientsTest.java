package dev.deskcc.cc.notify;

import static dev.deskcc.cc.fake.CcPluginUnderTest.ALICE;
import static dev.deskcc.cc.fake.CcPluginUnderTest.given;
import static dev.deskcc.cc.fake.CcPluginUnderTest.items;
import static dev.deskcc.cc.fake.CcPluginUnderTest.list;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.api.lifecycle.CommentAdded;
import dev.deskcc.api.lifecycle.CommentDeleted;
import dev.deskcc.api.lifecycle.CommentEdited;
import dev.deskcc.api.lifecycle.RecipientInput;
import dev.deskcc.api.lifecycle.TicketClosed;
import dev.deskcc.api.lifecycle.TicketCreated;
import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.ContactStatus;
import dev.deskcc.api.model.EntryKind;
import dev.deskcc.api.notify.OutboundEvent;
import dev.deskcc.api.notify.RecipientDecision;
import dev.deskcc.api.notify.RecipientLine;
import dev.deskcc.cc.fake.CcPluginUnderTest;
import dev.deskcc.cc.fake.FakeDesk;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CcRecipientsTest {

  private final FakeDesk desk = FakeDesk.demo();
  private final CcPluginUnderTest plugin = new CcPluginUnderTest(desk);

  @BeforeEach
  void two_ccs() {
    plugin.created("t1", ALICE, items("vera@verify-agency.test", "ann@x.org"));
  }

  private static List<String> added(List<RecipientDecision> decisions) {
    return decisions.stream()
        .filter(d -> d instanceof RecipientDecision.Add a && a.line() == RecipientLine.CC)
        .map(d -> d.address().key())
        .toList();
  }

  private static List<String> withheld(List<RecipientDecision> decisions) {
    return decisions.stream()
        .filter(d -> d instanceof RecipientDecision.Withhold)
        .map(d -> d.address().key() + " " + ((RecipientDecision.Withhold) d).reason())
        .toList();
  }

  private List<RecipientDecision> comment(OutboundEvent event, boolean isPublic, Actor actor) {
    var entry = plugin.entry(EntryKind.COMMENT, isPublic, actor);
    var ticket = desk.withEntry("t1", entry);
    var cause = switch (event) {
      case PUBLIC_COMMENT -> new CommentAdded(ticket, actor, entry);
      case COMMENT_EDITED -> new CommentEdited(ticket, actor, entry, "before");
      case COMMENT_DELETED -> new CommentDeleted(ticket, actor, entry);
      default -> throw new IllegalArgumentException();
    };
    return plugin.recipients(event, cause, false, list("emma@example.com"), list());
  }

  @Test
  void every_current_cc_is_copied_on_ticket_creation() {
    var cause = new TicketCreated(desk.ticket("t1"), ALICE, Map.of());
    assertThat(added(plugin.recipients(OutboundEvent.TICKET_CREATED, cause, false, list("emma@example.com"), list())))
        .containsExactly("vera@verify-agency.test", "ann@x.org");
  }

  @Test
  void every_current_cc_is_copied_on_a_reply_that_left_its_cc_to_the_default() {
    var reply = plugin.agentReplyEvent("t1", RecipientInput.absent(), RecipientInput.absent());
    assertThat(added(plugin.recipients(OutboundEvent.AGENT_REPLY, reply, false, list("emma@example.com"), list())))
        .containsExactly("vera@verify-agency.test", "ann@x.org");
  }

  @Test
  void a_reply_whose_editor_named_the_cc_gets_no_more_ccs_and_the_left_out_get_nothing() {
    var reply = plugin.agentReplyEvent("t1", RecipientInput.absent(), given("ann@x.org"));
    assertThat(plugin.recipients(OutboundEvent.AGENT_REPLY, reply, false, list("emma@example.com"), list("ann@x.org")))
        .isEmpty();
  }

  @Test
  void public_comments_and_their_edits_and_deletions_go_to_the_ccs() {
    for (OutboundEvent event : List.of(OutboundEvent.PUBLIC_COMMENT, OutboundEvent.COMMENT_EDITED, OutboundEvent.COMMENT_DELETED)) {
      assertThat(added(comment(event, true, ALICE))).as(event.name()).containsExactly("vera@verify-agency.test", "ann@x.org");
    }
  }

  @Test
  void private_comments_never_go_to_the_ccs() {
    for (OutboundEvent event : List.of(OutboundEvent.PUBLIC_COMMENT, OutboundEvent.COMMENT_EDITED, OutboundEvent.COMMENT_DELETED)) {
      assertThat(comment(event, false, ALICE)).as(event.name()).isEmpty();
    }
  }

  @Test
  void a_cc_is_not_notified_of_their_own_action() {
    assertThat(added(comment(OutboundEvent.PUBLIC_COMMENT, true, Actor.contact("vera")))).containsExactly("ann@x.org");
  }

  @Test
  void the_closing_message_goes_to_the_ccs_only_when_it_invites_a_rating() {
    var closed = new TicketClosed(desk.ticket("t1"), ALICE);
    assertThat(plugin.recipients(OutboundEvent.TICKET_CLOSED, closed, false, list("emma@example.com"), list())).isEmpty();
    assertThat(added(plugin.recipients(OutboundEvent.TICKET_CLOSED, closed, true, list("emma@example.com"), list())))
        .containsExactly("vera@verify-agency.test", "ann@x.org");
  }

  @Test
  void a_restricted_cc_is_withheld_with_the_reason() {
    desk.restrict("t1", "vera");
    var decisions = plugin.recipients(OutboundEvent.TICKET_CREATED, new TicketCreated(desk.ticket("t1"), ALICE, Map.of()),
        false, list("emma@example.com"), list());
    assertThat(added(decisions)).containsExactly("ann@x.org");
    assertThat(withheld(decisions)).containsExactly("vera@verify-agency.test CONTACT_RESTRICTED");
  }

  @Test
  void a_cc_who_has_since_become_spam_is_withheld_with_the_reason() {
    desk.contact("vera", "vera@verify-agency.test", "Vera", ContactStatus.SPAM, false);
    var decisions = plugin.recipients(OutboundEvent.TICKET_CREATED, new TicketCreated(desk.ticket("t1"), ALICE, Map.of()),
        false, list("emma@example.com"), list());
    assertThat(withheld(decisions)).containsExactly("vera@verify-agency.test CONTACT_SPAM");
  }

  @Test
  void a_restricted_cc_named_in_a_reply_cc_is_withheld() {
    desk.restrict("t1", desk.contactByEmail("ann@x.org").orElseThrow().id());
    var reply = plugin.agentReplyEvent("t1", RecipientInput.absent(), given("ann@x.org"));
    var decisions = plugin.recipients(OutboundEvent.AGENT_REPLY, reply, false, list("emma@example.com"), list("ann@x.org"));
    assertThat(withheld(decisions)).containsExactly("ann@x.org CONTACT_RESTRICTED");
  }

  @Test
  void nobody_is_added_where_the_department_has_the_feature_off() {
    desk.set("hr", "enabled", false);
    var cause = new TicketCreated(desk.ticket("t1"), ALICE, Map.of());
    assertThat(plugin.recipients(OutboundEvent.TICKET_CREATED, cause, false, list("emma@example.com"), list())).isEmpty();
  }

  @Test
  void the_ccs_are_notified_as_they_are_at_the_time_of_the_event() {
    plugin.fieldsUpdated("t1", CcPluginUnderTest.items("ann@x.org"));
    var cause = new TicketCreated(desk.ticket("t1"), ALICE, Map.of());
    assertThat(added(plugin.recipients(OutboundEvent.TICKET_CREATED, cause, false, list("emma@example.com"), list())))
        .containsExactly("ann@x.org");
  }
}
