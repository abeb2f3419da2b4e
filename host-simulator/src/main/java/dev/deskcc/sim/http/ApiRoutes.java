package dev.deskcc.sim.http;

import static dev.deskcc.sim.desk.ProblemCode.ACKNOWLEDGEMENT_REQUIRED;
import static dev.deskcc.sim.desk.ProblemCode.COMMENT_DELETED;
import static dev.deskcc.sim.desk.ProblemCode.DUPLICATE_FIELD;
import static dev.deskcc.sim.desk.ProblemCode.EDITION_NOT_SUPPORTED;
import static dev.deskcc.sim.desk.ProblemCode.FIELD_LOCKED;
import static dev.deskcc.sim.desk.ProblemCode.FORBIDDEN;
import static dev.deskcc.sim.desk.ProblemCode.INVALID_CHOICE;
import static dev.deskcc.sim.desk.ProblemCode.HELP_CENTER_UNAVAILABLE;
import static dev.deskcc.sim.desk.ProblemCode.INVALID_ADDRESS;
import static dev.deskcc.sim.desk.ProblemCode.INVALID_MERGE_SOURCE;
import static dev.deskcc.sim.desk.ProblemCode.INVALID_RECIPIENTS;
import static dev.deskcc.sim.desk.ProblemCode.INVALID_REQUESTER;
import static dev.deskcc.sim.desk.ProblemCode.MALFORMED_MESSAGE;
import static dev.deskcc.sim.desk.ProblemCode.MESSAGE_TOO_LARGE;
import static dev.deskcc.sim.desk.ProblemCode.NOT_FOUND;
import static dev.deskcc.sim.desk.ProblemCode.NO_DEPARTMENT;
import static dev.deskcc.sim.desk.ProblemCode.PAYLOAD_TOO_LARGE;
import static dev.deskcc.sim.desk.ProblemCode.UNSUPPORTED_MEDIA_TYPE;
import static dev.deskcc.sim.desk.ProblemCode.PLUGIN_FAILED;
import static dev.deskcc.sim.desk.ProblemCode.RATING_NOT_OPEN;
import static dev.deskcc.sim.desk.ProblemCode.REQUESTER_IS_DESK_ADDRESS;
import static dev.deskcc.sim.desk.ProblemCode.TICKET_MERGED;
import static dev.deskcc.sim.desk.ProblemCode.UNKNOWN_CONTACT;
import static dev.deskcc.sim.desk.ProblemCode.UNKNOWN_DEPARTMENT;
import static dev.deskcc.sim.desk.ProblemCode.UNKNOWN_FIELD;
import static dev.deskcc.sim.desk.ProblemCode.UNSUPPORTED_STATUS;
import static dev.deskcc.sim.desk.ProblemCode.VERSION_CONFLICT;
import static dev.deskcc.sim.http.Who.ADMIN;
import static dev.deskcc.sim.http.Who.AGENT;
import static dev.deskcc.sim.http.Who.ANYONE;
import static dev.deskcc.sim.http.Who.CONTACT;
import static dev.deskcc.sim.http.Who.SIM;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.sim.PluginStatus;
import dev.deskcc.sim.desk.CommentEditRequest;
import dev.deskcc.sim.desk.CommentRequest;
import dev.deskcc.sim.desk.ContactList;
import dev.deskcc.sim.desk.CreateTicketRequest;
import dev.deskcc.sim.desk.Desk;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.EntryView;
import dev.deskcc.sim.desk.FixtureResult;
import dev.deskcc.sim.desk.HistoryView;
import dev.deskcc.sim.desk.InboundResult;
import dev.deskcc.sim.desk.LayoutRequest;
import dev.deskcc.sim.desk.LayoutView;
import dev.deskcc.sim.desk.MergeRequest;
import dev.deskcc.sim.desk.OutboxView;
import dev.deskcc.sim.desk.PatchTicketRequest;
import dev.deskcc.sim.desk.PluginList;
import dev.deskcc.sim.desk.RatingList;
import dev.deskcc.sim.desk.RatingRequest;
import dev.deskcc.sim.desk.RatingView;
import dev.deskcc.sim.desk.ReplyRequest;
import dev.deskcc.sim.desk.RestrictionRequest;
import dev.deskcc.sim.desk.RestrictionView;
import dev.deskcc.sim.desk.TicketList;
import dev.deskcc.sim.desk.TicketView;
import dev.deskcc.sim.fixture.FixtureLoader;
import dev.deskcc.sim.fixture.FixtureParser;
import dev.deskcc.sim.mail.MailParser;
import dev.deskcc.sim.mail.MimeRenderer;
import dev.deskcc.sim.mail.OutgoingMail;
import dev.deskcc.sim.plugins.PluginCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The route table: every route of the HTTP surface, once. {@link HttpApi} registers exactly these
 * with Javalin and {@link OpenApi} describes exactly these; a new route is a new entry here.
 */
