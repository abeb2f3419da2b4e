package dev.deskcc.cc.added;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.api.model.ActorType;
import dev.deskcc.api.model.Contact;
import dev.deskcc.api.model.ContactStatus;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.cc.store.AddedBy;
import dev.deskcc.cc.store.CcEntry;
import dev.deskcc.cc.store.CcSource;
import dev.deskcc.cc.store.TicketCcData;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddedNoticeTest {

  private static CcEntry cc(String id) {
    return new CcEntry(id, id + "@x.org", null, CcSource.AGENT, new AddedBy(ActorType.AGENT, "a1"),
        Instant.parse("2026-12-04T10:00:00Z"));
  }

  private static TicketCcData list(Set<String> held, CcEntry... entries) {
    return new TicketCcData(List.of(entries), Set.of(), 1, held);
  }

  @Test
  void a_cc_new_to_the_list_joins() {
    assertThat(AddedNotice.joined(list(Set.of(), cc("c1")), list(Set.of(), cc("c1"), cc("c2"))))
        .containsExactly("c2");
  }

  @Test
  void a_held_entry_joins_only_when_released() {
    TicketCcData held = list(Set.of("c2"), cc("c1"), cc("c2"));
    assertThat(AddedNotice.joined(list(Set.of(), cc("c1")), held)).isEmpty();
    assertThat(AddedNotice.joined(held, list(Set.of(), cc("c1"), cc("c2")))).containsExactly("c2");
  }

  @Test
  void a_removal_or_a_reorder_joins_nobody() {
    TicketCcData two = list(Set.of(), cc("c1"), cc("c2"));
    assertThat(AddedNotice.joined(two, list(Set.of(), cc("c1")))).isEmpty();
    assertThat(AddedNotice.joined(two, list(Set.of(), cc("c2"), cc("c1")))).isEmpty();
  }

  @Test
  void the_notice_names_the_adder_and_says_how_to_mute_with_the_html_escaped() {
    dev.deskcc.api.model.Ticket ticket = new dev.deskcc.api.model.Ticket("t1", 7, "d1", "<b>Pay</b> & \"rise\"",
        dev.deskcc.api.model.TicketStatus.OPEN, dev.deskcc.api.model.Channel.AGENT, "r1", List.of(), 1, null,
        Set.of(), Instant.parse("2026-12-04T10:00:00Z"));
    Contact ann = new Contact("c1", EmailAddress.parse("ann@x.org"), "Ann <Lee>", ContactStatus.ACTIVE, false);
    NoticeText text = NoticeText.of(ticket, ann, new Adder("Al & Co", "agent", null));
    assertThat(text.plain()).contains("Hello Ann <Lee>,", "Al & Co (agent) added you as a CC on ticket #7",
        "unsubscribe link");
    assertThat(text.html()).contains("Ann &lt;Lee&gt;", "Al &amp; Co (agent)",
        "&lt;b&gt;Pay&lt;/b&gt; &amp; &quot;rise&quot;").doesNotContain("<b>", "<Lee>");
    assertThat(text.subject()).startsWith("[#7] ");
    NoticeText byMail = NoticeText.of(ticket, ann, new Adder("Emma", null, "help@acme.test"));
    assertThat(byMail.plain()).contains("You were copied on an email to help@acme.test from Emma");
  }
}
