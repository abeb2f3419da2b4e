package dev.deskcc.sim.plugins;

import dev.deskcc.sim.support.PluginJar;
import java.nio.file.Path;

/** The small plugins the host tests load, built as real jars. */
final class TestPlugins {
  private TestPlugins() {}

  private static Path built;

  /** Copies the plugins into {@code dir}; they are compiled once per test run (javac is slow to start). */
  static synchronized void writeAll(Path dir) {
    try {
      if (built == null) {
        Path tmp = java.nio.file.Files.createTempDirectory("deskcc-test-plugins");
        build(tmp);
        built = tmp;
      }
      try (var files = java.nio.file.Files.list(built)) {
        for (Path f : files.toList()) {
          java.nio.file.Files.copy(f, dir.resolve(f.getFileName()));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void build(Path dir) throws java.io.IOException {
    java.nio.file.Files.write(dir.resolve("broken-1.0.0.jar"), "not a jar at all".getBytes());
    PluginJar.plugin("alpha-tracer").requires(">=1.0.0")
        .extension("tp.alpha.Tracer", """
            package tp.alpha;
            import com.fasterxml.jackson.databind.JsonNode;
            import com.fasterxml.jackson.databind.node.JsonNodeFactory;
            import dev.deskcc.api.error.Verdict;
            import dev.deskcc.api.field.*;
            import dev.deskcc.api.host.PluginContext;
            import dev.deskcc.api.lifecycle.*;
            import dev.deskcc.api.model.*;
            import dev.deskcc.api.notify.*;
            import java.util.List;
            public class Tracer implements TicketChangeCheck, TicketChangeReaction, FieldContributor,
                RecipientContributor {
              public Verdict check(TicketEvent event, PluginContext ctx) {
                if (event instanceof TicketCreated c) {
                  ctx.data().putTicket(c.ticket().id(), 1,
                      JsonNodeFactory.instance.textNode("noted by " + ctx.pluginId()));
                  ctx.history().record(c.ticket().id(), "TRACED", null);
                }
                return Verdict.accept();
              }
              public void react(TicketEvent event, PluginContext ctx) {
                if (ctx.writable()) throw new IllegalStateException("a reaction must be read-only");
              }
              public List<FieldDefinition> fields(String departmentId, PluginContext ctx) {
                return List.of(new FieldDefinition("note", "Note", "what the tracer noted", ValueType.TEXT,
                    null, true, null));
              }
              public JsonNode value(Ticket ticket, String fieldName, PluginContext ctx) {
                return ctx.data().ticket(ticket.id()).map(d -> d.value())
                    .orElse(JsonNodeFactory.instance.textNode(""));
              }
              public List<RecipientDecision> recipients(Notification n, PluginContext ctx) {
                return List.of(new RecipientDecision.Add(EmailAddress.parse("watcher@example.com"), RecipientLine.CC));
              }
            }
            """)
        .writeTo(dir);
    PluginJar.plugin("boom").requires(">=1.0.0")
        .extension("tp.boom.Boom", """
            package tp.boom;
            import dev.deskcc.api.error.Verdict;
            import dev.deskcc.api.host.PluginContext;
            import dev.deskcc.api.lifecycle.*;
            public class Boom implements TicketChangeCheck, TicketChangeReaction {
              public Verdict check(TicketEvent event, PluginContext ctx) {
                if (event.ticket().subject().contains("boom")) throw new IllegalStateException("kaboom");
                return Verdict.accept();
              }
              public void react(TicketEvent event, PluginContext ctx) {
                throw new IllegalStateException("reaction kaboom");
              }
            }
            """)
        .writeTo(dir);
    PluginJar.plugin("refuser").requires(">=1.0.0")
        .extension("tp.refuser.Refuser", """
            package tp.refuser;
            import dev.deskcc.api.error.*;
            import dev.deskcc.api.host.PluginContext;
            import dev.deskcc.api.lifecycle.*;
            import java.util.List;
            public class Refuser implements TicketChangeCheck {
              public Verdict check(TicketEvent event, PluginContext ctx) {
                if (event.ticket().subject().contains("spam")) {
                  return Verdict.refuse(Refusal.invalid("NO_SPAM_SUBJECTS", "no spam please",
                      List.of(new ItemError(event.ticket().subject(), "SPAM_WORD", "contains spam"))));
                }
                return Verdict.accept();
              }
            }
            """)
        .writeTo(dir);
    PluginJar.plugin("sloth").requires(">=1.0.0")
        .extension("tp.sloth.Sloth", """
            package tp.sloth;
            import dev.deskcc.api.error.Verdict;
            import dev.deskcc.api.host.PluginContext;
            import dev.deskcc.api.lifecycle.*;
            public class Sloth implements TicketChangeCheck, TicketChangeReaction {
              public Verdict check(TicketEvent event, PluginContext ctx) {
                String subject = event.ticket().subject();
                if (subject.contains("slow")) {
                  nap();
                }
                if (subject.contains("stubborn")) {
                  // ignores interruption, but keeps asking the host: the dead context stops it
                  long end = System.nanoTime() + 10_000_000_000L;
                  while (System.nanoTime() < end) {
                    Thread.interrupted();
                    ctx.tickets().byId(event.ticket().id());
                  }
                }
                return Verdict.accept();
              }
              public void react(TicketEvent event, PluginContext ctx) {
                if (event.ticket().subject().contains("lazy")) {
                  nap();
                }
              }
              private static void nap() {
                try { Thread.sleep(5_000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
              }
            }
            """)
        .writeTo(dir);
    PluginJar.plugin("zipped").requires(">=1.0.0")
        .extension("tp.zipped.Listener", """
            package tp.zipped;
            import dev.deskcc.api.host.PluginContext;
            import dev.deskcc.api.lifecycle.*;
            public class Listener implements TicketChangeReaction {
              public void react(TicketEvent event, PluginContext ctx) {}
            }
            """)
        .writeZipTo(dir);
    PluginJar.plugin("gamma").requires(">=1.0.0")
        .extension("tp.gamma.Gamma", """
            package tp.gamma;
            import com.fasterxml.jackson.databind.JsonNode;
            import com.fasterxml.jackson.databind.node.*;
            import dev.deskcc.api.access.*;
            import dev.deskcc.api.error.*;
            import dev.deskcc.api.field.*;
            import dev.deskcc.api.host.PluginContext;
            import dev.deskcc.api.model.*;
            import dev.deskcc.api.notify.*;
            import dev.deskcc.api.settings.*;
            import java.util.*;
            public class Gamma implements PluginSettings, FieldContributor, HelpCenterAccess, RecipientContributor {
              public SettingsDescriptor describe() {
                JsonNodeFactory f = JsonNodeFactory.instance;
                return new SettingsDescriptor("Gamma", "test settings", List.of(
                    new SettingDefinition("enabled", "Enabled", "on/off", SettingType.BOOLEAN, f.booleanNode(false)),
                    new SettingDefinition("label", "Label", "a label", SettingType.TEXT, f.textNode("x")),
                    new SettingDefinition("tags", "Tags", "tags", SettingType.TEXT_LIST, f.arrayNode()),
                    SettingDefinition.choice("mode", "Mode", "how", List.of("FAST", "SAFE"), "SAFE")),
                    Edition.PROFESSIONAL, new Acknowledgement("enabled", "Sure?", "really", "Yes"));
              }
              public Verdict validate(String departmentId, ObjectNode proposed, PluginContext ctx) {
                if (proposed.path("label").asText().equals("bad")) {
                  return Verdict.refuse(Refusal.invalid("BAD_LABEL", "label may not be bad"));
                }
                return Verdict.accept();
              }
              private boolean on(String dept, PluginContext ctx) {
                return ctx.settings(dept).path("enabled").asBoolean(false);
              }
              public List<FieldDefinition> fields(String departmentId, PluginContext ctx) {
                return on(departmentId, ctx)
                    ? List.of(new FieldDefinition("badge", "Badge", "locked", ValueType.TEXT, "gamma needs it", false, null))
                    : List.of();
              }
              public JsonNode value(Ticket ticket, String fieldName, PluginContext ctx) {
                return JsonNodeFactory.instance.textNode("gold");
              }
              public Optional<AccessGrant> access(Ticket ticket, Contact contact, PluginContext ctx) {
                boolean watcher = contact.address().map(a -> a.key().equals("oscar@example.com")).orElse(false);
                return on(ticket.departmentId(), ctx) && watcher
                    ? Optional.of(new AccessGrant("WATCHER", false)) : Optional.empty();
              }
              public List<RecipientDecision> recipients(Notification n, PluginContext ctx) {
                if (n.cause().ticket().subject().contains("quiet")) {
                  return List.of(new RecipientDecision.Withhold(EmailAddress.parse("emma@example.com"), "QUIET_PLEASE"));
                }
                return List.of();
              }
            }
            """)
        .writeTo(dir);
    PluginJar.plugin("delta").requires(">=1.1.0")
        .extension("tp.delta.Delta", """
            package tp.delta;
            import com.fasterxml.jackson.databind.JsonNode;
            import com.fasterxml.jackson.databind.node.*;
            import dev.deskcc.api.access.*;
            import dev.deskcc.api.error.*;
            import dev.deskcc.api.field.*;
            import dev.deskcc.api.host.PluginContext;
            import dev.deskcc.api.lifecycle.*;
            import dev.deskcc.api.model.*;
            import dev.deskcc.api.notify.*;
            import dev.deskcc.api.settings.*;
            import java.util.*;
            // Never looks at its own switch: whatever it does where it is off is the host's doing.
            public class Delta implements PluginSettings, TicketChangeCheck, TicketChangeReaction,
                RecipientContributor, FieldContributor, HelpCenterAccess {
              public SettingsDescriptor describe() {
                JsonNodeFactory f = JsonNodeFactory.instance;
                return new SettingsDescriptor("Delta", "switched per department", List.of(
                    new SettingDefinition("on", "On", "on/off", SettingType.BOOLEAN, f.booleanNode(false))),
                    Edition.PROFESSIONAL, null, "on");
              }
              public Verdict validate(String departmentId, ObjectNode proposed, PluginContext ctx) {
                return Verdict.accept();
              }
              public Verdict check(TicketEvent event, PluginContext ctx) {
                if (event.ticket().subject().contains("delta says no")) {
                  return Verdict.refuse(Refusal.invalid("DELTA_SAYS_NO", "delta refuses"));
                }
                if (event instanceof TicketCreated c) {
                  ctx.history().record(c.ticket().id(), "DELTA_CHECKED", null);
                }
                return Verdict.accept();
              }
              public void react(TicketEvent event, PluginContext ctx) {}
              public List<RecipientDecision> recipients(Notification n, PluginContext ctx) {
                return List.of(new RecipientDecision.Add(EmailAddress.parse("delta-watch@example.com"), RecipientLine.CC));
              }
              public List<FieldDefinition> fields(String departmentId, PluginContext ctx) {
                return List.of(new FieldDefinition("stamp", "Stamp", "delta's", ValueType.TEXT, null, true, null));
              }
              public JsonNode value(Ticket ticket, String fieldName, PluginContext ctx) {
                return JsonNodeFactory.instance.textNode("delta");
              }
              public Optional<AccessGrant> access(Ticket ticket, Contact contact, PluginContext ctx) {
                return Optional.of(new AccessGrant("DELTA", false));
              }
            }
            """)
        .writeTo(dir);
    PluginJar.plugin("zz-future").requires(">=99.0.0")
        .extension("tp.future.Future", """
            package tp.future;
            import dev.deskcc.api.error.*;
            import dev.deskcc.api.host.PluginContext;
            import dev.deskcc.api.lifecycle.*;
            public class Future implements TicketChangeCheck {
              public Verdict check(TicketEvent event, PluginContext ctx) {
                return Verdict.refuse(Refusal.conflict("FROM_THE_FUTURE", "should never run"));
              }
            }
            """)
        .writeTo(dir);
  }
}
