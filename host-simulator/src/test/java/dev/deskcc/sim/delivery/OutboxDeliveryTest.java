package dev.deskcc.sim.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.CreateTicketRequest;
import dev.deskcc.sim.desk.Desk;
import dev.deskcc.sim.desk.RequesterInput;
import dev.deskcc.sim.support.TestWorld;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The simulator hands its outbox to a mail gateway when it has one. */
class OutboxDeliveryTest {

  @Test
  void a_committed_message_is_posted_to_the_gateway_and_marked_delivered() throws Exception {
    WireMockServer gateway = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    gateway.start();
    gateway.stubFor(post(urlPathEqualTo("/messages")).willReturn(aResponse().withStatus(202)));
    try (Simulator sim = Simulator.builder().fixtureJson(TestWorld.FIXTURE)
        .mailGateway(URI.create(gateway.baseUrl()), "gw-key").build().start()) {
      Desk desk = sim.desk();
      Caller agent = desk.authenticate(TestWorld.AGENT).orElseThrow();
      String hr = sim.fixtureIds().ids().get("hr");
      desk.createTicket(agent, new CreateTicketRequest(hr, "Hello", "d", new RequesterInput("emma@example.com", null),
          null));
      String messageId = desk.outbox(null, null).messages().get(0).messageId();
      long deadline = System.currentTimeMillis() + 5_000;
      while (!desk.outbox(null, null).messages().get(0).delivery().equals("DELIVERED")
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertThat(desk.outbox(null, null).messages().get(0).delivery()).isEqualTo("DELIVERED");
      gateway.verify(postRequestedFor(urlPathEqualTo("/messages"))
          .withHeader("Idempotency-Key", equalTo(messageId))
          .withHeader("Authorization", equalTo("Bearer gw-key")));
    } finally {
      gateway.stop();
    }
  }
}
