package dev.deskcc.dist.scenario;

import static dev.deskcc.dist.scenario.DeskApi.AGENT;
import static dev.deskcc.dist.scenario.DeskApi.EMMA;
import static dev.deskcc.dist.scenario.DeskApi.EMMA_MAIL;
import static dev.deskcc.dist.scenario.DeskApi.MONA_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Real threads adding CCs to one ticket at once through every path: no acknowledged addition
 * is lost, and the ticket never holds more than 20, whatever the interleaving.
 */
class ConcurrentCcChangesIT extends ScenarioTest {

    private static final int THREADS = 8;

    /** What the threads saw: acknowledged additions, refused ones, and broken invariants. */
    private record Outcome(Queue<String> added, Queue<String> refused, Queue<String> mailed, Queue<String> violations) {
        Outcome() {
            this(new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>(),
                    new ConcurrentLinkedQueue<>());
        }
    }

    private static String address(int thread, int step) {
        return "w" + thread + "-" + step + "@conc.example.org";
    }

    private void observe(String id, Outcome outcome, String after) {
        Answer t = desk.ticketAs(id, AGENT);
        if (t.status() != 200) {
            outcome.violations().add(after + ": ticket read " + t);
            return;
        }
        List<String> cc = Views.ccEmails(t.json());
        if (cc.size() > 20) {
            outcome.violations().add(after + ": " + cc.size() + " CCs");
        }
        if (new HashSet<>(cc).size() != cc.size()) {
            outcome.violations().add(after + ": duplicate CCs " + cc);
        }
    }

