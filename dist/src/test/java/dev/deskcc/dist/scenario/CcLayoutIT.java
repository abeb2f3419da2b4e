package dev.deskcc.dist.scenario;

import static dev.deskcc.dist.scenario.DeskApi.ADMIN;
import static dev.deskcc.dist.scenario.DeskApi.AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract §4/§5, layout: the cc field is locked while CC is on, absent while it is off. */
class CcLayoutIT extends ScenarioTest {

    private JsonNode ccField(JsonNode layout) {
        for (JsonNode f : layout.path("fields")) {
            if ("cc".equals(f.path("name").asText())) {
                return f;
            }
        }
        return null;
    }

    private Answer putLayout(List<String> names, String token) {
        return desk.http().put(desk.layoutPath("hr"), Map.of("fields", names), token);
    }

    @Test
    void the_layout_has_no_cc_field_before_cc_is_enabled() {
        assertThat(DeskApi.fieldNames(desk.layout("hr"))).isNotEmpty().doesNotContain("cc");
    }

    @Test
    void an_enabled_department_has_the_locked_cc_field_of_the_plugin() {
        desk.enable("hr");
        JsonNode cc = ccField(desk.layout("hr"));
        assertThat(cc).as("layout: %s", desk.layout("hr")).isNotNull();
        assertThat(cc.path("locked").asBoolean()).as("%s", cc).isTrue();
        assertThat(cc.path("plugin").asText()).as("%s", cc).isEqualTo(DeskApi.PLUGIN);
        assertThat(cc.path("label").asText()).as("%s", cc).isNotBlank();
        assertThat(DeskApi.fieldNames(desk.layout("legal"))).as("other department untouched").doesNotContain("cc");
    }

    @Test
    void dropping_the_cc_field_is_refused_as_locked_and_changes_nothing() {
        desk.enable("hr");
        List<String> before = DeskApi.fieldNames(desk.layout("hr"));
        List<String> without = new ArrayList<>(before);
        without.remove("cc");
        Answer answer = putLayout(without, ADMIN);
        assertThat(answer.status()).as("%s", answer).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("FIELD_LOCKED");
        assertThat(DeskApi.fieldNames(desk.layout("hr"))).isEqualTo(before);
    }

    @Test
    void reordering_the_layout_with_cc_first_is_allowed() {
        desk.enable("hr");
        List<String> reordered = new ArrayList<>(DeskApi.fieldNames(desk.layout("hr")));
        reordered.remove("cc");
        reordered.add(0, "cc");
        Answer answer = putLayout(reordered, ADMIN);
        assertThat(answer.ok()).as("%s", answer).isTrue();
        assertThat(DeskApi.fieldNames(desk.layout("hr"))).isEqualTo(reordered);
        assertThat(ccField(desk.layout("hr")).path("locked").asBoolean()).isTrue();
    }

    @Test
    void once_disabled_the_cc_field_is_simply_absent_and_the_layout_saves_without_it() {
        desk.enable("hr");
        desk.disable("hr");
        List<String> names = DeskApi.fieldNames(desk.layout("hr"));
        assertThat(names).isNotEmpty().doesNotContain("cc");
        List<String> reversed = new ArrayList<>(names);
        java.util.Collections.reverse(reversed);
        Answer answer = putLayout(reversed, ADMIN);
        assertThat(answer.ok()).as("layout without cc while disabled: %s", answer).isTrue();
        assertThat(DeskApi.fieldNames(desk.layout("hr"))).isEqualTo(reversed);
    }

    @Test
    void naming_cc_in_the_layout_while_disabled_is_an_unknown_field() {
        List<String> names = new ArrayList<>(DeskApi.fieldNames(desk.layout("hr")));
        names.add("cc");
        Answer answer = putLayout(names, ADMIN);
        assertThat(answer.status()).as("%s", answer).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("UNKNOWN_FIELD");
    }

    @Test
    void enabling_again_brings_the_locked_cc_field_back() {
        desk.enable("hr");
        desk.disable("hr");
        desk.enable("hr");
        JsonNode cc = ccField(desk.layout("hr"));
        assertThat(cc).isNotNull();
        assertThat(cc.path("locked").asBoolean()).isTrue();
    }

    @Test
    void an_unknown_field_name_is_refused() {
        desk.enable("hr");
        List<String> names = new ArrayList<>(DeskApi.fieldNames(desk.layout("hr")));
        names.add("shoe_size");
        Answer answer = putLayout(names, ADMIN);
        assertThat(answer.status()).as("%s", answer).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("UNKNOWN_FIELD");
    }

    @Test
    void only_an_admin_may_change_the_layout() {
        desk.enable("hr");
        List<String> names = new ArrayList<>(DeskApi.fieldNames(desk.layout("hr")));
        names.remove("cc");
        names.add(0, "cc");
        Answer answer = putLayout(names, AGENT);
        assertThat(answer.status()).as("%s", answer).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("FORBIDDEN");
    }
}
