package dev.deskcc.sim.http;

import static dev.deskcc.sim.desk.ProblemCode.FORBIDDEN;
import static dev.deskcc.sim.desk.ProblemCode.NOT_FOUND;
import static dev.deskcc.sim.http.Who.AGENT;
import static dev.deskcc.sim.http.Who.ANYONE;
import static dev.deskcc.sim.http.Who.CONTACT;
import static dev.deskcc.sim.http.Who.SIM;

import dev.deskcc.sim.console.ConsoleAssets;
import dev.deskcc.sim.desk.DepartmentList;
import dev.deskcc.sim.desk.DepartmentPluginList;
import dev.deskcc.sim.desk.Desk;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.FixtureResult;
import dev.deskcc.sim.desk.SimUser;
import java.util.List;
import java.util.function.Supplier;

/**
 * The web console's routes: its static files at {@code /} and {@code /console/...}, the generic
 * descriptions it renders ({@code GET /api/v1/departments}, {@code GET
 * /api/v1/departments/{id}/plugins}, bearer token as everywhere) and the sign-in picker's {@code
 * GET /sim/users} (simulator control: loopback, no token). Entries of the route table like any other.
 */
final class ConsoleRoutes {

  /** The fixture's users with a token, for {@code GET /sim/users}. */
  record UserList(List<SimUser> users) {}

  private final Desk desk;
  private final Supplier<FixtureResult> lastFixture;
  private final ConsoleAssets assets = new ConsoleAssets();

  ConsoleRoutes(Desk desk, Supplier<FixtureResult> lastFixture) {
    this.desk = desk;
    this.lastFixture = lastFixture;
  }

  List<Route> routes() {
    return List.of(
        Route.get("/", "The web console").who(ANYONE)
            .returns(200, Body.raw("text/html")).handle(call -> asset(call, "index.html")),
        Route.get("/console/<path>", "The web console's files").who(ANYONE)
            .returns(200, Body.raw("*/*")).errors(NOT_FOUND).handle(call -> asset(call, call.path("path"))),
        Route.get("/sim/users", "The loaded fixture's users with a token (the console's sign-in picker)").who(SIM)
            .returns(200, UserList.class)
            .handle(call -> {
              FixtureResult last = lastFixture.get();
              return new UserList(last == null ? List.of() : last.users());
            }),
        Route.get("/api/v1/departments", "The departments an agent works in or a contact may submit to")
            .who(AGENT, CONTACT)
            .returns(200, DepartmentList.class)
            .handle(call -> desk.departments(call.caller())),
        Route.get("/api/v1/departments/{id}/plugins", "The started plugins with settings for the department")
            .who(AGENT)
            .returns(200, DepartmentPluginList.class).errors(FORBIDDEN, NOT_FOUND)
            .handle(call -> desk.departmentPlugins(call.caller(), call.path("id"))));
  }

  private Raw asset(Call call, String path) {
    ConsoleAssets.Asset a = assets.find(path)
        .orElseThrow(() -> DeskException.notFound("no console file " + path));
    call.header("Cache-Control", "no-cache");
    return new Raw(a.contentType(), a.content());
  }
}
