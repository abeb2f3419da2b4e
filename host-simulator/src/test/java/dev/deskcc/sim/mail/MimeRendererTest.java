package dev.deskcc.sim.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskcc.api.model.EmailAddress;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MimeRendererTest {

  private static final Instant NOW = Instant.parse("2026-11-24T09:30:00Z");
  private final MimeRenderer renderer = new MimeRenderer(Clock.fixed(NOW, ZoneOffset.UTC));
  private final MailParser parser = new MailParser();

  static OutgoingMail mail(String subject, String body, List<EmailAddress> cc) {
    return new OutgoingMail(
        7,
        "T-42",
        "agent_reply",
        EmailAddress.parse("\"Acme Help, HR\" <onboarding@help.acme.test>"),
        EmailAddress.parse("onboarding+t42@help.acme.test"),
        List.of(EmailAddress.parse("Jürgen Müller <juergen@example.de>")),
        cc,
        subject,
        body,
        "<out-7@help.acme.test>",
        "<CAF=in.1@mail.example.de>",
        List.of("<first@help.acme.test>", "<CAF=in.1@mail.example.de>"),
        false);
  }

  private static String headers(byte[] raw) {
    String s = new String(raw, StandardCharsets.US_ASCII);
    return s.substring(0, s.indexOf("\r\n\r\n") + 2);
  }

  @Test
  void rendered_mail_parses_back_to_the_same_values() throws Exception {
    OutgoingMail out = mail(
        "Re: Café – onboarding",
        "Hallo Jürgen,\n\nyour laptop is ready.\n",
        List.of(EmailAddress.parse("Vera <vera@verify-agency.test>"), EmailAddress.parse("lee@example.com")));

    ParsedMail back = parser.parse(renderer.render(out));

    assertThat(back.from()).isEqualTo(out.from());
    assertThat(back.from().displayName()).isEqualTo("Acme Help, HR");
    assertThat(back.to()).containsExactlyElementsOf(out.to());
    assertThat(back.to().get(0).displayName()).isEqualTo("Jürgen Müller");
    assertThat(back.cc()).containsExactlyElementsOf(out.cc());
    assertThat(back.subject()).isEqualTo("Re: Café – onboarding");
    assertThat(back.textBody()).isEqualTo("Hallo Jürgen,\r\n\r\nyour laptop is ready.\r\n");
    assertThat(back.messageId()).isEqualTo("<out-7@help.acme.test>");
    assertThat(back.references())
        .containsExactly("<CAF=in.1@mail.example.de>", "<first@help.acme.test>");
    assertThat(back.autoSubmitted()).isTrue();
  }

  @Test
  void rendered_headers_are_ascii_and_mark_the_mail_automatic() throws Exception {
    byte[] raw = renderer.render(mail("Café", "plain", List.of()));
    String headers = headers(raw);

    assertThat(headers).containsPattern("(?m)^Subject: =\\?UTF-8\\?[QB]\\?");
    assertThat(headers).contains("Auto-Submitted: auto-generated\r\n");
    assertThat(headers).contains("X-Auto-Response-Suppress: All\r\n");
    assertThat(headers).contains("Message-ID: <out-7@help.acme.test>\r\n");
    assertThat(headers).contains("In-Reply-To: <CAF=in.1@mail.example.de>\r\n");
    assertThat(headers).contains("Reply-To: onboarding+t42@help.acme.test\r\n");
    assertThat(headers).doesNotContainPattern("(?m)^Cc:");
    assertThat(new String(raw, StandardCharsets.ISO_8859_1)).matches("[\\x00-\\x7f]*");

    MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    assertThat(parsed.getSentDate().toInstant()).isEqualTo(NOW);
    assertThat(parsed.getContentType()).startsWith("text/plain; charset=UTF-8");
  }

  @Test
  void line_breaks_in_the_subject_cannot_inject_headers() throws Exception {
    byte[] raw = renderer.render(mail("Hello\r\nBcc: victim@example.com\nX-Evil: 1", "body", List.of()));

    assertThat(headers(raw)).doesNotContainPattern("(?mi)^(Bcc|X-Evil):");
    assertThat(parser.parse(raw).subject()).isEqualTo("Hello Bcc: victim@example.com X-Evil: 1");
  }

  @Test
  void line_breaks_in_a_display_name_cannot_inject_headers() throws Exception {
    OutgoingMail out = new OutgoingMail(1, "T-1", "e",
        new EmailAddress("desk@help.acme.test", "Desk\r\nBcc: victim@example.com"),
        null, List.of(EmailAddress.parse("a@example.com")), List.of(), "s", "b",
        MessageIds.create("help.acme.test"), null, List.of(), false);

    byte[] raw = renderer.render(out);

    assertThat(headers(raw)).doesNotContainPattern("(?mi)^Bcc:");
    assertThat(headers(raw)).doesNotContain("In-Reply-To").doesNotContain("References");
  }

  @Test
  void an_address_with_a_line_break_is_refused() {
    OutgoingMail out = new OutgoingMail(1, "T-1", "e",
        new EmailAddress("desk@help.acme.test\r\nBcc: victim@example.com", null),
        null, List.of(EmailAddress.parse("a@example.com")), List.of(), "s", "b",
        "<x@y.test>", null, List.of(), false);

    assertThatThrownBy(() -> renderer.render(out)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_message_id_without_brackets_is_refused() {
    OutgoingMail out = new OutgoingMail(1, "T-1", "e",
        EmailAddress.parse("desk@help.acme.test"), null, List.of(EmailAddress.parse("a@example.com")),
        List.of(), "s", "b", "x@y.test\r\nBcc: v@example.com", null, List.of(), false);

    assertThatThrownBy(() -> renderer.render(out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("messageId");
  }

  @Test
  void message_ids_are_unique_and_bracketed() {
    String a = MessageIds.create("help.acme.test");
    String b = MessageIds.create("help.acme.test");

    assertThat(a).matches(Pattern.compile("<[0-9a-f-]{36}@help\\.acme\\.test>"));
    assertThat(a).isNotEqualTo(b);
    assertThatThrownBy(() -> MessageIds.create("evil>\r\nBcc: x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_private_recipients_copy_is_addressed_to_them_alone_and_no_other_copy_shows_them() throws Exception {
    OutgoingMail base = mail("Re: x", "text", List.of(EmailAddress.parse("vera@verify-agency.test"),
        EmailAddress.parse("lee@example.com")));
    EmailAddress vera = EmailAddress.parse("vera@verify-agency.test");
    OutgoingMail out = new OutgoingMail(base.seq(), base.ticketId(), base.event(), base.from(), base.replyTo(),
        base.to(), base.cc(), base.subject(), base.textBody(), base.messageId(), base.inReplyTo(), base.references(),
        false, "<p>text</p>", List.of(vera));

    ParsedMail veras = parser.parse(renderer.render(out, vera, java.util.Map.of()));
    assertThat(veras.to()).containsExactly(vera);
    assertThat(veras.cc()).isEmpty();
    ParsedMail shared = parser.parse(renderer.render(out));
    assertThat(shared.to()).containsExactlyElementsOf(out.to());
    assertThat(shared.cc()).containsExactly(EmailAddress.parse("lee@example.com"));
    assertThat(new String(renderer.render(out), StandardCharsets.US_ASCII)).doesNotContain("vera@")
        .contains("multipart/alternative", "text/html");
  }
}
