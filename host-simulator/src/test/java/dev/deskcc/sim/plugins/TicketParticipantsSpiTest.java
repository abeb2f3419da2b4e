package dev.deskcc.sim.plugins;

import static dev.deskcc.sim.support.TestWorld.ADMIN;
import static dev.deskcc.sim.support.TestWorld.AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.support.HttpClient;
import dev.deskcc.sim.support.HttpClient.Answer;
import dev.deskcc.sim.support.PluginJar;
import dev.deskcc.sim.support.TestWorld;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform 1.2 extension point {@code TicketParticipants}, used by a plugin that knows nothing
 * of CC (a watchers plugin): whom it names threads into a ticket by its number, anyone else gets a
 * ticket of their own; a plugin built for platform 1.0 still loads beside it.
 */
class TicketParticipantsSpiTest {
  @TempDir
  static Path plugins;

  private static Simulator sim;
  private static HttpClient http;

  @BeforeAll
  static void start() {
    PluginJar.plugin("watchers").requires(">=1.2.0 & <2.0.0")
        .extension("tp.watchers.Watchers", """
            package tp.watchers;
            import dev.deskcc.api.host.PluginContext;
            import dev.deskcc.api.model.*;
            import dev.deskcc.api.participant.TicketParticipants;
            public class Watchers implements TicketParticipants {
              public boolean participates(Ticket ticket, Contact contact, PluginContext ctx) {
                if (ctx.writable()) throw new IllegalStateException("must be read-only");
                return contact.address().map(a -> a.key().equals("watcher@example.org")).orElse(false);
              }
            }
            """)
        .writeTo(plugins);
    PluginJar.plugin("old-timer").requires(">=1.0.0 & <2.0.0")
        .extension("tp.old.Nothing", """
            package tp.old;
            import dev.deskcc.api.error.Verdict;
            import dev.deskcc.api.host.PluginContext;
            import dev.deskcc.api.lifecycle.*;
            public class Nothing implements TicketChangeCheck {
              public Verdict check(TicketEvent event, PluginContext ctx) {
                return Verdict.accept();
              }
            }
            """)
        .writeTo(plugins);
    sim = Simulator.builder().pluginsDir(plugins).fixtureJson(TestWorld.FIXTURE).build().start();
    http = new HttpClient(sim.baseUrl());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private Answer inbound(String from, String subject) {
    String raw = "From: " + from + "\r\nTo: it@acme.test\r\nSubject: " + subject + "\r\n"
        + "Message-ID: <" + java.util.UUID.randomUUID() + "@mail.example.com>\r\n\r\nbody\r\n";
    return http.raw("POST", "/api/v1/inbound/email", raw.getBytes(StandardCharsets.UTF_8), "message/rfc822", ADMIN);
  }

  @Test
  void whom_a_plugin_names_as_participant_threads_by_number_and_nobody_else() {
    java.util.Map<String, String> states = new java.util.HashMap<>();
    http.get("/api/v1/plugins", ADMIN).json().get("plugins")
        .forEach(p -> states.put(p.get("id").asText(), p.get("state").asText()));
    assertThat(states).containsEntry("watchers", "STARTED").containsEntry("old-timer", "STARTED");
    String tid = inbound("nina@example.org", "Printer").json().get("ticketId").asText();
    long number = http.get("/api/v1/tickets/" + tid, AGENT).json().get("number").asLong();

    Answer watcher = inbound("Watcher <watcher@example.org>", "Re: [#" + number + "] Printer");
    Answer stranger = inbound("someone@example.org", "Re: [#" + number + "] Printer");

    assertThat(watcher.json().get("ticketId").asText()).isEqualTo(tid);
    assertThat(stranger.json().get("created").asBoolean()).isTrue();
    assertThat(http.get("/api/v1/tickets/" + tid, AGENT).json().get("thread")).hasSize(2);
  }
}
