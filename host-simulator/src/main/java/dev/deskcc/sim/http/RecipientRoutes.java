package dev.deskcc.sim.http;

import static dev.deskcc.sim.desk.ProblemCode.FORBIDDEN;
import static dev.deskcc.sim.desk.ProblemCode.NOT_FOUND;
import static dev.deskcc.sim.desk.ProblemCode.PAYLOAD_TOO_LARGE;
import static dev.deskcc.sim.http.Who.AGENT;
import static dev.deskcc.sim.http.Who.ANYONE;
import static dev.deskcc.sim.http.Who.CONTACT;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.sim.desk.Desk;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.recipient.NotificationsView;
import dev.deskcc.sim.recipient.UnsubscribeHtml;
import dev.deskcc.sim.recipient.UnsubscribeLinks;
import java.util.List;

/**
 * Recipients in control (contract §6): the unsubscribe link's page and one-click POST (no token:
 * the link is the credential), a contact's own mail switch, and clearing a bounce.
 */
final class RecipientRoutes {
  private static final String LINK = UnsubscribeLinks.PATH + "{token}";
  private static final String NOTIFICATIONS = "/api/v1/tickets/{id}/notifications";
  /** A one-click body is one short form field; anything longer is no reason to read on. */
  private static final long MAX_POST_BYTES = 64 * 1024;
  private static final String HTML = "text/html; charset=utf-8";
  private static final String NOTIFICATIONS_SCHEMA = """
      {"type": "object", "required": ["muted"],
       "properties": {"muted": {"type": "boolean", "description": "true: send me no more mail about this ticket"}}}""";

  private final Desk desk;

  RecipientRoutes(Desk desk) {
    this.desk = desk;
  }

  List<Route> all() {
    return List.of(
        Route.get(LINK, "An unsubscribe link's page: what the button does; changes nothing").who(ANYONE)
            .returns(200, Body.raw("text/html")).errors(NOT_FOUND)
            .handle(call -> page(call, UnsubscribeHtml.confirm(desk.unsubscribePage(call.path("token"))))),
        Route.head(LINK, "The unsubscribe page's headers; changes nothing").who(ANYONE)
            .returns(200, Body.raw("text/html")).errors(NOT_FOUND)
            .handle(call -> page(call, UnsubscribeHtml.confirm(desk.unsubscribePage(call.path("token"))))),
        Route.post(LINK, "One-click unsubscribe (RFC 8058): mutes the link's person on its ticket").who(ANYONE)
            .takes(Body.raw("application/x-www-form-urlencoded"))
            .returns(200, Body.raw("text/html")).errors(NOT_FOUND, PAYLOAD_TOO_LARGE)
            .handle(call -> {
              // the body is "List-Unsubscribe=One-Click", or empty: either way it asks the same
              call.bytes(MAX_POST_BYTES, PAYLOAD_TOO_LARGE);
              return page(call, UnsubscribeHtml.done(desk.unsubscribe(call.path("token"))));
            }),
        Route.get(NOTIFICATIONS, "Whether I (a contact) get mail about this ticket").who(CONTACT)
            .returns(200, NotificationsView.class).errors(FORBIDDEN, NOT_FOUND)
            .handle(call -> desk.notifications(call.caller(), call.path("id"))),
        Route.put(NOTIFICATIONS, "Mute or unmute mail about this ticket for myself (a contact)").who(CONTACT)
            .takes(Body.jsonSchema(NOTIFICATIONS_SCHEMA))
            .returns(200, NotificationsView.class).errors(FORBIDDEN, NOT_FOUND)
            .handle(call -> desk.setNotifications(call.caller(), call.path("id"), muted(call.object().get("muted")))),
        Route.delete("/api/v1/contacts/{id}/bounce", "Clear a contact's bounce: their address is mailed again")
            .who(AGENT)
            .returnsNothing().errors(FORBIDDEN, NOT_FOUND)
            .handle(call -> {
              desk.clearBounce(call.caller(), call.path("id"));
              return null;
            }));
  }

  private static Boolean muted(JsonNode value) {
    if (value == null || !value.isBoolean()) {
      throw DeskException.badRequest("muted must be true or false");
    }
    return value.booleanValue();
  }

  /** A page about one person's link: never cached, indexed or passed on as a referrer. */
  private static Raw page(Call call, byte[] html) {
    call.header("Cache-Control", "no-store");
    call.header("X-Robots-Tag", "noindex");
    call.header("Referrer-Policy", "no-referrer");
    return new Raw(HTML, html);
  }
}
