package dev.deskcc.cc.lifecycle;

import static dev.deskcc.cc.fake.CcPluginUnderTest.ALICE;
import static dev.deskcc.cc.fake.CcPluginUnderTest.items;
import static dev.deskcc.cc.fake.CcPluginUnderTest.list;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.api.lifecycle.CommentAdded;
import dev.deskcc.api.lifecycle.RecipientInput;
import dev.deskcc.api.lifecycle.TicketClosed;
import dev.deskcc.api.lifecycle.TicketCreated;
import dev.deskcc.api.lifecycle.TicketEvent;
import dev.deskcc.api.model.Actor;
import dev.deskcc.api.model.EntryKind;
import dev.deskcc.api.notify.OutboundEvent;
import dev.deskcc.api.notify.RecipientDecision;
import dev.deskcc.cc.fake.CcPluginUnderTest;
import dev.deskcc.cc.fake.FakeDesk;
import dev.deskcc.cc.fake.FakeDesk.HistoryEvent;
import dev.deskcc.cc.notify.CcRecipients;
import dev.deskcc.cc.settings.CcSettings;
import dev.deskcc.cc.settings.MailSenderPolicy;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Relay protection: CCs that mail from an unknown sender adds are recorded but hear nothing until an
 * agent has replied on the ticket.
 */
class MailFromUnknownSendersTest {

  private static final String DESK = "onboarding@acme.test";

  private final FakeDesk desk = FakeDesk.demo().contact("mallory", "mallory@attacker.example", "Mallory");
  private final CcPluginUnderTest plugin = new CcPluginUnderTest(desk);

  private List<String> added(List<RecipientDecision> decisions) {
    return decisions.stream().filter(d -> d instanceof RecipientDecision.Add).map(d -> d.address().key()).toList();
  }

  private List<String> withheldFor(List<RecipientDecision> decisions, String reason) {
    return decisions.stream()
        .filter(d -> d instanceof RecipientDecision.Withhold w && w.reason().equals(reason))
        .map(d -> d.address().key())
        .toList();
  }

  private List<RecipientDecision> publicCommentByAgent() {
    var entry = plugin.entry(EntryKind.COMMENT, true, ALICE);
    var ticket = desk.withEntry("t1", entry);
    return notify(OutboundEvent.PUBLIC_COMMENT, new CommentAdded(ticket, ALICE, entry));
  }

  private List<RecipientDecision> notify(OutboundEvent event, TicketEvent cause) {
    return plugin.recipients(event, cause, event == OutboundEvent.TICKET_CLOSED, list("emma@example.com"), list());
  }

  private List<RecipientDecision> agentReplies() {
    var reply = plugin.agentReplyEvent("t1", RecipientInput.absent(), RecipientInput.absent());
    assertThat(plugin.check(reply)).isEqualTo(dev.deskcc.api.error.Verdict.accept());
    return notify(OutboundEvent.AGENT_REPLY, reply);
  }

  private List<String> history(String type) {
    return desk.history().stream().filter(e -> e.type().equals(type)).map(HistoryEvent::detail)
        .map(d -> d.has("email") ? d.path("email").asText() : d.path("emails").toString()).toList();
  }

  @Test
  void twenty_strangers_copied_on_a_new_ticket_are_recorded_but_held_from_every_notification() {
    String[] strangers = IntStream.rangeClosed(1, 20).mapToObj(i -> "victim" + i + "@else.example").toArray(String[]::new);
    plugin.newTicketMail("t1", "mallory", list(DESK), list(strangers));

    assertThat(plugin.ccEmails("t1")).containsExactly(strangers);
    assertThat(history("CC_HELD")).containsExactly(strangers);
    var created = notify(OutboundEvent.TICKET_CREATED,
        new TicketCreated(desk.ticket("t1"), Actor.contact("mallory"), Map.of()));
    assertThat(added(created)).isEmpty();
    assertThat(withheldFor(created, CcRecipients.HELD_UNTIL_AGENT_REPLY)).containsExactly(strangers);
    assertThat(added(publicCommentByAgent())).isEmpty();
    assertThat(added(notify(OutboundEvent.TICKET_CLOSED, new TicketClosed(desk.ticket("t1"), ALICE)))).isEmpty();
  }

