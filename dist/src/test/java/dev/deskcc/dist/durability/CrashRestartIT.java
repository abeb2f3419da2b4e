package dev.deskcc.dist.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.dist.support.Api;
import dev.deskcc.dist.support.Demo;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulator on a data folder is driven over HTTP with a realistic mix of changes and killed
 * with SIGKILL at a random moment, again and again. After every restart each change that was
 * answered is there, and the one change in flight at the kill is there entirely (ticket, thread,
 * CCs, history and its outbox messages) or not at all.
 *
 * <p>The driver is sequential, so at most one change is uncertain per kill. After each answered
 * change it reads back the tickets it touched (ticket and history) and the outbox: that is the
 * acknowledged state the restarted simulator must serve.
 */
class CrashRestartIT {
  private static final int KILLS = 20;
  private static final String VERA = "vera@verify-agency.test";

  @TempDir Path temp;

  private final Random random = new Random(20261126L);
  private final Map<String, JsonNode> ticketModel = new HashMap<>();
  private final Map<String, JsonNode> historyModel = new HashMap<>();
  private final List<String> open = new ArrayList<>();
  private JsonNode outboxModel;
  private JsonNode settingsModel;
  private String hr;
  private String onboarding;
  private String veraId;
  private int serial;

  @Test
  void every_acknowledged_change_survives_sigkill_and_none_is_half_applied() throws Exception {
    Path dataDir = temp.resolve("data");
    int changes = 0;
    int uncertainApplied = 0;
    ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
    try {
      for (int cycle = 0; cycle < KILLS; cycle++) {
        DeskNode node = DeskNode.start("--data-dir", dataDir.toString());
        try {
          if (cycle == 0) {
            baseline(node);
          } else {
            uncertainApplied += verifyAndRebase(node, false);
          }
          pending = null;
          boolean armed = false;
          while (true) {
            Op op = nextOp();
            try {
              pending = op;
              op.outboxBefore = outboxModel.size();
              Api.Reply reply = op.run(node);
              if (reply.status() / 100 != 2) {
                pending = null;
                continue;
              }
              op.acked = true;
              op.afterAck(reply);
              snapshot(node, op);
              pending = null;
              changes++;
              kinds.merge(op.getClass().getSimpleName(), 1, Integer::sum);
              if (!armed) {
                // at least one answered change per life, then a kill at a random moment
                killer.schedule(node::kill, 50 + random.nextInt(600), TimeUnit.MILLISECONDS);
                armed = true;
              }
            } catch (UncheckedIOException killed) {
              break;
            }
          }
        } finally {
          node.kill();
        }
      }
      DeskNode last = DeskNode.start("--data-dir", dataDir.toString());
      try {
        uncertainApplied += verifyAndRebase(last, true);
        assertThat(last.terminate()).isIn(0, 143);
      } finally {
        last.close();
      }
    } finally {
      killer.shutdownNow();
    }
    assertThat(changes).as("answered changes over all cycles").isGreaterThanOrEqualTo(KILLS);
    System.out.printf("CrashRestartIT: %d kills, %d answered changes %s, %d in-flight changes found applied%n",
        KILLS, changes, kinds, uncertainApplied);
  }

  // ------------------------------------------------------------------ the model

  private Op pending;
  private final Map<String, Integer> kinds = new java.util.TreeMap<>();

  private void baseline(DeskNode node) {
    JsonNode ids = node.ids();
    hr = ids.path("hr").asText();
    onboarding = ids.path("onboarding").asText();
    veraId = ids.path("vera").asText();
    track(node, onboarding);
    outboxModel = node.outbox();
    settingsModel = node.settings(hr);
  }

  private void track(DeskNode node, String id) {
    ticketModel.put(id, node.ticket(id));
    historyModel.put(id, node.history(id));
    touched.add(id);
  }

  /** Tickets written since the last restart: their history is compared after every restart. */
  private final Set<String> touched = new LinkedHashSet<>();

  private void snapshot(DeskNode node, Op op) {
    for (String id : op.tickets()) {
      track(node, id);
    }
    outboxModel = node.outbox();
    settingsModel = node.settings(hr);
  }

