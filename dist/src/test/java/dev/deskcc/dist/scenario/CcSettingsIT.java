package dev.deskcc.dist.scenario;

import static dev.deskcc.dist.scenario.DeskApi.ADMIN;
import static dev.deskcc.dist.scenario.DeskApi.AGENT;
import static dev.deskcc.dist.scenario.DeskApi.EMMA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract §5, settings: who may switch CC on, what it takes, what a PUT keeps. */
class CcSettingsIT extends ScenarioTest {

    @Test
    void cc_is_off_by_default_in_every_department() {
        for (String dept : List.of("hr", "it", "legal")) {
            JsonNode s = desk.settings(dept);
            assertThat(s.path("enabled").isBoolean() && !s.path("enabled").asBoolean()).as("%s: %s", dept, s).isTrue();
            assertThat(s.path("endUsersCanAdd").asBoolean(true)).as("%s: %s", dept, s).isFalse();
            assertThat(s.path("autoAddRecipients").asBoolean(true)).as("%s: %s", dept, s).isFalse();
            assertThat(s.path("blockedDomains").isArray() && s.path("blockedDomains").isEmpty()).as("%s: %s", dept, s).isTrue();
        }
    }

    @Test
    void enabling_without_acknowledgement_is_refused_and_changes_nothing() {
        Answer answer = desk.putSettings("hr", Map.of("enabled", true), ADMIN);
        assertThat(answer.status()).as("%s", answer).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("ACKNOWLEDGEMENT_REQUIRED");
        assertThat(desk.settings("hr").path("enabled").asBoolean()).isFalse();

        answer = desk.putSettings("hr", Map.of("enabled", true, "acknowledged", false), ADMIN);
        assertThat(answer.status()).as("acknowledged false: %s", answer).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("ACKNOWLEDGEMENT_REQUIRED");
        assertThat(desk.settings("hr").path("enabled").asBoolean()).isFalse();
    }

    @Test
    void enabling_with_acknowledgement_switches_cc_on_and_answers_the_settings() {
        Answer answer = desk.putSettings("hr", Map.of("enabled", true, "acknowledged", true), ADMIN);
        assertThat(answer.ok()).as("%s", answer).isTrue();
        assertThat(answer.json().path("enabled").asBoolean()).as("answer is the settings as they now are: %s", answer).isTrue();
        assertThat(desk.settings("hr").path("enabled").asBoolean()).isTrue();
    }

    @Test
    void acknowledgement_is_needed_again_every_time_cc_is_switched_back_on() {
        desk.enable("hr");
        desk.disable("hr");
        Answer again = desk.putSettings("hr", Map.of("enabled", true), ADMIN);
        assertThat(again.status()).as("second off→on without acknowledgement: %s", again).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ACKNOWLEDGEMENT_REQUIRED");
        assertThat(desk.settings("hr").path("enabled").asBoolean()).isFalse();
        desk.enable("hr");
        assertThat(desk.settings("hr").path("enabled").asBoolean()).isTrue();
    }

    @Test
    void changing_options_while_already_enabled_needs_no_acknowledgement() {
        desk.enable("hr");
        Answer answer = desk.putSettings("hr", Map.of("enabled", true, "autoAddRecipients", true), ADMIN);
        assertThat(answer.ok()).as("on→on is not a switch-on: %s", answer).isTrue();
        assertThat(desk.settings("hr").path("autoAddRecipients").asBoolean()).isTrue();
    }

    @Test
    void an_agent_without_administrative_privilege_may_read_but_not_change_settings() {
        Answer answer = desk.putSettings("hr", Map.of("enabled", true, "acknowledged", true), AGENT);
        assertThat(answer.status()).as("%s", answer).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("FORBIDDEN");
        assertThat(desk.settings("hr").path("enabled").asBoolean()).isFalse();
    }

    @Test
    void a_contact_may_neither_read_nor_change_settings() {
        assertThat(desk.http().get(desk.settingsPath("hr"), EMMA).status()).isEqualTo(403);
        Answer answer = desk.putSettings("hr", Map.of("enabled", true, "acknowledged", true), EMMA);
        assertThat(answer.status()).as("%s", answer).isEqualTo(403);
        assertThat(desk.settings("hr").path("enabled").asBoolean()).isFalse();
    }

