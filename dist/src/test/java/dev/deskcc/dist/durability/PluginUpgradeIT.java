package dev.deskcc.dist.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.dist.support.Api;
import dev.deskcc.dist.support.Build;
import dev.deskcc.dist.support.Demo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin changes under a kept world: replaced by a newer release, removed, put back. Plugin
 * data is kept per plugin id with the plugin's schema version, so nothing of it is lost on the way.
 */
class PluginUpgradeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VERA = "vera@verify-agency.test";
  /** The schema version the built plugin writes (its CcDataCodec.SCHEMA_VERSION). */
  private static final int SCHEMA = 2;

  @TempDir Path temp;
  private Path plugins;
  private Path dataDir;
  private Path fixture;

  @BeforeEach
  void folders() throws IOException {
    plugins = Files.createDirectories(temp.resolve("plugins"));
    dataDir = temp.resolve("data");
    fixture = Build.home().resolve("fixtures").resolve("demo.json");
    Files.copy(Build.pluginJar(), plugins.resolve("secondary-contacts.jar"));
  }

  private DeskNode start() {
    return DeskNode.start("--plugins", plugins.toString(), "--fixture", fixture.toString(),
        "--data-dir", dataDir.toString());
  }

  /** What the tests compare before and after: every ticket's CCs, HR's settings, Vera's access. */
  private record World(Map<String, List<String>> cc, JsonNode hrSettings, int veraOnRestricted, List<String> ids) {}

  private static World world(DeskNode node, String hr, String restricted) {
    Map<String, List<String>> cc = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    node.tickets().forEach(t -> {
      ids.add(t.path("id").asText());
      cc.put(t.path("id").asText(), DeskNode.ccEmails(t));
    });
    return new World(cc, node.settings(hr),
        node.api.get("/api/v1/tickets/" + restricted, Demo.AGENCY).status(), ids);
  }

  /** Tickets with CCs, a restriction and changed settings, all written by the released plugin. */
  private static String[] drive(DeskNode node) {
    JsonNode ids = node.ids();
    String hr = ids.path("hr").asText();
    String onboarding = ids.path("onboarding").asText();
    for (int i = 0; i < 3; i++) {
      Api.Reply created = node.api.post("/api/v1/tickets", Demo.ADMIN, Map.of("departmentId", hr,
          "subject", "upgrade " + i, "description", "d", "requester", Map.of("email", "req" + i + "@example.com"),
          "fields", Map.of("cc", List.of("a" + i + "@example.com", "B" + i + " <b" + i + "@example.com>"))));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
    assertThat(node.api.post("/api/v1/tickets/" + onboarding + "/restrictions", Demo.ADMIN, Map.of("email", VERA))
        .status()).isBetween(200, 204);
    Api.Reply settings = node.api.put("/api/v1/departments/" + hr + "/plugins/" + Demo.PLUGIN_ID + "/settings",
        Demo.ADMIN, Map.of("blockedDomains", List.of("blocked.test"), "autoAddRecipients", false));
    assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
    return new String[] {hr, onboarding};
  }

  @Test
  void a_newer_release_of_the_plugin_finds_every_cc_restriction_and_setting() throws Exception {
    World before;
    String hr;
    String onboarding;
    try (DeskNode first = start()) {
      String[] keys = drive(first);
      hr = keys[0];
      onboarding = keys[1];
      before = world(first, hr, onboarding);
      assertThat(first.terminate()).isIn(0, 143);
    }
    assertThat(before.cc().values().stream().mapToInt(List::size).sum()).isGreaterThanOrEqualTo(6);
    assertThat(before.veraOnRestricted()).isEqualTo(404);
    assertThat(storedSchemaVersions()).as("the plugin's data carries its schema version").containsOnly(SCHEMA);

    Files.delete(plugins.resolve("secondary-contacts.jar"));
    PluginJars.withVersion(Build.pluginJar(), "0.2.0", plugins.resolve("secondary-contacts-0.2.0.jar"));
    try (DeskNode upgraded = start()) {
      JsonNode listed = upgraded.api.get("/api/v1/plugins", Demo.ADMIN).json().path("plugins");
      assertThat(listed.findValuesAsText("version")).containsExactly("0.2.0");
      assertThat(listed.findValuesAsText("state")).containsExactly("STARTED");
      assertThat(world(upgraded, hr, onboarding)).isEqualTo(before);
      Api.Reply blocked = upgraded.api.post("/api/v1/tickets", Demo.ADMIN, Map.of("departmentId", hr,
          "subject", "blocked", "description", "d", "requester", Map.of("email", "r@example.com"),
          "fields", Map.of("cc", List.of("x@blocked.test"))));
      assertThat(blocked.status()).as("blockedDomains still applies").isEqualTo(422);
      assertThat(upgraded.terminate()).isIn(0, 143);
    }

    // data a newer plugin wrote (a later schema version, with members this release does not know)
    // is still read by this release, as CcDataCodec promises
    rewriteAsNewerSchema();
    try (DeskNode again = start()) {
      assertThat(world(again, hr, onboarding)).isEqualTo(before);
      String ticket = before.ids().get(before.ids().size() - 1);
      Api.Reply patched = again.api.call("PATCH", "/api/v1/tickets/" + ticket, Demo.ADMIN,
          Map.of("fields", Map.of("cc", List.of("later@example.com"))));
      assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
      assertThat(DeskNode.ccEmails(patched.json())).containsExactly("later@example.com");
    }
  }

  @Test
  void without_the_plugin_the_desk_is_plain_and_keeps_every_ticket_and_the_cc_data_comes_back_with_it()
      throws Exception {
    World before;
    String hr;
    String onboarding;
    try (DeskNode first = start()) {
      String[] keys = drive(first);
      hr = keys[0];
      onboarding = keys[1];
      before = world(first, hr, onboarding);
      assertThat(first.terminate()).isIn(0, 143);
    }
    Path jar = plugins.resolve("secondary-contacts.jar");
    Path aside = Files.move(jar, temp.resolve("aside.jar"));
    try (DeskNode plain = start()) {
      assertThat(plain.api.get("/api/v1/plugins", Demo.ADMIN).json().path("plugins").size()).isZero();
      JsonNode tickets = plain.tickets();
      List<String> ids = new ArrayList<>();
      tickets.forEach(t -> {
        ids.add(t.path("id").asText());
        assertThat(t.path("fields").has("cc")).as("no cc field without the plugin: %s", t).isFalse();
      });
      assertThat(ids).containsExactlyElementsOf(before.ids());
      Api.Reply reply = plain.api.post("/api/v1/tickets/" + ids.get(ids.size() - 1) + "/replies", Demo.ADMIN,
          Map.of("content", "answered while the plugin was away"));
      assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
      assertThat(plain.terminate()).isIn(0, 143);
    }
    Files.move(aside, jar);
    try (DeskNode back = start()) {
      assertThat(world(back, hr, onboarding)).isEqualTo(before);
    }
  }

  @Test
  void a_release_with_a_new_data_format_migrates_what_the_old_one_wrote() throws Exception {
    Path next = CcPluginRelease.next(temp);
    World before;
    String hr;
    String onboarding;
    String formerTicket;
    try (DeskNode first = start()) {
      String[] keys = drive(first);
      hr = keys[0];
      onboarding = keys[1];
      // Vera becomes a former CC of a new ticket: she keeps seeing it only through formerCc
      Api.Reply created = first.api.post("/api/v1/tickets", Demo.ADMIN, Map.of("departmentId", hr,
          "subject", "former", "description", "d", "requester", Map.of("email", "req@example.com"),
          "fields", Map.of("cc", List.of(VERA))));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      formerTicket = created.json().path("id").asText();
      assertThat(first.api.call("PATCH", "/api/v1/tickets/" + formerTicket, Demo.ADMIN,
          Map.of("fields", Map.of("cc", List.of()))).status()).isEqualTo(200);
      assertThat(first.api.get("/api/v1/tickets/" + formerTicket, Demo.AGENCY).status()).isEqualTo(200);
      before = world(first, hr, onboarding);
      assertThat(first.terminate()).isIn(0, 143);
    }
    assertThat(storedSchemaVersions()).containsOnly(SCHEMA);

    Files.delete(plugins.resolve("secondary-contacts.jar"));
    Files.copy(next, plugins.resolve(next.getFileName()));
    try (DeskNode upgraded = start()) {
      JsonNode listed = upgraded.api.get("/api/v1/plugins", Demo.ADMIN).json().path("plugins");
      assertThat(listed.findValuesAsText("version")).containsExactly(CcPluginRelease.NEXT_VERSION);
      assertThat(world(upgraded, hr, onboarding)).as("v2 data read through the v3 migration").isEqualTo(before);
      assertThat(upgraded.api.get("/api/v1/tickets/" + formerTicket, Demo.AGENCY).status())
          .as("a former CC recorded in v2 keeps help-center access under v3").isEqualTo(200);
      // the next write stores the v3 format
      Api.Reply touched = upgraded.api.call("PATCH", "/api/v1/tickets/" + formerTicket, Demo.ADMIN,
          Map.of("fields", Map.of("cc", List.of("new@example.com"))));
      assertThat(touched.status()).as(touched.toString()).isEqualTo(200);
      assertThat(upgraded.api.get("/api/v1/tickets/" + formerTicket, Demo.AGENCY).status()).isEqualTo(200);
      assertThat(upgraded.terminate()).isIn(0, 143);
    }
    JsonNode stored = storedTicketData(formerTicket);
    assertThat(stored.path("schemaVersion").asInt()).isEqualTo(SCHEMA + 1);
    assertThat(stored.path("body").path("pastCc").asText()).as(stored.toString()).isNotEmpty();
    assertThat(stored.path("body").has("formerCc")).isFalse();
    assertThat(storedSchemaVersions()).contains(SCHEMA, SCHEMA + 1);
  }

  @Test
  void data_the_first_release_wrote_is_read_by_this_one_and_written_back_in_the_new_format() throws Exception {
    Files.delete(plugins.resolve("secondary-contacts.jar"));
    Path first = CcPluginRelease.first(temp);
    Files.copy(first, plugins.resolve(first.getFileName()));
    World before;
    String hr;
    String onboarding;
    String formerTicket;
    try (DeskNode old = start()) {
      JsonNode listed = old.api.get("/api/v1/plugins", Demo.ADMIN).json().path("plugins");
      assertThat(listed.findValuesAsText("version")).containsExactly(CcPluginRelease.FIRST_VERSION);
      String[] keys = drive(old);
      hr = keys[0];
      onboarding = keys[1];
      Api.Reply created = old.api.post("/api/v1/tickets", Demo.ADMIN, Map.of("departmentId", hr,
          "subject", "former", "description", "d", "requester", Map.of("email", "req@example.com"),
          "fields", Map.of("cc", List.of(VERA, "Kept One <kept@example.com>"))));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      formerTicket = created.json().path("id").asText();
      assertThat(old.api.call("PATCH", "/api/v1/tickets/" + formerTicket, Demo.ADMIN,
          Map.of("fields", Map.of("cc", List.of("kept@example.com")))).status()).isEqualTo(200);
      before = world(old, hr, onboarding);
      assertThat(old.terminate()).isIn(0, 143);
    }
    assertThat(storedSchemaVersions()).containsOnly(1);
    JsonNode v1 = storedTicketData(formerTicket).path("body");
    assertThat(v1.path("cc").get(0).path("email").asText()).as("real v1 data: %s", v1).isEqualTo("kept@example.com");
    assertThat(v1.path("everCc").size()).as("real v1 data: %s", v1).isEqualTo(2);

    Files.delete(plugins.resolve(first.getFileName()));
    Files.copy(Build.pluginJar(), plugins.resolve("secondary-contacts.jar"));
    try (DeskNode upgraded = start()) {
      assertThat(world(upgraded, hr, onboarding)).as("v1 data read through the v2 migration").isEqualTo(before);
      JsonNode cc = upgraded.api.get("/api/v1/tickets/" + formerTicket, Demo.ADMIN).json().path("fields").path("cc");
      assertThat(cc.get(0).path("name").asText()).as("the name comes from the contact: %s", cc).isEqualTo("Kept One");
      assertThat(upgraded.api.get("/api/v1/tickets/" + formerTicket, Demo.AGENCY).status())
          .as("a former CC recorded in v1 keeps help-center access").isEqualTo(200);
      Api.Reply touched = upgraded.api.call("PATCH", "/api/v1/tickets/" + formerTicket, Demo.ADMIN,
          Map.of("fields", Map.of("cc", List.of("kept@example.com", "new@example.com"))));
      assertThat(touched.status()).as(touched.toString()).isEqualTo(200);
      assertThat(DeskNode.ccEmails(touched.json())).containsExactly("kept@example.com", "new@example.com");
      assertThat(upgraded.api.get("/api/v1/tickets/" + formerTicket, Demo.AGENCY).status()).isEqualTo(200);
      assertThat(upgraded.terminate()).isIn(0, 143);
    }
    JsonNode stored = storedTicketData(formerTicket);
    assertThat(stored.path("schemaVersion").asInt()).isEqualTo(SCHEMA);
    assertThat(stored.path("body").has("everCc")).isFalse();
    assertThat(stored.path("body").toString()).as("the address is the contact's, not stored").doesNotContain("@");
    assertThat(storedSchemaVersions()).contains(1, SCHEMA);
  }

  private JsonNode storedTicketData(String ticketId) throws Exception {
    try (Connection c = h2(); PreparedStatement ps = c.prepareStatement(
        "SELECT schema_version, body FROM plugin_data WHERE plugin_id = ? AND scope = 'TICKET' AND id = ?")) {
      ps.setString(1, Demo.PLUGIN_ID);
      ps.setString(2, ticketId);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        ObjectNode row = JSON.createObjectNode();
        row.put("schemaVersion", rs.getInt(1));
        row.set("body", JSON.readTree(rs.getString(2)));
        return row;
      }
    }
  }

  private List<Integer> storedSchemaVersions() throws SQLException {
    List<Integer> versions = new ArrayList<>();
    try (Connection c = h2(); PreparedStatement ps = c.prepareStatement(
        "SELECT schema_version FROM plugin_data WHERE plugin_id = ?")) {
      ps.setString(1, Demo.PLUGIN_ID);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          versions.add(rs.getInt(1));
        }
      }
    }
    return versions;
  }

  private void rewriteAsNewerSchema() throws Exception {
    try (Connection c = h2()) {
      List<String[]> rows = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT scope, id, body FROM plugin_data WHERE plugin_id = ? AND scope = 'TICKET'")) {
        ps.setString(1, Demo.PLUGIN_ID);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
          }
        }
      }
      assertThat(rows).isNotEmpty();
      for (String[] row : rows) {
        ObjectNode body = (ObjectNode) JSON.readTree(row[2]);
        body.putObject("newerOnly").put("note", "written by a newer plugin");
        try (PreparedStatement ps = c.prepareStatement(
            "UPDATE plugin_data SET schema_version = " + (SCHEMA + 1) + ", body = ? WHERE plugin_id = ? AND scope = ? AND id = ?")) {
          ps.setString(1, JSON.writeValueAsString(body));
          ps.setString(2, Demo.PLUGIN_ID);
          ps.setString(3, row[0]);
          ps.setString(4, row[1]);
          assertThat(ps.executeUpdate()).isEqualTo(1);
        }
      }
    }
  }

  private Connection h2() throws SQLException {
    return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("deskcc"), "sa", "");
  }

}