  /**
   * Checks the restarted node against the model; returns 1 when the in-flight change was applied.
   * Every ticket is compared each time (one list call); histories of the tickets written in the
   * last life each time, and all of them at the end ({@code full}).
   */
  private int verifyAndRebase(DeskNode node, boolean full) {
    Op op = pending;
    Set<String> uncertain = op == null ? Set.of() : new LinkedHashSet<>(op.tickets());
    boolean applied = false;
    if (op != null && op.findCreated(node)) {
      uncertain.addAll(op.tickets());
    }
    Map<String, JsonNode> served = new HashMap<>();
    node.tickets().forEach(t -> served.put(t.path("id").asText(), t));
    for (String id : ticketModel.keySet()) {
      JsonNode ticket = served.get(id);
      assertThat(ticket).as("ticket %s is served", id).isNotNull();
      boolean checkHistory = full || touched.contains(id) || uncertain.contains(id);
      boolean same = ticket.equals(ticketModel.get(id))
          && (!checkHistory || node.history(id).equals(historyModel.get(id)));
      if (!same) {
        assertThat(uncertain).as("ticket %s changed, but no change in flight touched it:%n was %s%n now %s", id,
            ticketModel.get(id), ticket).contains(id);
        applied = true;
      }
    }
    if (op != null) {
      applied |= op.created != null;
      applied |= !node.settings(hr).equals(settingsModel);
      if (op.acked || applied) {
        op.assertApplied(node);
        applied = true;
      } else {
        assertThat(node.settings(hr)).isEqualTo(settingsModel);
      }
    } else {
      assertThat(node.settings(hr)).isEqualTo(settingsModel);
    }
    JsonNode outbox = node.outbox();
    assertThat(outbox.size()).as("outbox lost acknowledged messages").isGreaterThanOrEqualTo(outboxModel.size());
    for (int i = 0; i < outboxModel.size(); i++) {
      assertThat(outbox.get(i)).as("outbox message %d", i).isEqualTo(outboxModel.get(i));
    }
    for (int i = outboxModel.size(); i < outbox.size(); i++) {
      assertThat(applied).as("outbox grew but the change in flight is not there: %s", outbox.get(i)).isTrue();
      assertThat(uncertain).as("outbox message of another ticket: %s", outbox.get(i))
          .contains(outbox.get(i).path("ticketId").asText());
    }
    if (applied && op != null) {
      op.assertOutbox(outbox, op.outboxBefore);
    }
    touched.clear();
    for (String id : uncertain) {
      track(node, id);
    }
    outboxModel = outbox;
    settingsModel = node.settings(hr);
    if (applied && op != null) {
      op.rebase();
    }
    pending = null;
    return applied ? 1 : 0;
  }

  // ------------------------------------------------------------------ the changes

  private Op nextOp() {
    int roll = random.nextInt(100);
    if (open.size() < 2 || roll < 20) {
      return new Create();
    }
    String ticket = open.get(random.nextInt(open.size()));
    if (roll < 40) {
      return new Reply(ticket);
    }
    if (roll < 48) {
      return new Comment(ticket, random.nextBoolean());
    }
    if (roll < 55) {
      return new Inbound(ticket);
    }
    if (roll < 70) {
      return new PatchCc(ticket);
    }
    if (roll < 78) {
      String other = open.get(random.nextInt(open.size()));
      return other.equals(ticket) ? new Create() : new Merge(ticket, other);
    }
    if (roll < 90) {
      return new Restriction(random.nextBoolean());
    }
    return new Settings(random.nextBoolean());
  }

  private String fresh(String what) {
    return what + "-" + (++serial) + "@example.com";
  }

  /** One change of the mix: how to send it and what it leaves behind when applied. */
  private abstract class Op {
    boolean acked;
    String created;
    int outboxBefore;

    abstract Api.Reply run(DeskNode node);

    /** The tickets it touches (known before it runs, or learnt from its answer). */
    abstract List<String> tickets();

    void afterAck(Api.Reply reply) {}

    /** For a create in flight: looks the ticket up by its subject. */
    boolean findCreated(DeskNode node) {
      return false;
    }

    abstract void assertApplied(DeskNode node);

    void assertOutbox(JsonNode outbox, int from) {}

    void rebase() {}

    boolean hasMessage(JsonNode outbox, int from, String ticketId, String event) {
      for (int i = from; i < outbox.size(); i++) {
        JsonNode m = outbox.get(i);
        if (m.path("ticketId").asText().equals(ticketId) && m.path("event").asText().equals(event)) {
          return true;
        }
      }
      return false;
    }
  }

  private final class Create extends Op {
    final String subject = "crash ticket " + (++serial);
    final List<String> cc = List.of(fresh("cc"), fresh("cc"));

    @Override
    Api.Reply run(DeskNode node) {
      return node.api.post("/api/v1/tickets", Demo.ADMIN, Map.of("departmentId", hr, "subject", subject,
          "description", "made to be killed", "requester", Map.of("email", fresh("req"), "name", "Req"),
          "fields", Map.of("cc", cc)));
    }

