package dev.deskcc.sim.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.sim.mail.DeliveryReport.Action;
import dev.deskcc.sim.mail.DeliveryReport.Recipient;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Delivery status notifications (RFC 3464, RFC 6533) read through the real {@link MailParser}. */
class DeliveryReportParsingTest {
  private final MailParser parser = new MailParser();

  private DeliveryReport report(String name) throws Exception {
    byte[] raw;
    try (InputStream in = DeliveryReportParsingTest.class.getResourceAsStream("/mail/dsn/" + name)) {
      assertThat(in).as("test resource %s", name).isNotNull();
      raw = in.readAllBytes();
    }
    ParsedMail mail = parser.parse(raw);
    assertThat(mail.deliveryReport()).as("%s is a delivery report", name).isPresent();
    return mail.deliveryReport().orElseThrow();
  }

  private static String address(Recipient r) {
    return r.address().address();
  }

  @Test
  void a_postfix_bounce_names_the_failed_recipient_and_the_original_message() throws Exception {
    DeliveryReport report = report("postfix-user-unknown.eml");

    assertThat(report.originalMessageId()).isEqualTo("<7d1c9e0a-6b2f-4f7e-9c1d-2a9f3e4b5c6d@desk.acme.test>");
    assertThat(report.recipients()).hasSize(1);
    Recipient r = report.recipients().get(0);
    assertThat(address(r)).isEqualTo("gone@example.org");
    assertThat(r.action()).isEqualTo(Action.FAILED);
    assertThat(r.actionText()).isEqualTo("failed");
    assertThat(r.status()).isEqualTo("5.1.1");
    assertThat(r.diagnosticCode())
        .as("the folded diagnostic is read as one line")
        .isEqualTo("550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown");
  }

  @Test
  void an_exchange_ndr_takes_the_original_id_from_the_attached_message() throws Exception {
    DeliveryReport report = report("exchange-recipient-not-found.eml");

    assertThat(report.originalMessageId()).isEqualTo("<c0ffee00-1234-4abc-9def-000000000001@desk.acme.test>");
    assertThat(report.recipients()).containsExactly(new Recipient(
        report.recipients().get(0).address(), Action.FAILED, "failed", "5.1.10",
        "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"));
    assertThat(address(report.recipients().get(0))).isEqualTo("bob@contoso.test");
  }

  @Test
  void an_ndr_still_yields_its_human_text_and_attached_original_as_before() throws Exception {
    byte[] raw;
    try (InputStream in = getClass().getResourceAsStream("/mail/dsn/exchange-recipient-not-found.eml")) {
      raw = in.readAllBytes();
    }
    ParsedMail mail = parser.parse(raw);

    assertThat(mail.textBody()).startsWith("Your message to bob@contoso.test couldn't be delivered.");
    assertThat(mail.attachments()).extracting(MailAttachment::contentType).containsExactly("message/rfc822");
  }

  @Test
  void a_report_on_two_recipients_tells_the_failed_one_from_the_delayed_one() throws Exception {
    DeliveryReport report = report("one-failed-one-delayed.eml");

    assertThat(report.originalMessageId())
        .as("a folded Message-ID header")
        .isEqualTo("<91b2c3d4-aaaa-4bbb-8ccc-ddddeeeeffff@desk.acme.test>");
    assertThat(report.recipients()).extracting(DeliveryReportParsingTest::address)
        .containsExactly("carol@example.com", "dave@example.net");
    Recipient carol = report.recipients().get(0);
    Recipient dave = report.recipients().get(1);
    assertThat(carol.action()).isEqualTo(Action.FAILED);
    assertThat(carol.status()).as("without its comment").isEqualTo("5.2.1");
    assertThat(carol.diagnosticCode())
        .isEqualTo("550 5.2.1 The email account that you tried to reach is disabled.");
    assertThat(dave.action()).as("case-insensitive").isEqualTo(Action.DELAYED);
    assertThat(dave.actionText()).isEqualTo("delayed");
    assertThat(dave.status()).isEqualTo("4.4.7");
    assertThat(dave.diagnosticCode()).isEqualTo("421 4.4.7 Try again later");
  }

