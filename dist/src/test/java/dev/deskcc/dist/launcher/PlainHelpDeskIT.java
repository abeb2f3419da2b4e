package dev.deskcc.dist.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.dist.support.Api;
import dev.deskcc.dist.support.Api.Reply;
import dev.deskcc.dist.support.Demo;
import dev.deskcc.dist.support.LauncherProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With an empty plugins folder the same host is a plain help desk: no trace of any plugin. */
class PlainHelpDeskIT {

  @TempDir static Path temp;

  private static LauncherProcess launcher;
  private static Api api;

  @BeforeAll
  static void launch() throws IOException {
    Path plugins = Files.createDirectories(temp.resolve("plugins"));
    launcher = LauncherProcess.start("--port", "0", "--plugins", plugins.toString());
    api = new Api(launcher.awaitListening(Duration.ofSeconds(60)));
  }

  @AfterAll
  static void stop() {
    launcher.close();
  }

  @Test
  void the_startup_log_says_no_plugin_is_loaded() {
    assertThat(launcher.stdout()).contains("deskcc-sim: no plugins loaded: a plain help desk");
  }

  @Test
  void no_plugin_is_listed() {
    Reply reply = api.get("/api/v1/plugins", Demo.ADMIN);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().path("plugins")).isEmpty();
  }

  @Test
  void settings_of_the_absent_plugin_are_not_found() {
    Reply reply = api.get(settingsPath(anyDepartmentId()), Demo.ADMIN);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
  }

  @Test
  void layouts_and_tickets_have_no_plugin_field() {
    String departmentId = anyDepartmentId();
    Reply layout = api.get("/api/v1/departments/" + departmentId + "/layout", Demo.ADMIN);

    assertThat(layout.status()).as(layout.toString()).isEqualTo(200);
    assertThat(layout.json().path("fields")).isNotEmpty().allSatisfy(f -> {
      assertThat(f.path("name").asText()).isNotEqualTo("cc");
      assertThat(f.path("plugin").isNull() || f.path("plugin").isMissingNode()).as(f.toString()).isTrue();
    });
    for (JsonNode ticket : api.get("/api/v1/tickets", Demo.ADMIN).json().path("tickets")) {
      assertThat(ticket.path("fields").path("cc").isMissingNode()).as(ticket.toString()).isTrue();
    }
  }

  private static String anyDepartmentId() {
    Reply tickets = api.get("/api/v1/tickets", Demo.ADMIN);
    assertThat(tickets.status()).as(tickets.toString()).isEqualTo(200);
    assertThat(tickets.json().path("tickets")).as("the built-in demo has tickets").isNotEmpty();
    return tickets.json().path("tickets").path(0).path("departmentId").asText();
  }

  private static String settingsPath(String departmentId) {
    return "/api/v1/departments/" + departmentId + "/plugins/" + Demo.PLUGIN_ID + "/settings";
  }
}
