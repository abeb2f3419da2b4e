package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.junit.AgentActions;
import dev.deskcc.junit.DeskSim;
import dev.deskcc.junit.DeskSimulatorTest;
import org.junit.jupiter.api.Test;

/**
 * Runs target/*.jar (built by `package`; failsafe runs *IT after it) in a simulator, a fresh one
 * per test, with the extension's default fixture: department "support", admin token
 * "admin-token", contact carl@example.com.
 */
@DeskSimulatorTest
class MyPluginIT {

  @Test
  void the_plugin_is_started(DeskSim desk) {
    assertThat(desk.plugin("${pluginId}").state()).isEqualTo("STARTED");
  }

  @Test
  void the_plugin_reacts_to_an_agent_reply(DeskSim desk) {
    AgentActions admin = desk.agent("admin-token");
    String ticketId = admin.createTicket("support", "Printer on fire", "Smoke everywhere.", "carl@example.com").id();

    admin.reply(ticketId, "Looking into it.");

    assertThat(desk.pluginTrace()).anySatisfy(call -> {
      assertThat(call.pluginId()).isEqualTo("${pluginId}");
      assertThat(call.extensionPoint()).isEqualTo("TicketChangeReaction");
      assertThat(call.eventType()).isEqualTo("AgentReplied");
      assertThat(call.outcome()).isEqualTo("OK");
    });
    assertThat(desk.outbox(ticketId)).anySatisfy(m -> {
      assertThat(m.event()).isEqualTo("AGENT_REPLY");
      assertThat(m.to()).contains("carl@example.com");
    });
  }
}
