package dev.deskcc.dist.scenario;

import static dev.deskcc.dist.scenario.DeskApi.AGENT;
import static dev.deskcc.dist.scenario.DeskApi.EMMA;
import static dev.deskcc.dist.scenario.DeskApi.EMMA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.MONA;
import static dev.deskcc.dist.scenario.DeskApi.MONA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.VERA_MAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Contract §5, address rules, for every way an agent or a help-center user adds a CC. */
class CcAddressRulesIT extends ScenarioTest {

    private static List<String> many(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i + "@many.example.org").toList();
    }

    private void assertRejected(Answer answer, String value, String code) {
        assertThat(answer.status()).as("%s → %s", value, answer).isEqualTo(422);
        assertThat(answer.code()).as("%s", value).isEqualTo("CC_REJECTED");
        assertThat(answer.errors()).as("%s", value).extracting(Answer.ErrorRow::value, Answer.ErrorRow::code)
                .containsExactly(tuple(value, code));
    }

    // ------------------------------------------------------------------ accepted forms

    @Test
    void addresses_compare_without_case_and_a_repeat_is_dropped_silently() {
        desk.enable("hr");
        JsonNode t = desk.ticketWithCc("hr", "Mona Manager <MONA@example.com>", MONA_MAIL, "mona@EXAMPLE.COM",
                VERA_MAIL, "VERA@verify-agency.test");
        assertThat(Views.ccEmails(t)).containsExactly(MONA_MAIL, VERA_MAIL);
    }

    @Test
    void a_repeat_of_a_cc_already_on_the_ticket_is_dropped_on_every_path() {
        desk.enable("hr", true, false);
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        assertThat(desk.reply(id, Map.of("content", "a", "cc", List.of("MONA@example.com")), AGENT).status()).isEqualTo(201);
        assertThat(desk.reply(id, Map.of("content", "b", "to", List.of(EMMA_MAIL, "Mona@Example.com")), AGENT).status()).isEqualTo(201);
        assertThat(desk.reply(id, Map.of("content", "c", "cc", List.of("mona@example.COM")), EMMA).status()).isEqualTo(201);
        assertThat(desk.patchCc(id, List.of("MONA@EXAMPLE.COM", "mona@example.com"), AGENT).ok()).isTrue();
        assertThat(Views.ccEmails(desk.ticket(id))).containsExactly(MONA_MAIL);
    }

    @Test
    void a_display_name_form_is_accepted_and_stored_by_its_address() {
        desk.enable("hr");
        JsonNode t = desk.ticketWithCc("hr", "\"Verify, Vera\" <vera@verify-agency.test>", "Mona Manager <mona@example.com>");
        assertThat(Views.ccEmails(t)).containsExactly(VERA_MAIL, MONA_MAIL);
        assertThat(Views.ccEntry(t, VERA_MAIL).orElseThrow().path("contactId").asText()).isEqualTo(desk.id("agency"));
    }

    @Test
    void an_existing_contact_can_be_added_by_contact_id() {
        desk.enable("hr");
        JsonNode t = desk.ticketWithCc("hr", Map.of("contactId", desk.id("mgr")));
        assertThat(Views.ccEmails(t)).containsExactly(MONA_MAIL);
        assertThat(Views.ccEntry(t, MONA_MAIL).orElseThrow().path("contactId").asText()).isEqualTo(desk.id("mgr"));
    }

    @Test
    void an_unknown_valid_address_becomes_an_active_contact() {
        desk.enable("hr");
        assertThat(desk.contacts("new.person@example.org")).isEmpty();
        JsonNode t = desk.ticketWithCc("hr", "New Person <New.Person@Example.org>");
        List<JsonNode> found = desk.contacts("NEW.PERSON@example.org");
        assertThat(found).as("contacts lookup ignores case").hasSize(1);
        assertThat(found.get(0).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(found.get(0).path("anonymous").asBoolean()).isFalse();
        assertThat(Views.ccEntry(t, "new.person@example.org").orElseThrow().path("contactId").asText())
                .isEqualTo(found.get(0).path("id").asText());
    }

    // ------------------------------------------------------------------ exclusions

    static Stream<Arguments> excluded() {
        return Stream.of(
                Arguments.of("junk@spam.test", "CONTACT_SPAM"),
                Arguments.of("JUNK@Spam.Test", "CONTACT_SPAM"),
                Arguments.of("gone@example.com", "CONTACT_DELETED"),
                Arguments.of("Gone <GONE@example.com>", "CONTACT_DELETED"),
                Arguments.of("onboarding@acme.test", "SUPPORT_ADDRESS"),
                Arguments.of("onboarding+x@acme.test", "SUPPORT_ADDRESS"),
                Arguments.of("IT@acme.test", "SUPPORT_ADDRESS"),
                Arguments.of("it+tag@acme.test", "SUPPORT_ADDRESS"),
                Arguments.of("Legal+Case-7@ACME.test", "SUPPORT_ADDRESS"),
                Arguments.of("noreply@acme.test", "FROM_ADDRESS"),
                Arguments.of("noreply+bounce@acme.test", "FROM_ADDRESS"),
                Arguments.of("it-noreply@acme.test", "FROM_ADDRESS"),
                Arguments.of("legal-noreply+x@acme.test", "FROM_ADDRESS"),
                Arguments.of("bert@acme.test", "AGENT_ADDRESS"),
                Arguments.of("Alice Admin <ALICE@acme.test>", "AGENT_ADDRESS"),
                Arguments.of("emma@example.com", "REQUESTER"),
                Arguments.of("Emma <EMMA@Example.com>", "REQUESTER"),
                Arguments.of("not-an-address", "INVALID_ADDRESS"),
                Arguments.of("mona@", "INVALID_ADDRESS"),
                Arguments.of("@example.com", "INVALID_ADDRESS"),
                Arguments.of("two words@example.com", "INVALID_ADDRESS"),
                Arguments.of("mona@example.com\r\nBcc: evil@attacker.test", "INVALID_ADDRESS"),
                Arguments.of("evil@attacker.test\nBcc: mona@example.com", "INVALID_ADDRESS"),
                Arguments.of("Mona <mona@example.com>\r\nX-Injected: 1", "INVALID_ADDRESS"),
                Arguments.of("mona@example.com\r", "INVALID_ADDRESS"),
                // v1.1: one canonical form, so every spelling meets the rules of the mailbox it names
                Arguments.of("\"bert\"@acme.test", "AGENT_ADDRESS"),
                Arguments.of("\"onboarding\"@acme.test", "SUPPORT_ADDRESS"),
                Arguments.of("\"onboarding+x\"@acme.test", "SUPPORT_ADDRESS"),
                Arguments.of("\"gone\"@example.com", "CONTACT_DELETED"),
                Arguments.of("\"emma\"@example.com", "REQUESTER"),
                Arguments.of("<@relay.test:bert@acme.test>", "INVALID_ADDRESS"),
                Arguments.of("mona@[127.0.0.1]", "INVALID_ADDRESS"),
                // look-alikes of desk and agent addresses (Cyrillic а, Greek ο, full-width ｂ)
                Arguments.of("\u0430lice@acme.test", "LOOKALIKE_ADDRESS"),
                Arguments.of("bert@\u0430cme.test", "LOOKALIKE_ADDRESS"),
                Arguments.of("n\u03bfreply@acme.test", "LOOKALIKE_ADDRESS"),
                Arguments.of("\uff42ert@acme.test", "LOOKALIKE_ADDRESS"));
    }

    @ParameterizedTest(name = "{0} is refused as {1}")
    @MethodSource("excluded")
    void an_excluded_address_is_refused_with_its_code_and_its_value_as_given(String value, String code) {
        desk.enable("hr");
        int before = desk.ticketsSeenBy(AGENT).size();
        assertRejected(desk.create("hr", List.of(value)), value, code);
        assertThat(desk.ticketsSeenBy(AGENT)).as("nothing created").hasSize(before);
    }

    @Test
    void an_anonymous_contact_is_refused_when_named_by_contact_id() {
        desk.enable("hr");
        Answer answer = desk.create("hr", List.of(Map.of("contactId", desk.id("visitor"))));
        assertThat(answer.status()).as("%s", answer).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("CC_REJECTED");
        assertThat(answer.errorCodes()).containsExactly("CONTACT_ANONYMOUS");
        assertThat(answer.errors().get(0).value()).contains(desk.id("visitor"));
    }

    @Test
    void a_blocked_domain_and_its_subdomains_are_refused_but_look_alike_domains_are_not() {
        desk.enable("hr");
        desk.blockDomains("hr", "blocked.test", "Verify-Agency.test");
        assertRejected(desk.create("hr", List.of("x@blocked.test")), "x@blocked.test", "BLOCKED_DOMAIN");
        assertRejected(desk.create("hr", List.of("x@mail.BLOCKED.test")), "x@mail.BLOCKED.test", "BLOCKED_DOMAIN");
        assertRejected(desk.create("hr", List.of("y@a.b.blocked.test")), "y@a.b.blocked.test", "BLOCKED_DOMAIN");
        assertRejected(desk.create("hr", List.of(VERA_MAIL)), VERA_MAIL, "BLOCKED_DOMAIN");
        JsonNode ok = desk.ticketWithCc("hr", "x@notblocked.test", "y@blocked.test.example.org");
        assertThat(Views.ccEmails(ok)).containsExactly("x@notblocked.test", "y@blocked.test.example.org");
    }

    @Test
    void a_blocked_domain_blocks_both_its_unicode_and_its_punycode_spelling() {
        desk.enable("hr");
        desk.blockDomains("hr", "b\u00fccher.example");
        assertRejected(desk.create("hr", List.of("a@b\u00fccher.example")), "a@b\u00fccher.example", "BLOCKED_DOMAIN");
        assertRejected(desk.create("hr", List.of("a@xn--bcher-kva.example")), "a@xn--bcher-kva.example", "BLOCKED_DOMAIN");
        desk.blockDomains("hr", "xn--bcher-kva.example");
        assertRejected(desk.create("hr", List.of("a@b\u00fccher.example")), "a@b\u00fccher.example", "BLOCKED_DOMAIN");
    }

    @Test
    void a_quoted_spelling_of_a_cc_is_the_same_cc_and_the_same_contact() {
        desk.enable("hr");
        JsonNode t = desk.ticketWithCc("hr", MONA_MAIL, "\"mona\"@example.com", "Mona <\"MONA\"@Example.com>");
        assertThat(Views.ccEmails(t)).containsExactly(MONA_MAIL);
        assertThat(desk.contacts("\"mona\"@example.com")).extracting(c -> c.path("email").asText())
                .containsExactly(MONA_MAIL);
        JsonNode u = desk.ticketWithCc("hr", "ann@b\u00fccher.example", "ann@xn--bcher-kva.example");
        assertThat(Views.ccEmails(u)).containsExactly("ann@b\u00fccher.example");
        assertThat(desk.contacts("ann@xn--bcher-kva.example")).hasSize(1);
    }

    @Test
    void a_contact_names_a_cc_by_address_only_and_learns_nobody_from_an_id() {
        desk.enable("hr", true, false);
        int before = desk.ticketsSeenBy(AGENT).size();
        Answer answer = desk.submit(MONA, "hr", List.of(Map.of("contactId", desk.id("agency"))));
        assertThat(answer.status()).as("%s", answer).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("CC_REJECTED");
        assertThat(answer.errorCodes()).containsExactly("INVALID_ADDRESS");
        assertThat(answer.raw()).doesNotContain(VERA_MAIL).doesNotContain("Vera");
        assertThat(desk.ticketsSeenBy(AGENT)).hasSize(before);
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        Answer reply = desk.reply(id, Map.of("content", "Adding", "cc", List.of(Map.of("contactId", desk.id("agency")))), EMMA);
        assertThat(reply.errorCodes()).as("%s", reply).containsExactly("INVALID_ADDRESS");
        assertThat(reply.raw()).doesNotContain(VERA_MAIL).doesNotContain("Vera");
        assertThat(Views.ccEmails(desk.ticket(id))).containsExactly(MONA_MAIL);
    }

    @Test
    void blocked_domains_are_per_department() {
        desk.enable("hr");
        desk.enable("legal");
        desk.blockDomains("legal", "verify-agency.test");
        assertThat(Views.ccEmails(desk.ticketWithCc("hr", VERA_MAIL))).containsExactly(VERA_MAIL);
        assertRejected(desk.create("legal", List.of(VERA_MAIL)), VERA_MAIL, "BLOCKED_DOMAIN");
    }

    // ------------------------------------------------------------------ all or nothing

    @Test
    void a_create_with_any_rejected_address_lists_every_one_as_given_and_changes_nothing() {
        desk.enable("hr");
        int before = desk.ticketsSeenBy(AGENT).size();
        List<String> cc = List.of("Fresh Face <fresh@example.org>", "JUNK@spam.test", "Gone <gone@example.com>",
                MONA_MAIL, "bert@acme.test", "nonsense");
        Answer answer = desk.create("hr", cc);
        assertThat(answer.status()).as("%s", answer).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("CC_REJECTED");
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.errors()).extracting(Answer.ErrorRow::value, Answer.ErrorRow::code)
                .containsExactlyInAnyOrder(
                        tuple("JUNK@spam.test", "CONTACT_SPAM"),
                        tuple("Gone <gone@example.com>", "CONTACT_DELETED"),
                        tuple("bert@acme.test", "AGENT_ADDRESS"),
                        tuple("nonsense", "INVALID_ADDRESS"));
        assertThat(desk.ticketsSeenBy(AGENT)).hasSize(before);
        assertThat(desk.contacts("fresh@example.org")).as("no contact made by a refused request").isEmpty();
    }

    @Test
    void ticket_details_with_any_rejected_address_change_nothing() {
        desk.enable("hr");
        JsonNode t = desk.ticketWithCc("hr", MONA_MAIL);
        String id = t.path("id").asText();
        Answer answer = desk.patchCc(id, List.of(MONA_MAIL, "fresh@example.org", "junk@spam.test", "noreply@acme.test"), AGENT);
        assertThat(answer.status()).as("%s", answer).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("CC_REJECTED");
        assertThat(answer.errors()).extracting(Answer.ErrorRow::value, Answer.ErrorRow::code)
                .containsExactlyInAnyOrder(tuple("junk@spam.test", "CONTACT_SPAM"), tuple("noreply@acme.test", "FROM_ADDRESS"));
        JsonNode after = desk.ticket(id);
        assertThat(Views.ccEmails(after)).containsExactly(MONA_MAIL);
        assertThat(after.path("version")).isEqualTo(t.path("version"));
        assertThat(desk.contacts("fresh@example.org")).isEmpty();
    }

    @Test
    void a_reply_with_any_rejected_cc_is_refused_whole_and_sends_nothing() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        int entries = desk.ticket(id).path("thread").size();
        long seq = desk.lastSeq();
        Answer answer = desk.reply(id, Map.of("content", "Hi", "cc", List.of(VERA_MAIL, "alice@acme.test")), AGENT);
        assertRejected(answer, "alice@acme.test", "AGENT_ADDRESS");
        JsonNode after = desk.ticket(id);
        assertThat(after.path("thread")).hasSize(entries);
        assertThat(Views.ccEmails(after)).containsExactly(MONA_MAIL);
        assertThat(desk.outbox(id, seq)).isEmpty();
    }

    @Test
    void a_reply_with_a_rejected_to_address_is_refused_whole() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr").path("id").asText();
        int entries = desk.ticket(id).path("thread").size();
        Answer answer = desk.reply(id, Map.of("content", "Hi", "to", List.of(EMMA_MAIL, VERA_MAIL, "onboarding+x@acme.test")), AGENT);
        assertRejected(answer, "onboarding+x@acme.test", "SUPPORT_ADDRESS");
        JsonNode after = desk.ticket(id);
        assertThat(after.path("thread")).hasSize(entries);
        assertThat(Views.ccEmails(after)).isEmpty();
    }

    @Test
    void a_help_center_submit_with_a_rejected_cc_creates_nothing() {
        desk.enable("hr", true, false);
        int before = desk.ticketsSeenBy(AGENT).size();
        Answer answer = desk.submit(MONA, "hr", List.of(VERA_MAIL, "Mona M <mona@example.com>"));
        assertRejected(answer, "Mona M <mona@example.com>", "REQUESTER");
        assertThat(desk.ticketsSeenBy(AGENT)).hasSize(before);
    }

    @Test
    void a_help_center_reply_with_a_rejected_cc_adds_nobody() {
        desk.enable("hr", true, false);
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        Answer answer = desk.reply(id, Map.of("content", "Adding people", "cc", List.of(VERA_MAIL, "gone@example.com")), EMMA);
        assertRejected(answer, "gone@example.com", "CONTACT_DELETED");
        assertThat(Views.ccEmails(desk.ticket(id))).containsExactly(MONA_MAIL);
    }

    // ------------------------------------------------------------------ the limit of 20

    @Test
    void twenty_ccs_are_fine_and_repeats_do_not_count() {
        desk.enable("hr");
        List<Object> cc = new ArrayList<>(many("p", 20));
        cc.add("P1@MANY.example.org");
        Answer answer = desk.create("hr", cc);
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(Views.ccEmails(answer.json())).hasSize(20).containsExactlyElementsOf(many("p", 20));
    }

    @Test
    void a_twenty_first_cc_on_create_exceeds_the_limit_and_creates_nothing() {
        desk.enable("hr");
        int before = desk.ticketsSeenBy(AGENT).size();
        Answer answer = desk.create("hr", many("p", 21));
        assertThat(answer.status()).as("%s", answer).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("CC_LIMIT_EXCEEDED");
        assertThat(desk.ticketsSeenBy(AGENT)).hasSize(before);
        assertThat(desk.contacts("p21@many.example.org")).isEmpty();
    }

    @Test
    void a_rejected_address_among_twenty_one_is_reported_as_rejected() {
        desk.enable("hr");
        List<String> cc = new ArrayList<>(many("p", 20));
        cc.add("junk@spam.test");
        assertRejected(desk.create("hr", cc), "junk@spam.test", "CONTACT_SPAM");
    }

    @Test
    void ticket_details_beyond_twenty_exceed_the_limit_and_change_nothing() {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", MONA_MAIL).path("id").asText();
        Answer answer = desk.patchCc(id, many("q", 21), AGENT);
        assertThat(answer.status()).as("%s", answer).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("CC_LIMIT_EXCEEDED");
        assertThat(Views.ccEmails(desk.ticket(id))).containsExactly(MONA_MAIL);
        assertThat(desk.patchCc(id, many("q", 20), AGENT).ok()).isTrue();
        assertThat(Views.ccEmails(desk.ticket(id))).hasSize(20);
    }

    @Test
    void a_reply_that_would_make_twenty_one_exceeds_the_limit_and_is_not_posted() {
        desk.enable("hr", true, false);
        String id = desk.ticketWithCc("hr", many("r", 20).toArray()).path("id").asText();
        int entries = desk.ticket(id).path("thread").size();
        Answer viaCc = desk.reply(id, Map.of("content", "one more", "cc", List.of(VERA_MAIL)), AGENT);
        assertThat(viaCc.status()).as("%s", viaCc).isEqualTo(422);
        assertThat(viaCc.code()).isEqualTo("CC_LIMIT_EXCEEDED");
        Answer viaTo = desk.reply(id, Map.of("content", "one more", "to", List.of(EMMA_MAIL, VERA_MAIL)), AGENT);
        assertThat(viaTo.status()).as("%s", viaTo).isEqualTo(422);
        assertThat(viaTo.code()).isEqualTo("CC_LIMIT_EXCEEDED");
        Answer viaHelpCenter = desk.reply(id, Map.of("content", "one more", "cc", List.of(VERA_MAIL)), EMMA);
        assertThat(viaHelpCenter.status()).as("%s", viaHelpCenter).isEqualTo(422);
        assertThat(viaHelpCenter.code()).isEqualTo("CC_LIMIT_EXCEEDED");
        JsonNode after = desk.ticket(id);
        assertThat(after.path("thread")).hasSize(entries);
        assertThat(Views.ccEmails(after)).hasSize(20).doesNotContain(VERA_MAIL);
        assertThat(desk.reply(id, Map.of("content", "same people", "cc", List.of("R1@many.example.org")), AGENT).status())
                .as("a reply within the limit is fine").isEqualTo(201);
    }
}
