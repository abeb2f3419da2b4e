package dev.deskcc.dist.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.dist.support.Demo;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract §6 on a data folder: a one-click unsubscribe answered before a SIGKILL is there after
 * the restart, and the world's secret with it (the same link still opens its page).
 */
class MuteSurvivesCrashIT {
  private static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();

  @TempDir Path temp;

  private static int call(String method, String url) throws Exception {
    RequestBody body = method.equals("POST")
        ? RequestBody.create("List-Unsubscribe=One-Click".getBytes(), MediaType.get("application/x-www-form-urlencoded"))
        : null;
    try (Response r = HTTP.newCall(new Request.Builder().url(url).method(method, body).build()).execute()) {
      return r.code();
    }
  }

  @Test
  void a_mute_acknowledged_before_sigkill_survives_and_its_link_still_works() throws Exception {
    Path data = temp.resolve("data");
    String ticketId;
    String email;
    String linkPath;
    DeskNode first = DeskNode.start("--data-dir", data.toString());
    try {
      ticketId = first.ids().path("onboarding").asText();
      JsonNode message = null;
      for (JsonNode m : first.outbox()) {
        if (m.path("ticketId").asText().equals(ticketId) && m.path("unsubscribe").size() > 0) {
          message = m;
        }
      }
      assertThat(message).as("a message of the onboarding ticket with links").isNotNull();
      email = message.path("unsubscribe").fieldNames().next();
      String url = message.path("unsubscribe").path(email).asText();
      linkPath = URI.create(url).getRawPath();
      assertThat(call("POST", first.baseUrl + linkPath)).isEqualTo(200);
    } finally {
      first.kill();
    }
    DeskNode second = DeskNode.start("--data-dir", data.toString());
    try {
      JsonNode history = second.history(ticketId).path("events");
      int muted = 0;
      for (JsonNode e : history) {
        if (e.path("type").asText().equals("RECIPIENT_MUTED")) {
          muted++;
          assertThat(e.path("detail").path("email").asText()).isEqualToIgnoringCase(email);
        }
      }
      assertThat(muted).isEqualTo(1);
      assertThat(second.ticket(ticketId).path("suppressed").toString()).containsIgnoringCase(email).contains("MUTED");
      assertThat(call("GET", second.baseUrl + linkPath)).as("the world's secret survived").isEqualTo(200);
      assertThat(call("POST", second.baseUrl + linkPath)).isEqualTo(200);
      assertThat(second.api.get("/api/v1/tickets/" + ticketId + "/history", Demo.ADMIN).body())
          .as("a repeat after restart records nothing").containsOnlyOnce("RECIPIENT_MUTED");
    } finally {
      second.close();
    }
  }
}
