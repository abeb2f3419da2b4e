package dev.deskcc.dist.scenario;

import static dev.deskcc.dist.scenario.DeskApi.AGENT;
import static dev.deskcc.dist.scenario.DeskApi.EMMA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.MONA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.OSCAR_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.VERA_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Contract §5, merge: which CC list the merged ticket keeps, the limit, the preview. */
class CcMergeIT extends ScenarioTest {

    private String ticket(Object... cc) {
        return desk.ticketWithCc("hr", cc).path("id").asText();
    }

    private static Object[] many(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i + "@merge.example.org").toArray();
    }

    private void assertMerged(String sourceId, String targetId) {
        JsonNode source = desk.ticket(sourceId);
        assertThat(source.path("status").asText()).isEqualTo("MERGED");
        assertThat(source.path("mergedInto").asText()).isEqualTo(targetId);
    }

    private void assertUntouched(String sourceId, String targetId, List<String> targetCc) {
        JsonNode source = desk.ticket(sourceId);
        assertThat(source.path("status").asText()).isEqualTo("OPEN");
        assertThat(source.path("mergedInto").isNull() || source.path("mergedInto").isMissingNode()).as("%s", source).isTrue();
        JsonNode target = desk.ticket(targetId);
        assertThat(target.path("status").asText()).isEqualTo("OPEN");
        assertThat(Views.ccEmails(target)).isEqualTo(targetCc);
    }

    private static void assertProvenance(JsonNode ticket, String email, String source, String byId) {
        JsonNode cc = Views.ccEntry(ticket, email).orElseThrow(() -> new AssertionError(email + " missing: " + ticket));
        assertThat(cc.path("source").asText()).as("%s", cc).isEqualTo(source);
        assertThat(cc.path("addedBy").path("id").asText()).as("%s", cc).isEqualTo(byId);
    }

    @Test
    void by_default_the_merged_ticket_keeps_the_targets_own_cc_list() {
        desk.enable("hr");
        String target = ticket(MONA_MAIL);
        String source = ticket(VERA_MAIL, OSCAR_MAIL);
        Answer answer = desk.merge(target, List.of(source), null, false);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().path("id").asText()).isEqualTo(target);
        assertThat(Views.ccEmails(answer.json())).containsExactly(MONA_MAIL);
        assertThat(Views.ccEmails(desk.ticket(target))).containsExactly(MONA_MAIL);
        assertProvenance(desk.ticket(target), MONA_MAIL, "AGENT", desk.id("bert"));
        assertMerged(source, target);
    }

    @Test
    void cc_from_a_source_takes_its_list_with_merge_provenance_for_newcomers() {
        desk.enable("hr");
        String target = ticket(MONA_MAIL, OSCAR_MAIL);
        String source = ticket(MONA_MAIL, VERA_MAIL);
        Answer answer = desk.merge(target, List.of(source), source, false);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        JsonNode merged = desk.ticket(target);
        assertThat(Views.ccEmails(merged)).containsExactlyInAnyOrder(MONA_MAIL, VERA_MAIL);
        assertProvenance(merged, MONA_MAIL, "AGENT", desk.id("bert"));
        assertProvenance(merged, VERA_MAIL, "MERGE", desk.id("alice"));
        assertThat(Views.ccEntry(merged, VERA_MAIL).orElseThrow().path("addedBy").path("type").asText()).isEqualTo("AGENT");
        assertMerged(source, target);
    }

    @Test
    void cc_from_all_keeps_the_union() {
        desk.enable("hr");
        String target = ticket(MONA_MAIL);
        String first = ticket(VERA_MAIL);
        String second = ticket(OSCAR_MAIL, "mona@EXAMPLE.com");
        Answer answer = desk.merge(target, List.of(first, second), "ALL", false);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        JsonNode merged = desk.ticket(target);
        assertThat(Views.ccEmails(merged)).containsExactlyInAnyOrder(MONA_MAIL, VERA_MAIL, OSCAR_MAIL);
        assertProvenance(merged, MONA_MAIL, "AGENT", desk.id("bert"));
        assertProvenance(merged, VERA_MAIL, "MERGE", desk.id("alice"));
        assertProvenance(merged, OSCAR_MAIL, "MERGE", desk.id("alice"));
        assertMerged(first, target);
        assertMerged(second, target);
    }

    @Test
    void cc_from_all_over_twenty_exceeds_the_limit_and_changes_nothing() {
        desk.enable("hr");
        String target = ticket(many("t", 15));
        String source = ticket(many("s", 6));
        List<String> before = Views.ccEmails(desk.ticket(target));
        long seq = desk.lastSeq();
        for (boolean dryRun : List.of(true, false)) {
            Answer answer = desk.merge(target, List.of(source), "ALL", dryRun);
            assertThat(answer.status()).as("dryRun=%s %s", dryRun, answer).isEqualTo(422);
            assertThat(answer.code()).isEqualTo("CC_LIMIT_EXCEEDED");
            assertUntouched(source, target, before);
        }
        assertThat(desk.outbox(target, seq)).isEmpty();
        assertThat(desk.outbox(source, seq)).isEmpty();
    }

    @Test
    void cc_from_all_at_exactly_twenty_is_fine() {
        desk.enable("hr");
        String target = ticket(many("t", 14));
        String source = ticket(many("s", 6));
        Answer answer = desk.merge(target, List.of(source), "ALL", false);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(Views.ccEmails(desk.ticket(target))).hasSize(20);
    }

    @Test
    void a_cc_source_that_is_not_among_the_merged_tickets_is_refused() {
        desk.enable("hr");
        String target = ticket(MONA_MAIL);
        String source = ticket(VERA_MAIL);
        String bystander = ticket(OSCAR_MAIL);
        for (String ccFrom : List.of(bystander, "no-such-ticket")) {
            Answer answer = desk.merge(target, List.of(source), ccFrom, false);
            assertThat(answer.status()).as("%s: %s", ccFrom, answer).isEqualTo(422);
            assertThat(answer.code()).isEqualTo("INVALID_CC_SOURCE");
            assertUntouched(source, target, List.of(MONA_MAIL));
        }
    }

    @Test
    void cc_from_the_target_itself_is_allowed() {
        desk.enable("hr");
        String target = ticket(MONA_MAIL);
        String source = ticket(VERA_MAIL);
        Answer answer = desk.merge(target, List.of(source), target, false);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(Views.ccEmails(desk.ticket(target))).containsExactly(MONA_MAIL);
    }

    @Test
    void a_dry_run_answers_what_the_merge_will_answer_and_changes_nothing() {
        desk.enable("hr");
        String target = ticket(MONA_MAIL);
        String source = ticket(VERA_MAIL);
        JsonNode targetBefore = desk.ticket(target);
        long seq = desk.lastSeq();

        Answer preview = desk.merge(target, List.of(source), "ALL", true);
        assertThat(preview.status()).as("%s", preview).isEqualTo(200);
        assertThat(Views.ccEmails(preview.json())).containsExactlyInAnyOrder(MONA_MAIL, VERA_MAIL);
        assertUntouched(source, target, List.of(MONA_MAIL));
        assertThat(desk.ticket(target).path("version")).isEqualTo(targetBefore.path("version"));
        assertThat(desk.outbox(target, seq)).isEmpty();

        Answer real = desk.merge(target, List.of(source), "ALL", false);
        assertThat(real.status()).as("%s", real).isEqualTo(200);
        assertThat(Views.ccEmails(real.json())).isEqualTo(Views.ccEmails(preview.json()));
        for (String email : List.of(MONA_MAIL, VERA_MAIL)) {
            JsonNode p = Views.ccEntry(preview.json(), email).orElseThrow();
            JsonNode r = Views.ccEntry(real.json(), email).orElseThrow();
            assertThat(r.path("source")).isEqualTo(p.path("source"));
            assertThat(r.path("addedBy")).isEqualTo(p.path("addedBy"));
        }
        assertThat(real.json().path("status")).isEqualTo(preview.json().path("status"));
        assertThat(real.json().path("thread").size()).isEqualTo(preview.json().path("thread").size());
        assertMerged(source, target);
    }

    @Test
    void a_merge_never_makes_the_targets_requester_a_cc() {
        desk.enable("hr");
        String target = ticket(MONA_MAIL);
        Answer created = desk.http().post("/api/v1/tickets",
                DeskApi.ticketBody(desk.id("hr"), OSCAR_MAIL, List.of(EMMA_MAIL, VERA_MAIL)), AGENT);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String source = created.json().path("id").asText();
        Answer answer = desk.merge(target, List.of(source), "ALL", false);
        JsonNode merged = desk.ticket(target);
        assertThat(merged.path("requester").path("email").asText()).isEqualToIgnoringCase(EMMA_MAIL);
        assertThat(Views.ccEmails(merged)).as("merge answered %s", answer).doesNotContain(EMMA_MAIL);
    }
}
