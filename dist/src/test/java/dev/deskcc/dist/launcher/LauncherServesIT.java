package dev.deskcc.dist.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.dist.support.Api;
import dev.deskcc.dist.support.Api.Reply;
import dev.deskcc.dist.support.Demo;
import dev.deskcc.dist.support.LauncherProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** bin/deskcc-sim with its defaults: the distribution's plugins and demo world. */
class LauncherServesIT {

  private static LauncherProcess launcher;
  private static Api api;

  @BeforeAll
  static void launch() {
    launcher = LauncherProcess.start("--port", "0");
    api = new Api(launcher.awaitListening(Duration.ofSeconds(60)));
  }

  @AfterAll
  static void stop() {
    launcher.close();
  }

  @Test
  void the_startup_log_names_each_plugin_with_its_version_and_state() {
    assertThat(launcher.stdout())
        .anyMatch(l -> l.matches("deskcc-sim: plugin secondary-contacts \\S+ STARTED"))
        .anyMatch(l -> l.startsWith("deskcc-sim: plugins folder ") && l.endsWith("plugins"))
        .anyMatch(l -> l.startsWith("deskcc-sim: fixture ") && l.endsWith("demo.json loaded"))
        .contains("deskcc-sim: world in memory (gone when the simulator stops)",
            "deskcc-sim: plugin calls inline", "deskcc-sim: mail outbox only (GET /sim/outbox)");
  }

  @Test
  void the_plugins_endpoint_lists_the_distributed_plugin_as_started() {
    Reply reply = api.get("/api/v1/plugins", Demo.ADMIN);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().path("plugins"))
        .anySatisfy(p -> {
          assertThat(p.path("id").asText()).isEqualTo(Demo.PLUGIN_ID);
          assertThat(p.path("state").asText()).isEqualTo("STARTED");
          assertThat(p.path("version").asText()).isNotBlank();
        });
  }

  @Test
  void the_demo_world_has_the_agency_copied_on_the_onboarding_ticket_with_its_emailed_report() {
    JsonNode onboarding = ticketNumbered(101, Demo.HR_AGENT);

    assertThat(emails(onboarding.path("fields").path("cc")))
        .contains("vera@verify-agency.test", "victor@verify-agency.test");
    assertThat(onboarding.path("thread"))
        .anySatisfy(entry -> {
          assertThat(entry.path("kind").asText()).isEqualTo("INBOUND");
          assertThat(entry.path("author").path("email").asText()).isEqualToIgnoringCase("vera@verify-agency.test");
          assertThat(entry.path("attachments").path(0).path("name").asText()).isEqualTo("verification-report.pdf");
        });
  }

  @Test
  void the_demo_world_has_a_manager_copied_from_the_help_center_who_can_follow_the_ticket() {
    Reply mine = api.get("/api/v1/tickets", Demo.MANAGER);

    assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
    assertThat(mine.json().path("tickets"))
        .anySatisfy(t -> {
          assertThat(t.path("subject").asText()).contains("Invoice 2041");
          assertThat(t.path("role").asText()).isEqualTo("CC");
          assertThat(t.path("channel").asText()).isEqualTo("HELP_CENTER");
        });
  }

  private static JsonNode ticketNumbered(long number, String token) {
    Reply list = api.get("/api/v1/tickets", token);
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    for (JsonNode t : list.json().path("tickets")) {
      if (t.path("number").asLong() == number) {
        Reply one = api.get("/api/v1/tickets/" + t.path("id").asText(), token);
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        return one.json();
      }
    }
    throw new AssertionError("no ticket #" + number + " in " + list);
  }

  private static List<String> emails(JsonNode people) {
    List<String> emails = new ArrayList<>();
    people.forEach(p -> emails.add(p.path("email").asText().toLowerCase()));
    return emails;
  }
}
