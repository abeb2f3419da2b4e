package dev.deskcc.dist.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.dist.support.Demo;
import java.net.URI;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Contract §6 on a shared database: every node reads the same world secret, so an unsubscribe link
 * one node put in the outbox works on any other, and the mute it makes is the whole desk's.
 */
class UnsubscribeAcrossNodesIT {
  private static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();

  private static int call(String method, String url) throws Exception {
    RequestBody body = method.equals("POST") ? RequestBody.create(new byte[0], MediaType.get("text/plain")) : null;
    try (Response r = HTTP.newCall(new Request.Builder().url(url).method(method, body).build()).execute()) {
      return r.code();
    }
  }

  @Test
  void a_link_signed_on_one_node_works_on_another() throws Exception {
    try (Cluster cluster = new Cluster()) {
      String db = cluster.newDatabase();
      Cluster.Node a = cluster.start(db);
      Cluster.Node b = cluster.start(db);
      String ticketId = a.ids().path("onboarding").asText();
      JsonNode fromA = null;
      for (JsonNode m : a.outbox()) {
        if (m.path("ticketId").asText().equals(ticketId) && m.path("unsubscribe").size() > 0) {
          fromA = m;
        }
      }
      assertThat(fromA).as("a message of the onboarding ticket with links").isNotNull();
      String email = fromA.path("unsubscribe").fieldNames().next();
      String urlOnA = fromA.path("unsubscribe").path(email).asText();
      assertThat(urlOnA).startsWith(a.baseUrl());
      String path = URI.create(urlOnA).getRawPath();
      JsonNode sameOnB = null;
      for (JsonNode m : b.outbox()) {
        if (m.path("seq").asLong() == fromA.path("seq").asLong()) {
          sameOnB = m;
        }
      }
      assertThat(sameOnB.path("unsubscribe").path(email).asText()).as("the same token, on B's own base URL")
          .isEqualTo(b.baseUrl() + path);

      assertThat(call("GET", b.baseUrl() + path)).isEqualTo(200);
      assertThat(call("POST", b.baseUrl() + path)).isEqualTo(200);
      String history = a.api.get("/api/v1/tickets/" + ticketId + "/history", Demo.ADMIN).body();
      assertThat(history).as("node A sees B's mute").containsOnlyOnce("RECIPIENT_MUTED").containsIgnoringCase(email);
      assertThat(call("POST", a.baseUrl() + path)).isEqualTo(200);
      assertThat(a.api.get("/api/v1/tickets/" + ticketId + "/history", Demo.ADMIN).body())
          .containsOnlyOnce("RECIPIENT_MUTED");
    }
  }
}