final class ApiRoutes {
  /** The plugin calls the host traced, for {@code GET /sim/plugins/trace}. */
  record PluginTrace(List<PluginCall> calls) {}

  /** What Javalin registered, as {@code "METHOD /path"}, for {@code GET /sim/routes}. */
  record RegisteredRoutes(List<String> routes) {}

  private static final String SETTINGS = "/api/v1/departments/{id}/plugins/{pluginId}/settings";
  private static final String LAYOUT = "/api/v1/departments/{id}/layout";
  private static final String TICKET = "/api/v1/tickets/{id}";
  private static final String COMMENT = TICKET + "/comments/{entryId}";

  private final Desk desk;
  private final FixtureParser fixtures;
  private final Supplier<FixtureResult> lastFixture;
  private final Consumer<FixtureResult> fixtureLoaded;
  private final Supplier<JsonNode> openApi;
  private final Supplier<List<String>> registered;

  ApiRoutes(Desk desk, FixtureParser fixtures, Supplier<FixtureResult> lastFixture,
      Consumer<FixtureResult> fixtureLoaded, Supplier<JsonNode> openApi, Supplier<List<String>> registered) {
    this.desk = desk;
    this.fixtures = fixtures;
    this.lastFixture = lastFixture;
    this.fixtureLoaded = fixtureLoaded;
    this.openApi = openApi;
    this.registered = registered;
  }

  /** Every route, in the order the reference lists them. */
  List<Route> all() {
    List<Route> routes = new ArrayList<>();
    routes.addAll(simulatorControl());
    routes.addAll(platform());
    routes.addAll(tickets());
    routes.addAll(mail());
    routes.addAll(new RecipientRoutes(desk).all());
    return routes;
  }

  private List<Route> simulatorControl() {
    return List.of(
        Route.get("/sim/fixtures", "The ids of the last fixture load").who(SIM)
            .returns(200, FixtureResult.class)
            .handle(call -> Optional.ofNullable(lastFixture.get()).orElse(new FixtureResult(Map.of()))),
        Route.post("/sim/fixtures", "Replace the whole world with a fixture").who(SIM)
            .takes(Body.jsonSchema(FixtureSchema.JSON))
            .returns(200, FixtureResult.class)
            .errors(PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE)
            .handle(call -> {
              FixtureResult result = FixtureLoader.load(desk, fixtures.parse(call.text()));
              fixtureLoaded.accept(result);
              return result;
            }),
        Route.get("/sim/outbox", "What the host and plugins sent, in seq order").who(SIM)
            .param(Param.query("ticketId", "only messages of this ticket"))
            .param(Param.query("afterSeq", "only messages after this seq (exclusive)"))
            .returns(200, OutboxView.class)
            .handle(call -> desk.outbox(call.query("ticketId"), call.longQuery("afterSeq"), call.baseUrl())),
        Route.get("/sim/outbox/{seq}/raw", "One outbox message as the MIME message delivery sends").who(SIM)
            .param(Param.query("to", "a recipient: their own copy, with their unsubscribe headers (contract §6)"))
            .returns(200, Body.raw("message/rfc822")).errors(NOT_FOUND)
            .handle(call -> new Raw("message/rfc822", rawCopy(outboxMessage(call.path("seq")), call.query("to"),
                call.baseUrl()))),
        Route.get("/sim/plugins", "The plugins found in the plugins folder and their state").who(SIM)
            .returns(200, PluginList.class)
            .handle(call -> new PluginList(desk.pluginStatuses())),
        Route.get("/sim/plugins/trace", "The last plugin calls, oldest first").who(SIM)
            .returns(200, PluginTrace.class)
            .handle(call -> new PluginTrace(desk.pluginTrace())),
        Route.post("/sim/plugins/{id}/stop", "Stop one plugin").who(SIM)
            .returns(200, PluginStatus.class).errors(NOT_FOUND)
            .handle(call -> desk.stopPlugin(call.path("id"))),
        Route.post("/sim/plugins/{id}/start", "Start one plugin").who(SIM)
            .returns(200, PluginStatus.class).errors(NOT_FOUND)
            .handle(call -> desk.startPlugin(call.path("id"))),
        Route.get("/sim/routes", "The routes the server registered").who(SIM)
            .returns(200, RegisteredRoutes.class)
            .handle(call -> new RegisteredRoutes(registered.get())),
        Route.get("/api/v1/openapi.json", "This API's OpenAPI 3.1 document").who(ANYONE)
            .returns(200, Body.jsonSchema("{\"type\": \"object\"}"))
            .handle(call -> openApi.get()));
  }