  @Test
  void an_agent_reply_releases_the_held_ccs_who_get_that_reply_and_what_follows() {
    plugin.newTicketMail("t1", "mallory", list(DESK, "ann@x.org"), list("bob@x.org"));

    var reply = agentReplies();

    assertThat(added(reply)).containsExactly("ann@x.org", "bob@x.org");
    assertThat(withheldFor(reply, CcRecipients.HELD_UNTIL_AGENT_REPLY)).isEmpty();
    assertThat(history(CcChangeCheck.CC_RELEASED)).containsExactly("[\"ann@x.org\",\"bob@x.org\"]");
    assertThat(added(publicCommentByAgent())).containsExactly("ann@x.org", "bob@x.org");
  }

  @Test
  void the_requester_of_a_ticket_an_agent_has_answered_is_a_known_sender() {
    plugin.created("t1", ALICE, items());
    agentReplies();
    plugin.mail("t1", "emma", list(DESK), list("manager@x.org"));

    assertThat(history("CC_HELD")).isEmpty();
    assertThat(added(publicCommentByAgent())).containsExactly("manager@x.org");
  }

  @Test
  void a_cc_of_an_answered_ticket_is_a_known_sender() {
    plugin.created("t1", ALICE, items("vera@verify-agency.test"));
    agentReplies();
    plugin.mail("t1", "vera", list(DESK), list("colleague@verify-agency.test"));

    assertThat(added(publicCommentByAgent())).containsExactly("vera@verify-agency.test", "colleague@verify-agency.test");
  }

  @Test
  void a_requester_who_has_not_been_answered_yet_is_not_known_however_often_they_wrote() {
    plugin.mail("t1", "emma", list(DESK), list());
    plugin.mail("t1", "emma", list(DESK), list("friend@x.org"));

    assertThat(history("CC_HELD")).containsExactly("friend@x.org");
    assertThat(added(publicCommentByAgent())).isEmpty();
  }

  @Test
  void a_stranger_writing_into_an_answered_ticket_adds_nobody() {
    plugin.created("t1", ALICE, items());
    agentReplies();
    plugin.mail("t1", "mallory", list(DESK, "victim@else.example"), list());

    assertThat(plugin.ccEmails("t1")).isEmpty();
    assertThat(added(publicCommentByAgent())).isEmpty();
  }

  @Test
  void a_held_cc_cannot_vouch_for_the_people_they_copy() {
    plugin.newTicketMail("t1", "mallory", list(DESK, "victim@else.example"), list());
    String victim = desk.contactByEmail("victim@else.example").orElseThrow().id();
    plugin.mail("t1", victim, list(DESK), list("second@else.example"));

    assertThat(plugin.ccEmails("t1")).containsExactly("victim@else.example");
    assertThat(history("CC_HELD")).containsExactly("victim@else.example");
    assertThat(added(publicCommentByAgent())).isEmpty();
  }

  @Test
  void a_held_cc_that_an_agent_removes_and_adds_again_is_not_held() {
    plugin.newTicketMail("t1", "mallory", list(DESK), list("ann@x.org", "bob@x.org"));
    plugin.fieldsUpdated("t1", items("bob@x.org"));
    plugin.fieldsUpdated("t1", items("bob@x.org", "ann@x.org"));

    var decisions = publicCommentByAgent();
    assertThat(added(decisions)).containsExactly("ann@x.org");
    assertThat(withheldFor(decisions, CcRecipients.HELD_UNTIL_AGENT_REPLY)).containsExactly("bob@x.org");
  }

  @Test
  void with_notify_ccs_mail_added_ccs_are_notified_at_once() {
    desk.set("hr", CcSettings.MAIL_FROM_UNKNOWN_SENDERS, MailSenderPolicy.NOTIFY_CCS.name());
    plugin.newTicketMail("t1", "mallory", list(DESK), list("ann@x.org"));

    assertThat(history("CC_HELD")).isEmpty();
    assertThat(added(publicCommentByAgent())).containsExactly("ann@x.org");
  }

  @Test
  void ccs_an_agent_adds_are_never_held() {
    plugin.created("t1", ALICE, items("ann@x.org"));
    assertThat(added(publicCommentByAgent())).containsExactly("ann@x.org");
  }
}