    /** Read-modify-write of the ticket-details list, guarded by If-Match; retried on a stale version. */
    private Answer patchAdding(String id, List<String> more) {
        Answer last = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            JsonNode t = desk.ticket(id);
            List<String> cc = new ArrayList<>(Views.ccEmails(t));
            cc.addAll(more);
            last = desk.http().patch("/api/v1/tickets/" + id, Map.of("fields", Map.of("cc", cc)), AGENT,
                    Map.of("If-Match", "\"" + t.path("version").asLong() + "\""));
            if (last.status() != 412) {
                return last;
            }
        }
        return last;
    }

    private Answer mailAdding(int number, List<String> more) {
        return desk.inbound(Mail.from(EMMA_MAIL).to("onboarding@acme.test").cc(more.toArray(String[]::new))
                .subject("Re: [#" + number + "] Background check").bytes());
    }

    private void runAll(List<Runnable> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        CyclicBarrier start = new CyclicBarrier(work.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable r : work) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    r.run();
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void record(Answer answer, List<String> addresses, Outcome outcome, String what) {
        if (answer.ok()) {
            outcome.added().addAll(addresses);
        } else if (answer.status() == 422 && "CC_LIMIT_EXCEEDED".equals(answer.code())) {
            outcome.refused().addAll(addresses);
        } else {
            outcome.violations().add(what + " " + addresses + ": " + answer);
        }
    }

    private Runnable worker(int thread, String id, int number, int steps, int perStep, Outcome outcome) {
        return () -> {
            for (int step = 0; step < steps; step++) {
                List<String> addrs = new ArrayList<>();
                for (int k = 0; k < perStep; k++) {
                    addrs.add(address(thread, step * perStep + k));
                }
                String what;
                Answer answer;
                switch (thread % 4) {
                    case 0 -> {
                        what = "agent reply";
                        answer = desk.reply(id, Map.of("content", "reply " + thread + "/" + step, "cc", addrs), AGENT);
                    }
                    case 1 -> {
                        what = "ticket details";
                        answer = patchAdding(id, addrs);
                    }
                    case 2 -> {
                        what = "help-center reply";
                        answer = desk.reply(id, Map.of("content", "hc " + thread + "/" + step, "cc", addrs), EMMA);
                    }
                    default -> {
                        what = "mail";
                        answer = mailAdding(number, addrs);
                        if (answer.status() == 202 && id.equals(answer.json().path("ticketId").asText())) {
                            outcome.mailed().addAll(addrs);
                        } else {
                            outcome.violations().add("mail " + addrs + ": " + answer);
                        }
                        observe(id, outcome, what + " " + addrs);
                        continue;
                    }
                }
                record(answer, addrs, outcome, what);
                observe(id, outcome, what + " " + addrs);
            }
        };
    }

    @Test
    void concurrent_additions_through_every_path_are_all_kept() throws Exception {
        desk.enable("hr", true, true);
        JsonNode t = desk.ticketWithCc("hr", MONA_MAIL);
        String id = t.path("id").asText();
        int number = t.path("number").asInt();
        Outcome outcome = new Outcome();

        runAll(IntStream.range(0, THREADS).mapToObj(i -> worker(i, id, number, 2, 1, outcome)).toList());

        assertThat(outcome.violations()).isEmpty();
        assertThat(outcome.refused()).as("17 fit under 20").isEmpty();
        List<String> cc = Views.ccEmails(desk.ticket(id));
        assertThat(cc).as("acknowledged additions kept").containsAll(outcome.added()).containsAll(outcome.mailed())
                .contains(MONA_MAIL).doesNotHaveDuplicates().hasSize(17);
    }

    @Test
    void concurrent_replies_fill_the_ticket_to_exactly_twenty_and_no_further() throws Exception {
        desk.enable("hr");
        String id = desk.ticketWithCc("hr", IntStream.rangeClosed(1, 17)
                .mapToObj(i -> "base" + i + "@conc.example.org").toArray()).path("id").asText();
        Outcome outcome = new Outcome();

        runAll(IntStream.range(0, THREADS).mapToObj(i -> (Runnable) () -> {
            List<String> addr = List.of(address(i, 0));
            record(desk.reply(id, Map.of("content", "one more " + i, "cc", addr), AGENT), addr, outcome, "agent reply");
            observe(id, outcome, "reply " + i);
        }).toList());

        assertThat(outcome.violations()).isEmpty();
        assertThat(outcome.added()).as("one address each: exactly the three free places are taken").hasSize(3);
        assertThat(outcome.refused()).hasSize(THREADS - 3);
        List<String> cc = Views.ccEmails(desk.ticket(id));
        assertThat(cc).hasSize(20).containsAll(outcome.added()).doesNotContainAnyElementsOf(outcome.refused());
    }

    @Test
    void mixed_concurrent_additions_past_the_limit_never_exceed_twenty_and_lose_nothing_acknowledged() throws Exception {
        desk.enable("hr", true, true);
        JsonNode t = desk.ticketWithCc("hr", IntStream.rangeClosed(1, 10)
                .mapToObj(i -> "base" + i + "@conc.example.org").toArray());
        String id = t.path("id").asText();
        Outcome outcome = new Outcome();

        runAll(IntStream.range(0, THREADS).mapToObj(i -> worker(i, id, t.path("number").asInt(), 2, 2, outcome)).toList());

        assertThat(outcome.violations()).isEmpty();
        List<String> cc = Views.ccEmails(desk.ticket(id));
        assertThat(cc).hasSizeLessThanOrEqualTo(20).doesNotHaveDuplicates()
                .containsAll(outcome.added()).doesNotContainAnyElementsOf(outcome.refused());
        Set<String> skipped = new HashSet<>();
        desk.history(id, "CC_SKIPPED").forEach(e -> skipped.add(e.path("detail").path("email").asText().toLowerCase()));
        for (String mailed : outcome.mailed()) {
            assertThat(cc.contains(mailed) || skipped.contains(mailed))
                    .as("%s from mail is either a CC or a CC_SKIPPED event", mailed).isTrue();
        }
        assertThat(outcome.added().size() + outcome.refused().size() + outcome.mailed().size()).isEqualTo(THREADS * 4);
    }
}
