package dev.deskcc.bench.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.model.ContactStatus;
import dev.deskcc.api.model.Edition;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.RatingMode;
import dev.deskcc.sim.fixture.AgentFixture;
import dev.deskcc.sim.fixture.ContactFixture;
import dev.deskcc.sim.fixture.DepartmentFixture;
import dev.deskcc.sim.fixture.Fixture;
import dev.deskcc.sim.fixture.FixtureLoader;
import dev.deskcc.sim.fixture.OrgFixture;
import dev.deskcc.sim.fixture.TicketFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Worlds for the benchmarks, as {@link Fixture} values loaded through {@link FixtureLoader#load}: the
 * same code paths (and plugin checks) as the API, without HTTP. One department {@code support}
 * ({@code support@acme.test}), one admin agent {@code alice} (token {@code alice-token}), and
 * {@code contacts} customers {@code customer-<n>@customers.test} (keys {@code c<n>}).
 */
public final class Worlds {

  public static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  public static final String DEPARTMENT = "support";
  public static final String AGENT = "alice";
  public static final String AGENT_TOKEN = "alice-token";
  public static final String SUPPORT_ADDRESS = "support@acme.test";

  private Worlds() {}

  /** A customer's address. */
  public static String customer(int n) {
    return "customer-" + n + "@customers.test";
  }

  /** The plugin's settings for the department. */
  public static ObjectNode ccSettings(boolean enabled, boolean autoAdd) {
    ObjectNode s = JSON.objectNode();
    s.put("enabled", enabled);
    s.put("acknowledged", true);
    s.put("autoAddRecipients", autoAdd);
    return s;
  }

  /**
   * A world of {@code tickets} tickets; ticket {@code i} has requester {@code c<i % contacts>} and,
   * when {@code ccsPerTicket > 0}, the next {@code ccsPerTicket} customers as CCs (so the plugin must
   * be loaded and enabled).
   *
   * @param ccSettings the plugin's settings for the department, {@code null} for none
   */
  public static Fixture world(int contacts, int tickets, int ccsPerTicket, ObjectNode ccSettings) {
    Map<String, ObjectNode> settings = ccSettings == null ? Map.of() : Map.of(Plugins.CC, ccSettings);
    DepartmentFixture dept = new DepartmentFixture(DEPARTMENT, "Support", true,
        List.of(EmailAddress.parse(SUPPORT_ADDRESS)), List.of(EmailAddress.parse("noreply@acme.test")),
        RatingMode.OFF, settings);
    AgentFixture agent = new AgentFixture(AGENT, "Alice", EmailAddress.parse("alice@acme.test"), true,
        List.of(DEPARTMENT), AGENT_TOKEN);
    List<ContactFixture> people = new ArrayList<>(contacts);
    for (int n = 0; n < contacts; n++) {
      people.add(new ContactFixture("c" + n, "Customer " + n, EmailAddress.parse(customer(n)),
          ContactStatus.ACTIVE, false, null));
    }
    // one text node per customer, shared by every ticket's CC list: the fixture is the benchmark's
    // input, and a fresh string per CC per ticket (2 million at 100,000 tickets with 20 CCs) took
    // more heap than the world it builds
    JsonNode[] addresses = new JsonNode[ccsPerTicket > 0 ? contacts : 0];
    for (int n = 0; n < addresses.length; n++) {
      addresses[n] = JSON.textNode(customer(n));
    }
    List<TicketFixture> list = new ArrayList<>(tickets);
    for (int i = 0; i < tickets; i++) {
      Map<String, JsonNode> fields = Map.of();
      if (ccsPerTicket > 0) {
        ArrayNode cc = JSON.arrayNode(ccsPerTicket);
        for (int k = 0; k < ccsPerTicket; k++) {
          cc.add(addresses[(i + 1 + k) % contacts]);
        }
        fields = Map.of("cc", cc);
      }
      list.add(new TicketFixture("t" + i, DEPARTMENT, "Printer on floor " + i + " is out of toner",
          "It says toner low, then nothing prints.", JSON.textNode("c" + (i % contacts)), AGENT, fields,
          List.of()));
    }
    return new Fixture(new OrgFixture("Acme", Edition.PROFESSIONAL), List.of(dept), List.of(agent), people, list);
  }

  /** {@code count} customer addresses starting at customer {@code first} (wrapping). */
  public static ArrayNode ccs(int contacts, int first, int count) {
    ArrayNode array = JSON.arrayNode();
    for (int k = 0; k < count; k++) {
      array.add(customer((first + k) % contacts));
    }
    return array;
  }
}
