package dev.deskcc.dist.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deskcc.client.ApiClient;
import dev.deskcc.client.ApiException;
import dev.deskcc.client.api.DepartmentsApi;
import dev.deskcc.client.api.InboundApi;
import dev.deskcc.client.api.SimApi;
import dev.deskcc.client.api.TicketsApi;
import dev.deskcc.client.model.CreateTicketRequest;
import dev.deskcc.client.model.DepartmentView;
import dev.deskcc.client.model.EntryView;
import dev.deskcc.client.model.HistoryEntryView;
import dev.deskcc.client.model.InboundResult;
import dev.deskcc.client.model.OutboxMessageView;
import dev.deskcc.client.model.PatchTicketsIdRequest;
import dev.deskcc.client.model.Problem;
import dev.deskcc.client.model.ReplyRequest;
import dev.deskcc.client.model.TicketView;
import dev.deskcc.dist.support.LauncherProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An outside integrator's view: a Java client generated from {@code docs/openapi.json} by
 * OpenAPI Generator (dist/pom.xml, test sources only) drives the real launcher through one
 * scenario. Every answer is read into the generated types, the {@code null}s the server sends
 * included; a document that said otherwise would make the client reject real answers.
 */
class GeneratedClientIT {
  private static LauncherProcess launcher;
  private static String base;

  @BeforeAll
  static void launch() {
    launcher = LauncherProcess.start("--port", "0");
    base = launcher.awaitListening(Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    launcher.close();
  }

  private static ApiClient client(String token) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(base);
    if (token != null) {
      client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }
    return client;
  }

  @Test
  void a_mailed_request_is_answered_and_closed_through_the_generated_client() throws Exception {
    // the mail gateway hands the desk a customer's message
    InboundResult taken = new InboundApi(client("alice-token")).postInboundEmail("""
        From: Nora Newcomer <nora@newcomer.test>\r
        To: support@acme.test\r
        Subject: My badge does not open the door\r
        Message-ID: <badge-1@newcomer.test>\r
        \r
        Since Monday the badge is refused at the side entrance.\r
        """);
    assertThat(taken.getCreated()).isTrue();

    TicketsApi agent = new TicketsApi(client("alice-token"));
    TicketView ticket = agent.getTicketsId(taken.getTicketId());
    assertThat(ticket.getRequester().getEmail()).isEqualTo("nora@newcomer.test");
    assertThat(ticket.getMergedInto()).isNull();
    assertThat(ticket.getThread()).singleElement().satisfies(e -> {
      assertThat(e.getId()).isEqualTo(taken.getEntryId());
      assertThat(e.getEditedAt()).isNull();
    });

    EntryView reply = agent.postTicketsIdReplies(ticket.getId(),
        new ReplyRequest().content("We have reset your badge; please try again."));
    assertThat(reply.getKind()).isEqualTo(EntryView.KindEnum.REPLY);
    assertThat(reply.getTo()).containsExactly("nora@newcomer.test");

    TicketView closed = agent.patchTicketsId(ticket.getId(),
        new PatchTicketsIdRequest().status(PatchTicketsIdRequest.StatusEnum.CLOSED), null);
    assertThat(closed.getStatus()).isEqualTo(TicketView.StatusEnum.CLOSED);

    List<String> events = agent.getTicketsIdHistory(ticket.getId()).getEvents().stream()
        .map(HistoryEntryView::getType).toList();
    assertThat(events).contains("TICKET_CREATED", "MAIL_RECEIVED");

    List<OutboxMessageView> sent = new SimApi(client(null)).getSimOutbox(ticket.getId(), null).getMessages();
    assertThat(sent).extracting(OutboxMessageView::getEvent).containsExactly("AGENT_REPLY", "TICKET_CLOSED");
    assertThat(sent).allSatisfy(m -> assertThat(m.getDeliveryError()).isNull());
  }

  @Test
  void a_refusal_reaches_the_integrator_as_a_problem_with_its_code() throws Exception {
    DepartmentView hr = new DepartmentsApi(client("hana-token")).getDepartments().getDepartments().stream()
        .filter(d -> d.getName().contains("HR")).findFirst().orElseThrow();
    TicketsApi agent = new TicketsApi(client("hana-token"));
    ApiException refused = catchThrowableOfType(ApiException.class, () -> agent.postTickets(
        new CreateTicketRequest().departmentId(hr.getId()).subject("No requester")));
    assertThat(refused.getCode()).isEqualTo(400);
    Problem problem = new ObjectMapper().readValue(refused.getResponseBody(), Problem.class);
    assertThat(problem.getCode()).isEqualTo("BAD_REQUEST");
  }
}