    @Override
    List<String> tickets() {
      return created == null ? List.of() : List.of(created);
    }

    @Override
    void afterAck(Api.Reply reply) {
      created = reply.json().path("id").asText();
      open.add(created);
    }

    @Override
    boolean findCreated(DeskNode node) {
      List<String> found = new ArrayList<>();
      node.tickets().forEach(t -> {
        if (t.path("subject").asText().equals(subject)) {
          found.add(t.path("id").asText());
        }
      });
      assertThat(found).as("tickets with subject %s", subject).hasSizeLessThanOrEqualTo(1);
      if (acked) {
        assertThat(found).as("acknowledged ticket %s", subject).containsExactly(created);
      }
      created = found.isEmpty() ? null : found.get(0);
      return created != null;
    }

    @Override
    void assertApplied(DeskNode node) {
      assertThat(created).as("ticket %s", subject).isNotNull();
      assertThat(DeskNode.ccEmails(node.ticket(created))).containsExactlyElementsOf(cc);
    }

    @Override
    void assertOutbox(JsonNode outbox, int from) {
      assertThat(hasMessage(outbox, from, created, "TICKET_CREATED")).as("TICKET_CREATED of %s", created).isTrue();
    }

    @Override
    void rebase() {
      if (!open.contains(created)) {
        open.add(created);
      }
    }
  }

  private final class Reply extends Op {
    final String ticket;
    final String content = "reply " + (++serial);
    final String added = fresh("replycc");

    Reply(String ticket) {
      this.ticket = ticket;
    }

    @Override
    Api.Reply run(DeskNode node) {
      List<String> cc = new ArrayList<>(DeskNode.ccEmails(ticketModel.get(ticket)));
      if (cc.size() < 18) {
        cc.add(added);
      }
      return node.api.post("/api/v1/tickets/" + ticket + "/replies", Demo.ADMIN, Map.of("content", content, "cc", cc));
    }

    @Override
    List<String> tickets() {
      return List.of(ticket);
    }

    @Override
    void assertApplied(DeskNode node) {
      JsonNode t = node.ticket(ticket);
      assertThat(t.path("thread").findValuesAsText("content")).contains(content);
      if (DeskNode.ccEmails(ticketModel.get(ticket)).size() < 18) {
        assertThat(DeskNode.ccEmails(t)).contains(added);
      }
    }

    @Override
    void assertOutbox(JsonNode outbox, int from) {
      assertThat(hasMessage(outbox, from, ticket, "AGENT_REPLY")).as("AGENT_REPLY of %s", ticket).isTrue();
    }
  }

  private final class Comment extends Op {
    final String ticket;
    final boolean isPublic;
    final String content = "comment " + (++serial);

    Comment(String ticket, boolean isPublic) {
      this.ticket = ticket;
      this.isPublic = isPublic;
    }

    @Override
    Api.Reply run(DeskNode node) {
      return node.api.post("/api/v1/tickets/" + ticket + "/comments", Demo.ADMIN,
          Map.of("content", content, "public", isPublic));
    }

    @Override
    List<String> tickets() {
      return List.of(ticket);
    }

    @Override
    void assertApplied(DeskNode node) {
      assertThat(node.ticket(ticket).path("thread").findValuesAsText("content")).contains(content);
    }

    @Override
    void assertOutbox(JsonNode outbox, int from) {
      if (isPublic) {
        assertThat(hasMessage(outbox, from, ticket, "PUBLIC_COMMENT")).as("PUBLIC_COMMENT of %s", ticket).isTrue();
      }
    }
  }

  /** Mail from the requester with an attachment, threaded by the ticket number in the subject. */
  private final class Inbound extends Op {
    final String ticket;
    final String marker = "mail " + (++serial);
    final String attachment = "note-" + serial + ".txt";

    Inbound(String ticket) {
      this.ticket = ticket;
    }

