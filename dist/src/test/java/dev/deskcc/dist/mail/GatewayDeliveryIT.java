package dev.deskcc.dist.mail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.deskcc.dist.support.Build;
import dev.deskcc.dist.support.LauncherProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/deskcc-sim --mail-gateway URL} with the key in {@code DESKCC_MAIL_GATEWAY_KEY}
 * delivers the outbox to an HTTP mail gateway (WireMock here): one JSON POST per message with the
 * Message-ID as Idempotency-Key, retried through an outage, each message accepted exactly once.
 */
class GatewayDeliveryIT {

    private static final String KEY = "gw-secret-7781";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WireMockServer gateway;

    @BeforeEach
    void startGateway() {
        gateway = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.stop();
    }

    private static Path worldFile(Path dir) throws IOException {
        Path file = dir.resolve("world.json");
        Files.writeString(file, MailDesk.world(), StandardCharsets.UTF_8);
        return file;
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < deadline).as("timed out waiting for: %s", what).isTrue();
            Thread.sleep(50);
        }
    }

    private void gatewayAnswers(int status) {
        gateway.resetMappings();
        gateway.stubFor(post(urlPathEqualTo("/messages")).willReturn(status >= 500
                ? aResponse().withStatus(status).withHeader("Retry-After", "1").withBody("maintenance")
                : aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("{\"id\":\"x\"}")));
    }

    private static void newTicket(MailDesk desk, String subject) {
        MailDesk.Answer answer = desk.json("POST", "/api/v1/tickets", Map.of("departmentId", desk.id("hr"),
                "subject", subject, "description", "d", "requester", Map.of("email", "emma@example.com")), MailDesk.AGENT);
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
    }

    @Test
    void every_message_is_delivered_exactly_once_through_a_gateway_outage(@TempDir Path dir) throws Exception {
        gatewayAnswers(503);
        try (LauncherProcess launcher = LauncherProcess.start(Build.home(), Map.of("DESKCC_MAIL_GATEWAY_KEY", KEY),
                "--port", "0", "--fixture", worldFile(dir).toString(), "--mail-gateway", gateway.baseUrl())) {
            MailDesk desk = new MailDesk(launcher.awaitListening(Duration.ofSeconds(60)));
            desk.reset();
            for (int i = 1; i <= 4; i++) {
                newTicket(desk, "Ticket " + i);
            }

            // down: the gateway is asked, nothing is lost, the outbox says why it waits
            await("failed attempts", Duration.ofSeconds(20), () -> desk.outbox().stream()
                    .anyMatch(m -> m.path("deliveryAttempts").asInt() >= 1));
            JsonNode waiting = desk.outbox().stream().filter(m -> m.path("deliveryAttempts").asInt() >= 1)
                    .findFirst().orElseThrow();
            assertThat(waiting.path("delivery").asText()).isEqualTo("PENDING");
            assertThat(waiting.path("deliveryError").asText()).contains("503");

            // back: everything goes out
            gatewayAnswers(202);
            await("all delivered", Duration.ofSeconds(45), () -> desk.outbox().stream()
                    .allMatch(m -> m.path("delivery").asText().equals("DELIVERED")));

            List<JsonNode> outbox = desk.outbox();
            assertThat(outbox).hasSize(4);
            Map<String, Integer> accepted = new HashMap<>();
            for (ServeEvent e : gateway.getAllServeEvents()) {
                assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY);
                if (e.getResponse().getStatus() == 202) {
                    accepted.merge(e.getRequest().getHeader("Idempotency-Key"), 1, Integer::sum);
                }
            }
            Map<String, Integer> expected = new HashMap<>();
            outbox.forEach(m -> expected.put(m.path("messageId").asText(), 1));
            assertThat(accepted).isEqualTo(expected);
            assertThat(gateway.getAllServeEvents()).hasSizeGreaterThan(4);

            // the JSON each message is posted as
            for (ServeEvent e : gateway.getAllServeEvents()) {
                JsonNode body = JSON.readTree(e.getRequest().getBodyAsString());
                String key = e.getRequest().getHeader("Idempotency-Key");
                assertThat(body.path("headers").path("Message-ID").asText()).isEqualTo(key);
                assertThat(body.path("headers").path("Auto-Submitted").asText()).isEqualTo("auto-generated");
                assertThat(body.path("from").asText()).contains("noreply@acme.test");
                assertThat(body.path("replyTo").asText()).contains("onboarding@acme.test");
                assertThat(body.path("to").toString()).contains("emma@example.com");
                assertThat(body.path("subject").asText()).startsWith("[#");
                assertThat(body.path("metadata").path("ticketId").asText()).isNotBlank();
                // contract §6: each recipient's copy carries its own unsubscribe headers
                assertThat(body.path("copies")).hasSize(1);
                JsonNode copy = body.path("copies").get(0);
                assertThat(copy.path("recipient").asText()).isEqualTo("emma@example.com");
                assertThat(copy.path("headers").path("List-Unsubscribe").asText())
                        .matches("<http://127\\.0\\.0\\.1:\\d+/unsubscribe/[^>]+>, <mailto:onboarding\\+unsubscribe-[^>]+@acme\\.test\\?subject=unsubscribe>");
                assertThat(copy.path("headers").path("List-Unsubscribe-Post").asText())
                        .isEqualTo("List-Unsubscribe=One-Click");
            }
            assertThat(launcher.transcript()).doesNotContain(KEY);
        }
    }

    @Test
    void a_display_name_or_subject_cannot_split_a_header_in_the_gateway_payload(@TempDir Path dir) throws Exception {
        gatewayAnswers(202);
        String evil = "Eve\r\nBcc: evil@x.test";
        String encoded = "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(evil.getBytes(StandardCharsets.UTF_8)) + "?=";
        try (LauncherProcess launcher = LauncherProcess.start(Build.home(), Map.of("DESKCC_MAIL_GATEWAY_KEY", KEY),
                "--port", "0", "--fixture", worldFile(dir).toString(), "--mail-gateway", gateway.baseUrl())) {
            MailDesk desk = new MailDesk(launcher.awaitListening(Duration.ofSeconds(60)));
            desk.reset();
            // from mail: an encoded-word display name and subject that decode to CR LF
            JsonNode taken = desk.deliver("From: " + encoded + " <eve@example.net>\r\n"
                    + "To: " + MailDesk.SUPPORT + "\r\nSubject: " + encoded + "\r\n"
                    + "Message-ID: <split-1@example.net>\r\n\r\nhello\r\n");
            JsonNode mailTicket = desk.ticket(taken.path("ticketId").asText());
            assertThat(mailTicket.path("requester").path("name").asText()).isEqualTo("Eve  Bcc: evil@x.test");
            // (the mail parser also folds whitespace runs in a subject into one space)
            assertThat(mailTicket.path("subject").asText()).matches("Eve +Bcc: evil@x\\.test");
            // the desk writes to the mail's sender by the name it stored (an agent reply: it sends no
            // receipt to a mail sender)
            assertThat(desk.agentReply(mailTicket.path("id").asText(), "We are on it.").status()).isEqualTo(201);
            // from the API: a requester name with CR LF and a TAB
            MailDesk.Answer created = desk.json("POST", "/api/v1/tickets", Map.of("departmentId", desk.id("hr"),
                    "subject", "Line one\nBcc: evil@x.test", "description", "d",
                    "requester", Map.of("email", "eve2@example.net", "name", "Eve\r\nBcc:\tevil@x.test")), MailDesk.AGENT);
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            assertThat(created.json().path("requester").path("name").asText()).isEqualTo("Eve  Bcc: evil@x.test");
            assertThat(created.json().path("subject").asText()).isEqualTo("Line one Bcc: evil@x.test");

            assertThat(desk.outbox()).as("queued for both requesters").hasSizeGreaterThanOrEqualTo(2);
            await("all delivered: " + desk.outbox(), Duration.ofSeconds(45), () -> desk.outbox().stream()
                    .allMatch(m -> m.path("delivery").asText().equals("DELIVERED")));
            int checked = 0;
            for (ServeEvent e : gateway.getAllServeEvents()) {
                JsonNode body = JSON.readTree(e.getRequest().getBodyAsString());
                List<String> headerValues = new java.util.ArrayList<>();
                headerValues.add(body.path("from").asText());
                headerValues.add(body.path("subject").asText());
                body.path("to").forEach(t -> headerValues.add(t.asText()));
                body.path("cc").forEach(t -> headerValues.add(t.asText()));
                assertThat(headerValues).as("%s", body).noneMatch(v -> v.chars().anyMatch(Character::isISOControl));
                if (body.path("to").toString().contains("eve")) {
                    assertThat(body.path("to").toString()).contains("Eve  Bcc: evil@x.test");
                    checked++;
                }
            }
            assertThat(checked).as("both requesters were mailed").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void undelivered_messages_survive_a_restart_on_the_same_data_dir_and_go_out_once(@TempDir Path dir)
            throws Exception {
        gatewayAnswers(503);
        Path data = dir.resolve("data");
        Map<String, String> env = Map.of("DESKCC_MAIL_GATEWAY_KEY", KEY);
        List<String> expected;
        try (LauncherProcess first = LauncherProcess.start(Build.home(), env, "--port", "0", "--data-dir", data.toString(),
                "--fixture", worldFile(dir).toString(), "--mail-gateway", gateway.baseUrl())) {
            MailDesk desk = new MailDesk(first.awaitListening(Duration.ofSeconds(60)));
            desk.reset();
            for (int i = 1; i <= 3; i++) {
                newTicket(desk, "Before restart " + i);
            }
            await("a failed attempt", Duration.ofSeconds(20), () -> !gateway.getAllServeEvents().isEmpty());
            expected = desk.outbox().stream().map(m -> m.path("messageId").asText()).toList();
            assertThat(expected).hasSize(3);
            assertThat(first.terminate(Duration.ofSeconds(30))).isIn(0, 143);
        }

        gatewayAnswers(202);
        try (LauncherProcess second = LauncherProcess.start(Build.home(), env, "--port", "0", "--data-dir", data.toString(),
                "--mail-gateway", gateway.baseUrl())) {
            MailDesk desk = new MailDesk(second.awaitListening(Duration.ofSeconds(60)));
            await("all delivered after the restart", Duration.ofSeconds(45), () -> desk.outbox().stream()
                    .allMatch(m -> m.path("delivery").asText().equals("DELIVERED")));
            assertThat(desk.outbox()).extracting(m -> m.path("messageId").asText()).containsExactlyElementsOf(expected);
        }
        Map<String, Integer> accepted = new HashMap<>();
        for (ServeEvent e : gateway.getAllServeEvents()) {
            if (e.getResponse().getStatus() == 202) {
                accepted.merge(e.getRequest().getHeader("Idempotency-Key"), 1, Integer::sum);
            }
        }
        Map<String, Integer> once = new HashMap<>();
        expected.forEach(id -> once.put(id, 1));
        assertThat(accepted).isEqualTo(once);
    }

    @Test
    void a_gateway_without_its_key_in_the_environment_is_refused_at_start() {
        try (LauncherProcess launcher = LauncherProcess.start(Build.home(), Map.of("DESKCC_MAIL_GATEWAY_KEY", ""),
                "--port", "0", "--mail-gateway", gateway.baseUrl())) {
            assertThat(launcher.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(launcher.transcript()).contains("DESKCC_MAIL_GATEWAY_KEY");
        }
    }
}