  /** The message as every copy shows it, or {@code to}'s own copy; 404 when {@code to} was no recipient. */
  private byte[] rawCopy(OutgoingMail mail, String to, String baseUrl) {
    if (to == null) {
      return new MimeRenderer().render(mail);
    }
    EmailAddress recipient = EmailAddress.tryParse(to)
        .filter(a -> mail.to().contains(a) || mail.cc().contains(a))
        .orElseThrow(() -> DeskException.notFound(to + " is no recipient of outbox message " + mail.seq()));
    return new MimeRenderer().render(mail, recipient, desk.recipientHeaders(mail, recipient, baseUrl));
  }

  private OutgoingMail outboxMessage(String seq) {
    return desk.outboxMail().stream().filter(m -> String.valueOf(m.seq()).equals(seq)).findFirst()
        .orElseThrow(() -> DeskException.notFound("no outbox message " + seq));
  }

  private List<Route> platform() {
    return List.of(
        Route.get("/api/v1/plugins", "The plugins and their state").who(ADMIN)
            .returns(200, PluginList.class).errors(FORBIDDEN)
            .handle(call -> desk.plugins(call.caller())),
        Route.get("/api/v1/contacts", "Find contacts").who(AGENT)
            .param(Param.query("email", "the address, matched ignoring case"))
            .returns(200, ContactList.class).errors(FORBIDDEN)
            .handle(call -> desk.contacts(call.caller(), call.query("email"))),
        Route.get(SETTINGS, "A plugin's settings for a department").who(AGENT)
            .returns(200, ObjectNode.class).errors(FORBIDDEN, NOT_FOUND)
            .handle(call -> desk.settings(call.caller(), call.path("id"), call.path("pluginId"))),
        Route.put(SETTINGS, "Change a plugin's settings for a department; members left out keep their values")
            .who(ADMIN)
            .takes(ObjectNode.class)
            .returns(200, ObjectNode.class)
            .errors(FORBIDDEN, EDITION_NOT_SUPPORTED, NOT_FOUND, ACKNOWLEDGEMENT_REQUIRED, INVALID_CHOICE, PLUGIN_FAILED)
            .pluginChecked()
            .handle(call -> desk.putSettings(call.caller(), call.path("id"), call.path("pluginId"), call.object())),
        Route.get(LAYOUT, "The department's ticket layout").who(AGENT)
            .returns(200, LayoutView.class).errors(FORBIDDEN, NOT_FOUND)
            .handle(call -> desk.layout(call.caller(), call.path("id"))),
        Route.put(LAYOUT, "Reorder or drop layout fields").who(ADMIN)
            .takes(LayoutRequest.class)
            .returns(200, LayoutView.class).errors(FORBIDDEN, NOT_FOUND, FIELD_LOCKED, UNKNOWN_FIELD, DUPLICATE_FIELD)
            .handle(call -> desk.putLayout(call.caller(), call.path("id"), call.body(LayoutRequest.class))));
  }

