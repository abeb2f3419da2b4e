package dev.deskcc.cc.lifecycle;

import static dev.deskcc.cc.fake.CcPluginUnderTest.ALICE;
import static dev.deskcc.cc.fake.CcPluginUnderTest.items;
import static dev.deskcc.cc.fake.CcPluginUnderTest.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.deskcc.api.error.Verdict;
import dev.deskcc.cc.fake.CcPluginUnderTest;
import dev.deskcc.cc.fake.FakeDesk;
import dev.deskcc.cc.fake.FakeDesk.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Contract v1.1 §5, email: only participants' mail adds CCs (the requester, a current CC that is
 * not held, an agent of the department); anyone else's skips every address with {@code
 * SENDER_NOT_PARTICIPANT}; at most 50 {@code CC_SKIPPED} events per message, then one counting
 * the rest.
 */
class MailFromParticipantsTest {

  private static final String DESK = "onboarding@acme.test";

  private final FakeDesk desk = FakeDesk.demo()
      .contact("mallory", "mallory@attacker.example", "Mallory")
      .agent("bert", "bert@acme.test");
  private final CcPluginUnderTest plugin = new CcPluginUnderTest(desk);

  private List<HistoryEvent> skipped() {
    return desk.history().stream().filter(e -> e.type().equals("CC_SKIPPED")).toList();
  }

  @Test
  void a_strangers_mail_adds_nobody_and_skips_every_address_as_sender_not_participant() {
    assertThat(plugin.mail("t1", "mallory", list(DESK, "victim@else.example"), list("second@else.example")))
        .isEqualTo(Verdict.accept());

    assertThat(plugin.ccValue("t1")).isEmpty();
    assertThat(skipped()).extracting(e -> e.detail().path("email").asText(), e -> e.detail().path("code").asText())
        .containsExactly(
            tuple("victim@else.example", "SENDER_NOT_PARTICIPANT"),
            tuple("second@else.example", "SENDER_NOT_PARTICIPANT"));
  }

  @Test
  void a_former_ccs_mail_threads_but_adds_nobody() {
    plugin.created("t1", ALICE, items("vera@verify-agency.test"));
    plugin.fieldsUpdated("t1", items());

    plugin.mail("t1", "vera", list(DESK), list("friend@x.org"));

    assertThat(plugin.ccValue("t1")).isEmpty();
    assertThat(skipped()).extracting(e -> e.detail().path("code").asText()).containsExactly("SENDER_NOT_PARTICIPANT");
  }

  @Test
  void a_held_ccs_mail_adds_nobody() {
    plugin.newTicketMail("t1", "mallory", list(DESK), list("held@x.org"));
    assertThat(plugin.ccValue("t1").get(0).path("held").asBoolean()).isTrue();

    plugin.mail("t1", desk.contactByEmail("held@x.org").orElseThrow().id(), list(DESK), list("more@x.org"));

    assertThat(plugin.ccEmails("t1")).containsExactly("held@x.org");
    assertThat(skipped()).extracting(e -> e.detail().path("code").asText()).containsExactly("SENDER_NOT_PARTICIPANT");
  }

  @Test
  void a_current_cc_and_an_agent_of_the_department_may_add() {
    plugin.created("t1", ALICE, items("vera@verify-agency.test"));
    plugin.mail("t1", "vera", list(DESK), list("a@x.org"));
    desk.contact("bert-contact", "bert@acme.test", "Bert");
    plugin.mail("t1", "bert-contact", list(DESK), list("b@x.org"));

    assertThat(plugin.ccEmails("t1")).containsExactly("vera@verify-agency.test", "a@x.org", "b@x.org");
    assertThat(skipped()).isEmpty();
  }

  @Test
  void at_most_fifty_cc_skipped_events_per_message_then_one_counting_the_rest() {
    List<String> cc = new ArrayList<>();
    IntStream.rangeClosed(1, 80).forEach(i -> cc.add("m" + i + "@mass.example.org"));

    plugin.mail("t1", "mallory", list(DESK), cc);

    List<HistoryEvent> events = skipped();
    assertThat(events).hasSize(51);
    assertThat(events.subList(0, 50)).extracting(e -> e.detail().path("email").asText())
        .containsExactlyElementsOf(cc.subList(0, 50));
    assertThat(events.get(50).detail().toString()).isEqualTo("{\"more\":30}");
  }

  @Test
  void the_cap_counts_every_code_of_a_participants_mail_too() {
    List<String> cc = new ArrayList<>();
    IntStream.rangeClosed(1, 75).forEach(i -> cc.add("m" + i + "@mass.example.org"));

    plugin.mail("t1", "emma", list(DESK), cc);

    assertThat(plugin.ccEmails("t1")).hasSize(20);
    List<HistoryEvent> events = skipped();
    assertThat(events).hasSize(51);
    assertThat(events.get(0).detail().path("code").asText()).isEqualTo("CC_LIMIT_EXCEEDED");
    assertThat(events.get(50).detail().path("more").asInt()).isEqualTo(5);
  }

  @Test
  void a_strangers_invalid_recipients_are_skipped_as_sender_not_participant() {
    plugin.mail("t1", "mallory", list(DESK, "bob"), list("victim@else.example"));
    assertThat(skipped()).extracting(e -> e.detail().path("email").asText(), e -> e.detail().path("code").asText())
        .containsExactly(tuple("bob", "SENDER_NOT_PARTICIPANT"), tuple("victim@else.example", "SENDER_NOT_PARTICIPANT"));
  }

  @Test
  void invalid_recipients_count_toward_the_cap_of_fifty_events() {
    List<String> cc = new ArrayList<>();
    IntStream.rangeClosed(1, 60).forEach(i -> cc.add("m" + i + "@single-label" + i));

    plugin.mail("t1", "emma", list(DESK), cc);

    List<HistoryEvent> events = skipped();
    assertThat(events).hasSize(51);
    assertThat(events.subList(0, 50)).extracting(e -> e.detail().path("code").asText()).containsOnly("INVALID_ADDRESS");
    assertThat(events.get(50).detail().toString()).isEqualTo("{\"more\":10}");
  }
}
