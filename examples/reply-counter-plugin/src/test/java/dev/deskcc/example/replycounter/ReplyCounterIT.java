package dev.deskcc.example.replycounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.deskcc.junit.AgentActions;
import dev.deskcc.junit.DeskSim;
import dev.deskcc.junit.DeskSimulatorTest;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.TicketView;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the built plugin jar (target/reply-counter-*.jar) in a simulator, as the host would run it.
 * Failsafe runs this after {@code package}; each test gets a fresh simulator with the extension's
 * default fixture (department {@code support}, admin token {@code admin-token}, contact Carl).
 */
@DeskSimulatorTest
class ReplyCounterIT {

  @Test
  void the_plugin_is_started(DeskSim desk) {
    assertThat(desk.plugin("reply-counter").state()).isEqualTo("STARTED");
  }

  @Test
  void a_new_ticket_has_no_agent_replies(DeskSim desk) {
    TicketView ticket = newTicket(desk.agent("admin-token"));

    assertThat(ticket.fields().get("replyCount").asLong(-1)).isZero();
  }

  @Test
  void each_agent_reply_counts_once_and_comments_do_not_count(DeskSim desk) {
    AgentActions ann = desk.agent("admin-token");
    String id = newTicket(ann).id();

    ann.reply(id, "Looking into it.");
    ann.comment(id, "note", false);
    ann.reply(id, "Fixed.");

    assertThat(ann.ticket(id).fields().get("replyCount").asLong()).isEqualTo(2);
    // the replies went to the requester, and the plugin was called for each of them
    assertThat(desk.outbox(id)).filteredOn(m -> m.event().equals("AGENT_REPLY")).hasSize(2)
        .allSatisfy(m -> assertThat(m.to()).contains("carl@example.com"));
    assertThat(desk.pluginTrace()).anySatisfy(call -> assertThat(call.pluginId()).isEqualTo("reply-counter"));
  }

  @Test
  void the_count_cannot_be_set(DeskSim desk) {
    AgentActions ann = desk.agent("admin-token");
    String id = newTicket(ann).id();

    assertThatThrownBy(() -> ann.setFields(id, Map.of("replyCount", IntNode.valueOf(7))))
        .isInstanceOfSatisfying(DeskException.class, e -> assertThat(e.code()).isEqualTo("FIELD_READ_ONLY"));
    assertThat(ann.ticket(id).fields().get("replyCount").asLong()).isZero();
  }

  @Test
  void the_field_is_in_the_layout_and_can_be_removed(DeskSim desk) {
    assertThat(desk.agent("admin-token").layout("support").fields()).anySatisfy(f -> {
      assertThat(f.name()).isEqualTo("replyCount");
      assertThat(f.locked()).isFalse();
    });
  }

  private static TicketView newTicket(AgentActions agent) {
    return agent.createTicket("support", "Printer on fire", "Smoke everywhere.", "carl@example.com");
  }
}