  private List<Route> tickets() {
    return List.of(
        Route.get("/api/v1/tickets", "Tickets of the agent's departments, or those a contact may see")
            .who(AGENT, CONTACT)
            .returns(200, TicketList.class)
            .handle(call -> desk.tickets(call.caller())),
        Route.post("/api/v1/tickets", "Create a ticket (a contact: help-center submit, no requester)")
            .who(AGENT, CONTACT)
            .takes(CreateTicketRequest.class)
            .returns(201, TicketView.class)
            .errors(FORBIDDEN, UNKNOWN_DEPARTMENT, HELP_CENTER_UNAVAILABLE, INVALID_REQUESTER,
                REQUESTER_IS_DESK_ADDRESS, UNKNOWN_FIELD, PLUGIN_FAILED)
            .pluginChecked()
            .handle(call -> tagged(call, desk.createTicket(call.caller(), call.body(CreateTicketRequest.class)))),
        Route.get(TICKET, "One ticket").who(AGENT, CONTACT)
            .returns(200, TicketView.class).errors(NOT_FOUND)
            .handle(call -> tagged(call, desk.ticket(call.caller(), call.path("id")))),
        Route.patch(TICKET, "Ticket details: replace plugin-field values and/or close").who(AGENT)
            .param(Param.header("If-Match", "the ticket version the change expects, as \"<version>\""))
            .takes(Body.jsonSchema(PATCH_SCHEMA))
            .returns(200, TicketView.class)
            .errors(FORBIDDEN, NOT_FOUND, VERSION_CONFLICT, UNSUPPORTED_STATUS, TICKET_MERGED, UNKNOWN_FIELD,
                PLUGIN_FAILED)
            .pluginChecked()
            .handle(call -> {
              Long version = call.ifMatch();
              return tagged(call, desk.patchTicket(call.caller(), call.path("id"),
                  call.body(PatchTicketRequest.class), version));
            }),
        Route.get(TICKET + "/history", "The ticket's audit log").who(AGENT)
            .returns(200, HistoryView.class).errors(FORBIDDEN, NOT_FOUND)
            .handle(call -> desk.history(call.caller(), call.path("id"))),
        Route.post(TICKET + "/replies", "Reply (agent: the reply editor; contact: help-center reply)")
            .who(AGENT, CONTACT)
            .takes(ReplyRequest.class)
            .returns(201, EntryView.class)
            .errors(NOT_FOUND, TICKET_MERGED, INVALID_RECIPIENTS, UNKNOWN_FIELD, PLUGIN_FAILED)
            .pluginChecked()
            .handle(call -> desk.reply(call.caller(), call.path("id"), call.body(ReplyRequest.class))),
        Route.post(TICKET + "/comments", "Comment (agent: public or private; contact: always public)")
            .who(AGENT, CONTACT)
            .takes(CommentRequest.class)
            .returns(201, EntryView.class)
            .errors(NOT_FOUND, TICKET_MERGED, PLUGIN_FAILED)
            .pluginChecked()
            .handle(call -> desk.addComment(call.caller(), call.path("id"), call.body(CommentRequest.class))),
        Route.patch(COMMENT, "Edit a comment (its author or an admin)").who(AGENT, CONTACT)
            .takes(CommentEditRequest.class)
            .returns(200, EntryView.class)
            .errors(FORBIDDEN, NOT_FOUND, COMMENT_DELETED, PLUGIN_FAILED)
            .pluginChecked()
            .handle(call -> desk.editComment(call.caller(), call.path("id"), call.path("entryId"),
                call.body(CommentEditRequest.class))),
        Route.delete(COMMENT, "Delete a comment (its author or an admin); it stays, empty, as deleted")
            .who(AGENT, CONTACT)
            .returnsNothing()
            .errors(FORBIDDEN, NOT_FOUND, COMMENT_DELETED, PLUGIN_FAILED)
            .pluginChecked()
            .handle(call -> {
              desk.deleteComment(call.caller(), call.path("id"), call.path("entryId"));
              return null;
            }),
        Route.post(TICKET + "/merge", "Merge the sources into this ticket; dryRun previews").who(AGENT)
            .param(Param.query("dryRun", "true: answer the same (or the same error) and change nothing"))
            .takes(Body.jsonSchema(MERGE_SCHEMA))
            .returns(200, TicketView.class)
            .errors(FORBIDDEN, NOT_FOUND, TICKET_MERGED, INVALID_MERGE_SOURCE, PLUGIN_FAILED)
            .pluginChecked()
            .handle(call -> {
              boolean dryRun = call.flag("dryRun");
              return desk.merge(call.caller(), call.path("id"), mergeRequest(call.object()), dryRun);
            }),
        Route.post(TICKET + "/restrictions", "Bar a contact from the ticket in the help center").who(AGENT)
            .takes(RestrictionRequest.class)
            .returns(201, RestrictionView.class)
            .errors(FORBIDDEN, NOT_FOUND, INVALID_ADDRESS, UNKNOWN_CONTACT)
            .handle(call -> desk.addRestriction(call.caller(), call.path("id"), call.body(RestrictionRequest.class))),
        Route.delete(TICKET + "/restrictions/{contactId}", "Lift a restriction").who(AGENT)
            .returnsNothing()
            .errors(FORBIDDEN, NOT_FOUND)
            .handle(call -> {
              desk.liftRestriction(call.caller(), call.path("id"), call.path("contactId"));
              return null;
            }),
        Route.post(TICKET + "/ratings", "Rate the ticket").who(CONTACT)
            .takes(RatingRequest.class)
            .returns(201, RatingView.class)
            .errors(FORBIDDEN, NOT_FOUND, RATING_NOT_OPEN, PLUGIN_FAILED)
            .pluginChecked()
            .handle(call -> desk.rate(call.caller(), call.path("id"), call.body(RatingRequest.class))),
        Route.get(TICKET + "/ratings", "The ticket's ratings").who(AGENT)
            .returns(200, RatingList.class).errors(FORBIDDEN, NOT_FOUND)
            .handle(call -> desk.ratings(call.caller(), call.path("id"))));
  }