    @Override
    Api.Reply run(DeskNode node) {
      JsonNode t = ticketModel.get(ticket);
      String from = t.path("requester").path("email").asText();
      String boundary = "b-" + serial;
      String raw = "From: " + from + "\r\nTo: onboarding@acme.test\r\nCc: " + fresh("mailcc") + "\r\n"
          + "Subject: Re: [#" + t.path("number").asLong() + "] " + t.path("subject").asText() + "\r\n"
          + "Message-ID: <" + java.util.UUID.randomUUID() + "@mail.example.com>\r\n"
          + "Date: Thu, 26 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
          + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
          + "--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + marker + "\r\n"
          + "--" + boundary + "\r\nContent-Type: text/plain; name=\"" + attachment + "\"\r\n"
          + "Content-Disposition: attachment; filename=\"" + attachment + "\"\r\n"
          + "Content-Transfer-Encoding: base64\r\n\r\n"
          + java.util.Base64.getEncoder().encodeToString(("content of " + attachment).getBytes(
              java.nio.charset.StandardCharsets.UTF_8)) + "\r\n"
          + "--" + boundary + "--\r\n";
      return node.inbound(raw);
    }

    @Override
    List<String> tickets() {
      return List.of(ticket);
    }

    @Override
    void assertApplied(DeskNode node) {
      JsonNode entry = null;
      for (JsonNode e : node.ticket(ticket).path("thread")) {
        if (e.path("content").asText().contains(marker)) {
          entry = e;
        }
      }
      assertThat(entry).as("the mail's thread entry").isNotNull();
      assertThat(entry.path("attachments").findValuesAsText("name")).containsExactly(attachment);
      assertThat(entry.path("attachments").get(0).path("sha256").asText()).hasSize(64);
    }
  }

  private final class PatchCc extends Op {
    final String ticket;
    final List<String> cc = new ArrayList<>();

    PatchCc(String ticket) {
      this.ticket = ticket;
      List<String> now = DeskNode.ccEmails(ticketModel.get(ticket));
      now.stream().filter(a -> random.nextBoolean()).forEach(cc::add);
      cc.add(fresh("patched"));
    }

    @Override
    Api.Reply run(DeskNode node) {
      return node.api.call("PATCH", "/api/v1/tickets/" + ticket, Demo.ADMIN, Map.of("fields", Map.of("cc", cc)));
    }

    @Override
    List<String> tickets() {
      return List.of(ticket);
    }

    @Override
    void assertApplied(DeskNode node) {
      assertThat(DeskNode.ccEmails(node.ticket(ticket))).containsExactlyInAnyOrderElementsOf(cc);
    }
  }

  private final class Merge extends Op {
    final String target;
    final String source;

    Merge(String target, String source) {
      this.target = target;
      this.source = source;
    }

    @Override
    Api.Reply run(DeskNode node) {
      return node.api.post("/api/v1/tickets/" + target + "/merge", Demo.ADMIN,
          Map.of("sourceIds", List.of(source), "ccFrom", target));
    }

    @Override
    List<String> tickets() {
      return List.of(target, source);
    }

    @Override
    void afterAck(Api.Reply reply) {
      open.remove(source);
    }

    @Override
    void assertApplied(DeskNode node) {
      JsonNode merged = node.ticket(source);
      assertThat(merged.path("status").asText()).isEqualTo("MERGED");
      assertThat(merged.path("mergedInto").asText()).isEqualTo(target);
    }

    @Override
    void rebase() {
      open.remove(source);
    }
  }

  private final class Restriction extends Op {
    final boolean restrict;

    Restriction(boolean restrict) {
      this.restrict = restrict;
    }

    @Override
    Api.Reply run(DeskNode node) {
      return restrict
          ? node.api.post("/api/v1/tickets/" + onboarding + "/restrictions", Demo.ADMIN, Map.of("email", VERA))
          : node.api.call("DELETE", "/api/v1/tickets/" + onboarding + "/restrictions/" + veraId, Demo.ADMIN, null);
    }

    @Override
    List<String> tickets() {
      return List.of(onboarding);
    }

    @Override
    void assertApplied(DeskNode node) {
      int seen = node.api.get("/api/v1/tickets/" + onboarding, Demo.AGENCY).status();
      assertThat(seen).as("Vera's view of the onboarding ticket").isEqualTo(restrict ? 404 : 200);
    }
  }

  private final class Settings extends Op {
    final boolean autoAdd;

    Settings(boolean autoAdd) {
      this.autoAdd = autoAdd;
    }

    @Override
    Api.Reply run(DeskNode node) {
      return node.api.put("/api/v1/departments/" + hr + "/plugins/" + Demo.PLUGIN_ID + "/settings", Demo.ADMIN,
          Map.of("autoAddRecipients", autoAdd));
    }

    @Override
    List<String> tickets() {
      return List.of();
    }

    @Override
    void assertApplied(DeskNode node) {
      JsonNode now = node.settings(hr);
      if (!now.equals(settingsModel)) {
        assertThat(now.path("autoAddRecipients").asBoolean()).isEqualTo(autoAdd);
      }
    }
  }
}
