/**
 * The HTTP API of the contract ({@code /api}), simulator control ({@code /sim}) and the console's
 * routes, on Javalin: routes declared once with their answers and errors ({@link
 * dev.deskcc.sim.http.Route}, {@link dev.deskcc.sim.http.ApiRoutes}), from which the OpenAPI
 * document is generated; problem answers for {@link dev.deskcc.sim.desk.DeskException} codes. Calls
 * the desk only through its public contract (never {@code desk.internal}) and fixtures through
 * {@link dev.deskcc.sim.fixture.FixtureLoader}.
 */
package dev.deskcc.sim.http;