  private List<Route> mail() {
    return List.of(
        Route.post("/api/v1/inbound/email", "Take in a raw message, as an inbound-mail webhook delivers it")
            .who(ADMIN)
            .takes(Body.raw("message/rfc822"))
            .returns(202, InboundResult.class)
            .errors(FORBIDDEN, MALFORMED_MESSAGE, MESSAGE_TOO_LARGE, NO_DEPARTMENT, PLUGIN_FAILED)
            .pluginChecked()
            .handle(call -> {
              if (!call.caller().isAdmin()) {
                throw DeskException.forbidden("admins only (the mail gateway's token)");
              }
              call.requireMediaType("message/rfc822");
              byte[] raw = call.bytes(HttpApi.MAX_MESSAGE_BYTES, MESSAGE_TOO_LARGE);
              return desk.inboundMail(call.caller(), new MailParser().parse(raw));
            }));
  }

  /** PatchTicketRequest's wire shape, with only the status the server accepts (TicketDetails). */
  private static final String PATCH_SCHEMA = """
      {"type": "object",
       "properties": {
         "fields": {"type": "object", "additionalProperties": true,
                    "description": "plugin-field values by field name; each replaces the field's whole value"},
         "status": {"type": "string", "enum": ["CLOSED"],
                    "description": "closes the ticket; the ticket's current status is also accepted, as no change"}}}""";

  private static final String MERGE_SCHEMA = """
      {"type": "object", "required": ["sourceIds"],
       "properties": {"sourceIds": {"type": "array", "items": {"type": "string"}}},
       "additionalProperties": true,
       "description": "Other members are passed to the plugins as given (a field's merge choice, say)."}""";

  /** Sets the ticket's {@code ETag} to its version. */
  private static TicketView tagged(Call call, TicketView ticket) {
    call.header("ETag", "\"" + ticket.version() + "\"");
    return ticket;
  }

  private static MergeRequest mergeRequest(ObjectNode body) {
    JsonNode ids = body.get("sourceIds");
    if (ids == null || !ids.isArray()) {
      throw DeskException.badRequest("sourceIds must be an array of ticket ids");
    }
    List<String> sourceIds = new ArrayList<>();
    for (JsonNode id : ids) {
      if (!id.isTextual()) {
        throw DeskException.badRequest("sourceIds must be an array of ticket ids");
      }
      sourceIds.add(id.textValue());
    }
    Map<String, JsonNode> choices = new LinkedHashMap<>();
    body.properties().forEach(f -> {
      if (!f.getKey().equals("sourceIds")) {
        choices.put(f.getKey(), f.getValue());
      }
    });
    return new MergeRequest(sourceIds, choices);
  }
}