    @Test
    void settings_without_a_token_are_unauthenticated() {
        Answer answer = desk.http().put(desk.settingsPath("hr"), Map.of("enabled", true, "acknowledged", true), null);
        assertThat(answer.status()).as("%s", answer).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void the_standard_edition_cannot_enable_cc() {
        desk.reset("STANDARD");
        Answer answer = desk.putSettings("hr", Map.of("enabled", true, "acknowledged", true), ADMIN);
        assertThat(answer.status()).as("%s", answer).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("EDITION_NOT_SUPPORTED");
        assertThat(desk.settings("hr").path("enabled").asBoolean()).isFalse();
    }

    @Test
    void the_enterprise_edition_can_enable_cc() {
        desk.reset("ENTERPRISE");
        desk.enable("hr");
        assertThat(desk.settings("hr").path("enabled").asBoolean()).isTrue();
    }

    @Test
    void end_users_can_add_needs_a_help_center_and_a_refused_put_changes_nothing() {
        Answer answer = desk.putSettings("it", Map.of("enabled", true, "acknowledged", true, "endUsersCanAdd", true), ADMIN);
        assertThat(answer.status()).as("%s", answer).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("HELP_CENTER_REQUIRED");
        JsonNode s = desk.settings("it");
        assertThat(s.path("enabled").asBoolean()).as("nothing changed: %s", s).isFalse();
        assertThat(s.path("endUsersCanAdd").asBoolean()).isFalse();

        desk.enable("it");
        answer = desk.putSettings("it", Map.of("endUsersCanAdd", true), ADMIN);
        assertThat(answer.status()).as("%s", answer).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("HELP_CENTER_REQUIRED");
        assertThat(desk.settings("it").path("endUsersCanAdd").asBoolean()).isFalse();
    }

    @Test
    void end_users_can_add_is_accepted_where_there_is_a_help_center() {
        desk.enable("hr", true, false);
        assertThat(desk.settings("hr").path("endUsersCanAdd").asBoolean()).isTrue();
    }

    @Test
    void a_wrong_type_is_a_bad_request_and_changes_nothing() {
        desk.enable("hr");
        List<Map<String, Object>> bodies = List.of(
                Map.of("enabled", "no"),
                Map.of("autoAddRecipients", "yes"),
                Map.of("endUsersCanAdd", 1),
                Map.of("blockedDomains", "spam.test"),
                Map.of("blockedDomains", List.of(7)),
                Map.of("autoAddRecipients", true, "blockedDomains", "spam.test"));
        for (Map<String, Object> body : bodies) {
            Answer answer = desk.putSettings("hr", body, ADMIN);
            assertThat(answer.status()).as("%s: %s", body, answer).isEqualTo(400);
            assertThat(answer.code()).as("%s", body).isEqualTo("BAD_REQUEST");
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        JsonNode s = desk.settings("hr");
        assertThat(s.path("enabled").asBoolean()).as("%s", s).isTrue();
        assertThat(s.path("autoAddRecipients").asBoolean()).as("%s", s).isFalse();
        assertThat(s.path("blockedDomains")).as("%s", s).isEmpty();
    }

    @Test
    void malformed_json_is_a_bad_request_and_changes_nothing() {
        Answer answer = desk.http().putRaw(desk.settingsPath("hr"), "{\"enabled\": true, \"acknowledged\": tru", ADMIN);
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("BAD_REQUEST");
        assertThat(desk.settings("hr").path("enabled").asBoolean()).isFalse();
    }

    @Test
    void a_put_keeps_the_fields_it_leaves_out() {
        Answer first = desk.putSettings("hr", Map.of("enabled", true, "acknowledged", true, "endUsersCanAdd", true,
                "autoAddRecipients", true, "blockedDomains", List.of("rival.test")), ADMIN);
        assertThat(first.ok()).as("%s", first).isTrue();

        Answer answer = desk.putSettings("hr", Map.of("autoAddRecipients", false), ADMIN);
        assertThat(answer.ok()).as("%s", answer).isTrue();
        for (JsonNode s : List.of(answer.json(), desk.settings("hr"))) {
            assertThat(s.path("enabled").asBoolean()).as("%s", s).isTrue();
            assertThat(s.path("endUsersCanAdd").asBoolean()).as("%s", s).isTrue();
            assertThat(s.path("autoAddRecipients").asBoolean()).as("%s", s).isFalse();
            assertThat(s.path("blockedDomains").toString()).as("%s", s).contains("rival.test");
        }
    }

    @Test
    void settings_are_per_department() {
        desk.enable("hr", true, true);
        JsonNode legal = desk.settings("legal");
        assertThat(legal.path("enabled").asBoolean()).as("%s", legal).isFalse();
        assertThat(legal.path("autoAddRecipients").asBoolean()).isFalse();
        assertThat(desk.create("legal", List.of(DeskApi.MONA_MAIL)).code())
                .as("CC sent to a department where it is off").isEqualTo("UNKNOWN_FIELD");
    }

    @Test
    void settings_of_an_unknown_plugin_are_not_found() {
        Answer answer = desk.http().get("/api/v1/departments/" + desk.id("hr") + "/plugins/no-such-plugin/settings", AGENT);
        assertThat(answer.status()).as("%s", answer).isEqualTo(404);
    }

    @Test
    void the_plugin_is_listed_as_loaded() {
        Answer answer = desk.http().get("/api/v1/plugins", ADMIN);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().path("plugins").findValuesAsText("id")).contains(DeskApi.PLUGIN);
    }

    @Test
    void an_agent_reads_configuration_only_of_departments_they_work_in() throws Exception {
        // the standard world, plus Dora, an agent of HR only
        com.fasterxml.jackson.databind.node.ObjectNode world =
                (com.fasterxml.jackson.databind.node.ObjectNode) Http.JSON.readTree(DeskApi.standardWorld("PROFESSIONAL"));
        world.withArray("agents").addObject().put("key", "dora").put("name", "Dora HR").put("email", "dora@acme.test")
                .put("admin", false).put("token", "tok-dora").putArray("departments").add("hr");
        Answer loaded = desk.http().postRaw("/sim/fixtures", Http.JSON.writeValueAsBytes(world), "application/json", null);
        assertThat(loaded.status()).as("%s", loaded).isEqualTo(200);
        String hr = loaded.json().path("ids").path("hr").asText();
        String it = loaded.json().path("ids").path("it").asText();
        for (String path : List.of("/plugins/secondary-contacts/settings", "/layout", "/plugins")) {
            Answer own = desk.http().get("/api/v1/departments/" + hr + path, "tok-dora");
            assertThat(own.status()).as("%s %s", path, own).isEqualTo(200);
            Answer other = desk.http().get("/api/v1/departments/" + it + path, "tok-dora");
            assertThat(other.status()).as("%s %s", path, other).isEqualTo(404);
            assertThat(other.code()).isEqualTo("NOT_FOUND");
            assertThat(desk.http().get("/api/v1/departments/" + it + path, ADMIN).status()).as("admins read all").isEqualTo(200);
        }
    }
}