  @Test
  void a_success_report_names_its_recipient_as_delivered() throws Exception {
    DeliveryReport report = report("delivered.eml");

    assertThat(report.originalMessageId()).isEqualTo("<d5e6f7a8-0000-4111-8222-333344445555@desk.acme.test>");
    assertThat(report.recipients()).hasSize(1);
    Recipient r = report.recipients().get(0);
    assertThat(address(r)).isEqualTo("erin@example.org");
    assertThat(r.action()).isEqualTo(Action.DELIVERED);
    assertThat(r.status()).isEqualTo("2.0.0");
    assertThat(r.diagnosticCode()).isNull();
  }

  @Test
  void a_global_report_is_read_as_utf8_with_its_utf8_addresses() throws Exception {
    DeliveryReport report = report("global-delivery-status.eml");

    assertThat(report.originalMessageId()).isEqualTo("<e1f2a3b4-5555-4666-8777-888899990000@desk.acme.test>");
    assertThat(report.recipients()).extracting(DeliveryReportParsingTest::address)
        .containsExactly("太郎@example.jp", "jürgen@example.de");
    assertThat(report.recipients()).extracting(Recipient::action).containsOnly(Action.FAILED);
    assertThat(report.recipients().get(0).diagnosticCode()).isEqualTo("550 5.1.1 受信者が見つかりません (user unknown)");
  }

  @Test
  void a_base64_encoded_delivery_status_is_decoded() throws Exception {
    DeliveryReport report = report("base64-delivery-status.eml");

    assertThat(report.originalMessageId()).isEqualTo("<f0f1f2f3-aaaa-4bbb-8ccc-000000000006@desk.acme.test>");
    assertThat(report.recipients()).containsExactly(new Recipient(
        report.recipients().get(0).address(), Action.FAILED, "failed", "5.7.1", "550 5.7.1 Message rejected by policy"));
    assertThat(address(report.recipients().get(0))).isEqualTo("frank@example.com");
  }

  @Test
  void a_quoted_printable_status_falls_back_to_the_original_recipient_and_keeps_unknown_actions() throws Exception {
    DeliveryReport report = report("quoted-printable-other-address-types.eml");

    assertThat(report.originalMessageId()).isNull();
    // Gray: X.400 final recipient, rfc822 original; Hopper: X.400 only, left out; Heidi: unknown action
    assertThat(report.recipients()).extracting(DeliveryReportParsingTest::address)
        .containsExactly("grace@example.org", "heidi@example.org");
    Recipient grace = report.recipients().get(0);
    assertThat(grace.action()).isEqualTo(Action.FAILED);
    assertThat(grace.actionText()).isEqualTo("failed");
    assertThat(grace.status()).isEqualTo("5.1.2");
    Recipient heidi = report.recipients().get(1);
    assertThat(heidi.action()).isEqualTo(Action.UNKNOWN);
    assertThat(heidi.actionText()).isEqualTo("bounced");
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage-status.eml", "no-status-part.eml", "unsplittable.eml"})
  void a_broken_report_is_still_a_report_with_no_recipients(String name) throws Exception {
    DeliveryReport report = report(name);

    assertThat(report.recipients()).isEmpty();
    assertThat(report.originalMessageId()).isNull();
  }

  @Test
  void a_report_of_another_type_is_no_delivery_report() throws Exception {
    byte[] mdn = ("From: a@example.com\nTo: help@acme.test\nSubject: read\nMIME-Version: 1.0\n"
        + "Content-Type: multipart/report; report-type=disposition-notification; boundary=B\n\n"
        + "--B\nContent-Type: text/plain\n\nRead.\n"
        + "--B\nContent-Type: message/disposition-notification\n\nFinal-Recipient: rfc822; a@example.com\n"
        + "Disposition: manual-action/MDN-sent-manually; displayed\n--B--\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(parser.parse(mdn).deliveryReport()).isEmpty();
  }

  @Test
  void every_action_rfc3464_defines_is_known_whatever_its_case() {
    assertThat(List.of("failed", "DELAYED", "Delivered", "relayed", "expanded", "bounced", ""))
        .extracting(Action::of)
        .containsExactly(Action.FAILED, Action.DELAYED, Action.DELIVERED, Action.RELAYED, Action.EXPANDED,
            Action.UNKNOWN, Action.UNKNOWN);
  }
}
