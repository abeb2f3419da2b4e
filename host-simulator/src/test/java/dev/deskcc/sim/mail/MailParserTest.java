package dev.deskcc.sim.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskcc.api.model.EmailAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailParserTest {

  private final MailParser parser = new MailParser();

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = MailParserTest.class.getResourceAsStream("/mail/" + name)) {
      assertThat(in).as("test resource %s", name).isNotNull();
      return in.readAllBytes();
    }
  }

  private static byte[] text(String message) {
    return message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> keys(List<EmailAddress> addresses) {
    return addresses.stream().map(EmailAddress::key).toList();
  }

  @Test
  void encoded_folded_display_names_are_decoded() throws Exception {
    ParsedMail mail = parser.parse(resource("addresses-ugly.eml"));

    assertThat(mail.from().address()).isEqualTo("juergen.mueller@example.de");
    assertThat(mail.from().displayName()).isEqualTo("Jürgen Müller");
    assertThat(mail.subject()).isEqualTo("Re: Onboarding – laptop and badge");
  }

  @Test
  void quoted_commas_comments_and_groups_yield_one_address_each() throws Exception {
    ParsedMail mail = parser.parse(resource("addresses-ugly.eml"));

    assertThat(keys(mail.to()))
        .containsExactly(
            "ann.lee@example.com",
            "bob@example.com",
            "francois@example.fr",
            "carol@example.com",
            "dan@example.com");
    assertThat(mail.to().get(0).displayName()).isEqualTo("Lee, Ann");
    assertThat(mail.to().get(1).displayName()).isEqualTo("Bob Smith");
    assertThat(mail.to().get(2).displayName()).isEqualTo("François Dupré");
    assertThat(mail.to().get(4).displayName()).isEqualTo("Dan \"D\" Doe");
  }

  @Test
  void invalid_cc_addresses_are_skipped_and_the_valid_one_kept() throws Exception {
    ParsedMail mail = parser.parse(resource("addresses-ugly.eml"));

    assertThat(mail.cc()).extracting(EmailAddress::address).containsExactly("Vera@Verify-Agency.test");
  }

  @Test
  void envelope_recipients_come_from_delivered_to_and_x_original_to() throws Exception {
    ParsedMail mail = parser.parse(resource("addresses-ugly.eml"));

    assertThat(keys(mail.envelopeRecipients()))
        .containsExactly("onboarding+t42@help.acme.test", "onboarding@help.acme.test");
  }

  @Test
  void references_are_in_reply_to_first_then_references_without_duplicates() throws Exception {
    ParsedMail mail = parser.parse(resource("addresses-ugly.eml"));

    assertThat(mail.messageId()).isEqualTo("<CAF=ugly.42@mail.example.de>");
    assertThat(mail.references())
        .containsExactly(
            "<reply-2@help.acme.test>", "<first-1@help.acme.test>", "<third-3@help.acme.test>");
    assertThat(mail.textBody()).isEqualTo("Thanks, see you Monday.\r\n");
    assertThat(mail.autoSubmitted()).isFalse();
  }

  @Test
  void undisclosed_recipients_group_is_empty() throws Exception {
    ParsedMail mail = parser.parse(resource("undisclosed.eml"));

    assertThat(mail.to()).isEmpty();
    assertThat(mail.cc()).isEmpty();
    assertThat(mail.from().key()).isEqualTo("ann.lee@example.com");
    assertThat(mail.references()).isEmpty();
  }

  @Test
  void twenty_five_recipients_are_all_kept_in_order() throws Exception {
    ParsedMail mail = parser.parse(resource("twenty-five-recipients.eml"));

    assertThat(mail.to()).hasSize(15);
    assertThat(mail.cc()).hasSize(10);
    assertThat(mail.to().get(14).displayName()).isEqualTo("Person 15");
    assertThat(mail.cc().get(9).key()).isEqualTo("person25@example.org");
  }

  @Test
  void multipart_body_is_the_first_plain_text_part() throws Exception {
    ParsedMail mail = parser.parse(resource("multipart-attachments.eml"));

    assertThat(mail.subject()).isEqualTo("résumé attached");
    assertThat(mail.textBody()).startsWith("Hi, \r\nplease find my résumé attached.");
    assertThat(mail.textBody()).doesNotContain("<p>");
  }

  @Test
  void attachments_include_inline_images_and_decoded_file_names() throws Exception {
    ParsedMail mail = parser.parse(resource("multipart-attachments.eml"));

    assertThat(mail.attachments())
        .extracting(MailAttachment::name, MailAttachment::contentType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("image-1.png", "image/png"),
            org.assertj.core.groups.Tuple.tuple("résumé.pdf", "application/pdf"),
            org.assertj.core.groups.Tuple.tuple("Grüße.txt", "text/plain"),
            org.assertj.core.groups.Tuple.tuple("passwd", "application/octet-stream"));
    MailAttachment pdf = mail.attachments().get(1);
    assertThat(new String(pdf.content(), 0, 9, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-1.4\n");
    assertThat(pdf.size()).isEqualTo(9 + 256 * 3);
    assertThat(pdf.sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf.content())));
    assertThat(new String(mail.attachments().get(2).content(), StandardCharsets.UTF_8))
        .isEqualTo("Viele Grüße");
  }

  @Test
  void iso_8859_1_body_is_decoded_by_its_charset() throws Exception {
    ParsedMail mail = parser.parse(resource("latin1-body.eml"));

    assertThat(mail.textBody()).contains("Le café est froid, naïve question: où est Zoë?");
    assertThat(mail.from().displayName()).isEqualTo("Renée");
    assertThat(mail.subject()).isEqualTo("Café");
  }

  @Test
  void html_only_mail_becomes_readable_text() throws Exception {
    ParsedMail mail = parser.parse(resource("html-only.eml"));

    assertThat(mail.textBody()).isEqualTo("Hello & welcome,\nit's € 5\n\nBye now");
  }

  @Test
  void auto_submitted_with_parameters_counts_as_automatic() throws Exception {
    assertThat(parser.parse(resource("vacation-reply.eml")).autoSubmitted()).isTrue();
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Auto-Submitted | no                | false",
        "Auto-Submitted | NO (a comment)    | false",
        "Auto-Submitted | No; foo=bar       | false",
        "Auto-Submitted | auto-generated    | true",
        "Auto-Submitted | auto-notified     | true",
        "Precedence     | bulk              | true",
        "Precedence     | Junk              | true",
        "Precedence     | list              | true",
        "Precedence     | first-class       | false",
        "X-Other        | bulk              | false",
      })
  void automatic_mail_is_recognised_by_its_headers(String header, String value, boolean auto)
      throws Exception {
    byte[] raw = text("From: a@example.com\nTo: help@acme.test\n" + header + ": " + value + "\nSubject: s\n\nbody\n");

    assertThat(parser.parse(raw).autoSubmitted()).isEqualTo(auto);
  }

  @Test
  void mail_without_from_is_malformed() {
    assertThatThrownBy(() -> parser.parse(resource("missing-from.eml")))
        .isInstanceOfSatisfying(MailParseException.class, e -> {
          assertThat(e.code()).isEqualTo("MALFORMED_MESSAGE");
          assertThat(e.codeEnum()).isEqualTo(MailParseException.Code.MALFORMED_MESSAGE);
          assertThat(e.getMessage()).contains("From");
        });
  }

  @Test
  void mail_with_an_invalid_from_is_malformed() {
    assertThatThrownBy(() -> parser.parse(resource("invalid-from.eml")))
        .isInstanceOfSatisfying(MailParseException.class, e -> {
          assertThat(e.code()).isEqualTo("MALFORMED_MESSAGE");
          assertThat(e.getMessage()).contains("From");
        });
  }

  @Test
  void plain_text_without_headers_is_not_a_message() {
    assertThatThrownBy(() -> parser.parse(resource("not-a-message.txt")))
        .isInstanceOfSatisfying(MailParseException.class, e -> {
          assertThat(e.code()).isEqualTo("MALFORMED_MESSAGE");
          assertThat(e.getMessage()).contains("no header section");
        });
  }

  @Test
  void random_bytes_are_not_a_message() {
    byte[] garbage = new byte[4096];
    new Random(42).nextBytes(garbage);

    assertThatThrownBy(() -> parser.parse(garbage))
        .isInstanceOfSatisfying(MailParseException.class, e -> assertThat(e.code()).isEqualTo("MALFORMED_MESSAGE"));
  }

  @Test
  void empty_input_is_malformed() {
    assertThatThrownBy(() -> parser.parse(new byte[0]))
        .isInstanceOfSatisfying(MailParseException.class, e -> assertThat(e.code()).isEqualTo("MALFORMED_MESSAGE"));
    assertThatThrownBy(() -> parser.parse(text("\nbody only\n")))
        .isInstanceOfSatisfying(MailParseException.class, e -> assertThat(e.getMessage()).contains("no header section"));
  }

  @Test
  void a_message_above_25_mib_is_too_large() {
    byte[] head = text("From: a@example.com\nTo: help@acme.test\nSubject: big\n\n");
    byte[] raw = Arrays.copyOf(head, MailParser.MAX_MESSAGE_BYTES + 1);
    Arrays.fill(raw, head.length, raw.length, (byte) 'x');

    assertThatThrownBy(() -> parser.parse(raw))
        .isInstanceOfSatisfying(MailParseException.class, e -> {
          assertThat(e.code()).isEqualTo("MESSAGE_TOO_LARGE");
          assertThat(e.codeEnum()).isEqualTo(MailParseException.Code.MESSAGE_TOO_LARGE);
        });
  }

  @Test
  void a_message_of_exactly_25_mib_is_accepted() throws Exception {
    byte[] head = text("From: a@example.com\nTo: help@acme.test\nSubject: big\n\n");
    byte[] raw = Arrays.copyOf(head, MailParser.MAX_MESSAGE_BYTES);
    Arrays.fill(raw, head.length, raw.length, (byte) 'x');

    assertThat(parser.parse(raw).textBody()).hasSize(MailParser.MAX_MESSAGE_BYTES - head.length);
  }

  @Test
  void mail_naming_many_recipients_is_taken_in_with_the_first_500_to_and_cc_addresses() throws Exception {
    StringBuilder to = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      to.append(i == 0 ? "" : ",\n ").append("t").append(i).append("@example.com");
    }
    StringBuilder cc = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      cc.append(i == 0 ? "" : ",\n ").append("c").append(i).append("@example.com");
    }
    byte[] raw = text("From: a@example.com\nTo: " + to + "\nCc: " + cc + "\nSubject: everyone\n\nbody\n");

    ParsedMail mail = parser.parse(raw);

    assertThat(MailParser.MAX_RECIPIENTS).isEqualTo(500);
    assertThat(mail.to()).hasSize(300);
    assertThat(mail.cc()).hasSize(200);
    assertThat(mail.cc().get(199).address()).isEqualTo("c199@example.com");
    assertThat(mail.textBody()).startsWith("body");
  }

  @Test
  void invalid_to_and_cc_addresses_are_carried_as_written_with_their_place_within_the_limit() throws Exception {
    StringBuilder cc = new StringBuilder("Ann <ann@localhost>, bob, carl@under_score.example, dora@example.com");
    for (int i = 0; i < 600; i++) {
      cc.append(",\n m").append(i).append(i % 2 == 0 ? "@example.com" : "@single");
    }
    byte[] raw = text("From: a@example.com\nTo: help@acme.test, x\nCc: " + cc + "\nSubject: s\n\nbody\n");

    ParsedMail mail = parser.parse(raw);

    assertThat(mail.to()).extracting(a -> a.address()).containsExactly("help@acme.test");
    assertThat(mail.cc().get(0).address()).isEqualTo("dora@example.com");
    assertThat(mail.invalidRecipients().subList(0, 4)).extracting(r -> r.address() + "@" + r.position())
        .containsExactly("x@1", "ann@localhost@2", "bob@3", "carl@under_score.example@4");
    // valid and invalid together fill exactly the first 500 places
    assertThat(mail.to().size() + mail.cc().size() + mail.invalidRecipients().size()).isEqualTo(MailParser.MAX_RECIPIENTS);
    assertThat(mail.invalidRecipients().get(mail.invalidRecipients().size() - 1).position())
        .isEqualTo(MailParser.MAX_RECIPIENTS - 1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Auto-Submitted: no\\nAuto-Submitted: auto-replied | true",
        "Auto-Submitted: auto-replied\\nAuto-Submitted: no | true",
        "Precedence: first-class\\nPrecedence: bulk         | true",
        "List-Id: <team.lists.example.org>                  | true",
        "Return-Path: <>                                    | true",
        "Return-Path: < >                                   | true",
        "Return-Path: <bounces@lists.example.org>           | false",
        "Auto-Submitted: no\\nAuto-Submitted: No            | false",
      })
  void automated_mail_is_recognised_by_any_instance_of_its_headers(String headers, boolean automated)
      throws Exception {
    byte[] raw = text("From: a@example.com\nTo: help@acme.test\n" + headers.replace("\\n", "\n")
        + "\nSubject: s\n\nbody\n");

    assertThat(parser.parse(raw).autoSubmitted()).isEqualTo(automated);
  }

  @Test
  void a_delivery_status_notification_is_recognised_as_a_delivery_report() throws Exception {
    byte[] report = text("From: MAILER-DAEMON@mx.example.net\nTo: noreply@acme.test\nSubject: Undelivered\n"
        + "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=\"delivery-status\"; boundary=B\n\n"
        + "--B\nContent-Type: text/plain\n\nDelivery failed.\n"
        + "--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n"
        + "Final-Recipient: rfc822; gone@example.org\nAction: failed\nStatus: 5.1.1\n"
        + "--B--\n");
    byte[] otherReport = text("From: a@example.com\nTo: help@acme.test\nSubject: read\nMIME-Version: 1.0\n"
        + "Content-Type: multipart/report; report-type=disposition-notification; boundary=B\n\n"
        + "--B\nContent-Type: text/plain\n\nRead.\n--B--\n");

    assertThat(parser.parse(report).deliveryReport()).isPresent();
    assertThat(parser.parse(otherReport).deliveryReport()).isEmpty();
    assertThat(parser.parse(text("From: a@example.com\nTo: help@acme.test\nSubject: s\n\nbody\n"))
        .deliveryReport()).isEmpty();
  }

  @Test
  void more_than_1000_header_fields_are_refused() {
    String headers = "X-Trace: hop\n".repeat(1000);
    byte[] raw = text("From: a@example.com\n" + headers + "Subject: loop\n\nbody\n");

    assertThatThrownBy(() -> parser.parse(raw))
        .isInstanceOfSatisfying(MailParseException.class, e -> {
          assertThat(e.code()).isEqualTo("MALFORMED_MESSAGE");
          assertThat(e.getMessage()).contains("1000 header fields");
        });
  }

  @Test
  void more_than_1_mib_of_headers_is_refused() {
    String folded = "X-Big: " + ("y".repeat(70) + "\n ").repeat(15_500) + "end\n";
    byte[] raw = text("From: a@example.com\n" + folded + "Subject: big headers\n\nbody\n");

    assertThatThrownBy(() -> parser.parse(raw))
        .isInstanceOfSatisfying(MailParseException.class, e -> {
          assertThat(e.code()).isEqualTo("MALFORMED_MESSAGE");
          assertThat(e.getMessage()).contains("header section has");
        });
  }

  @Test
  void an_mbox_envelope_line_is_tolerated() throws Exception {
    byte[] raw = text("From ann@example.com Mon Nov 24 10:00:00 2026\nFrom: ann@example.com\nSubject: s\n\nhi\n");

    assertThat(parser.parse(raw).from().key()).isEqualTo("ann@example.com");
  }

  @Test
  void a_missing_message_id_is_null() throws Exception {
    ParsedMail mail = parser.parse(text("From: ann@example.com\nSubject: s\n\nhi\n"));

    assertThat(mail.messageId()).isNull();
    assertThat(mail.attachments()).isEmpty();
  }

  @Test
  void a_folded_subject_becomes_one_line_whatever_whitespace_folded_it() throws Exception {
    ParsedMail mail = parser.parse(text("From: a@x.org\nTo: b@y.org\n"
        + "Subject: Onboarding papers\n for the new\n\thire\n\nbody\n"));
    assertThat(mail.subject()).isEqualTo("Onboarding papers for the new hire");
  }
  private static byte[] withAttachment(String base64Body) {
    return text("From: ann@customers.test\nTo: help@desk.test\nSubject: file\nMIME-Version: 1.0\n"
        + "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nsee file\n"
        + "--b\nContent-Type: application/octet-stream; name=\"data.bin\"\nContent-Disposition: attachment; filename=\"data.bin\"\n"
        + "Content-Transfer-Encoding: base64\n\n" + base64Body + "\n--b--\n");
  }

  @Test
  void a_base64_attachment_in_folded_lines_is_decoded_to_its_bytes() throws Exception {
    byte[] content = new byte[10_000];
    new Random(7).nextBytes(content);
    String folded = java.util.Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(content);
    ParsedMail mail = parser.parse(withAttachment(folded));
    assertThat(mail.attachments()).singleElement()
        .satisfies(a -> assertThat(a.content()).isEqualTo(content));
  }

  @Test
  void an_unpadded_base64_attachment_is_kept() throws Exception {
    ParsedMail mail = parser.parse(withAttachment("aGk"));
    assertThat(mail.attachments()).singleElement()
        .satisfies(a -> assertThat(new String(a.content(), StandardCharsets.US_ASCII)).isEqualTo("hi"));
  }

  @Test
  void base64_that_does_not_decode_is_kept_undecoded_with_a_note_and_the_original_message() throws Exception {
    // a stray character after the padding: refused by both decoders; the message is still taken in
    byte[] raw = withAttachment("aGk=x");
    ParsedMail mail = parser.parse(raw);
    assertThat(mail.textBody()).startsWith("see file").contains("data.bin is not valid base64")
        .contains(MailParser.ORIGINAL_NAME);
    assertThat(mail.attachments()).extracting(MailAttachment::name).containsExactly("data.bin", MailParser.ORIGINAL_NAME);
    assertThat(mail.attachments().get(1).content()).isEqualTo(raw);
  }

  @Test
  void an_unknown_transfer_encoding_is_read_as_it_is() throws Exception {
    ParsedMail mail = parser.parse(text("From: ann@customers.test\nTo: help@desk.test\nSubject: s\n"
        + "Content-Transfer-Encoding: 8bits\nContent-Type: text/plain; charset=utf-8\n\nGrüße\n"));
    assertThat(mail.textBody().strip()).isEqualTo("Grüße");
    assertThat(mail.attachments()).isEmpty();
  }

  @Test
  void a_multipart_missing_its_first_boundary_keeps_its_text_with_a_note() throws Exception {
    ParsedMail mail = parser.parse(text("From: ann@customers.test\nTo: help@desk.test\nSubject: s\n"
        + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"nowhere\"\n\nPlease call me back.\n"));
    assertThat(mail.textBody()).startsWith("Please call me back.").contains("could not be split into parts");
    assertThat(mail.attachments()).extracting(MailAttachment::name).containsExactly(MailParser.ORIGINAL_NAME);
  }

  @Test
  void a_malformed_header_line_after_a_valid_from_is_ignored_with_a_note() throws Exception {
    ParsedMail mail = parser.parse(text("From: ann@customers.test\nTo: help@desk.test\n"
        + "this line lost its indentation\nSubject: s\n\nhello\n"));
    assertThat(mail.from().key()).isEqualTo("ann@customers.test");
    assertThat(mail.subject()).isEqualTo("s");
    assertThat(mail.textBody()).startsWith("hello").contains("header line 3 is not a header field");
  }

  @Test
  void a_from_with_rfc5322_comments_is_read() throws Exception {
    ParsedMail mail = parser.parse(text("From: Pete(A wonderful \\) chap) <pete(his account)@silly.test(his host)>\n"
        + "To: help@desk.test\nSubject: s\n\nhi\n"));
    assertThat(mail.from().key()).isEqualTo("pete@silly.test");
  }

  @Test
  void an_obsolete_source_route_yields_the_addr_spec_never_the_route() throws Exception {
    ParsedMail mail = parser.parse(text("From: ann@customers.test\n"
        + "To: help@desk.test, Mary Smith <@machine.tld:mary@example.net>\nSubject: s\n\nhi\n"));
    assertThat(mail.to()).extracting(EmailAddress::key).containsExactly("help@desk.test", "mary@example.net");
  }

  @Test
  void an_attachment_whose_file_name_is_unquoted_with_spaces_is_kept() throws Exception {
    ParsedMail mail = parser.parse(text("From: ann@customers.test\nTo: help@desk.test\nSubject: s\n"
        + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nsee file\n"
        + "--b\nContent-Type: text/plain\nContent-Disposition: attachment; filename=This is a test.txt\n\nfile text\n--b--\n"));
    assertThat(mail.attachments()).extracting(MailAttachment::name).containsExactly("This is a test.txt");
  }

  @Test
  void a_raw_utf8_file_name_is_read_as_utf8() throws Exception {
    ParsedMail mail = parser.parse(text("From: ann@customers.test\nTo: help@desk.test\nSubject: s\n"
        + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nsee file\n"
        + "--b\nContent-Type: application/msword\nContent-Disposition: attachment; filename=管理.doc\n\nx\n--b--\n"));
    assertThat(mail.attachments()).extracting(MailAttachment::name).containsExactly("管理.doc");
  }

  @ParameterizedTest
  @CsvSource({"UTF-7", "unicode-1-1-utf-7"})
  void utf7_subjects_and_bodies_are_decoded(String charset) throws Exception {
    ParsedMail mail = parser.parse(text("From: ann@customers.test\nTo: help@desk.test\n"
        + "Subject: =?" + charset + "?Q?Gr+APwA3w-e_Zo+AOs-?=\nMIME-Version: 1.0\n"
        + "Content-Type: text/plain; charset=" + charset + "\n\nGr+APwA3w-e Zo+AOs-\n"));
    assertThat(mail.subject()).isEqualTo("Grüße Zoë");
    assertThat(mail.textBody().strip()).isEqualTo("Grüße Zoë");
  }

  @Test
  void a_raw_8bit_byte_inside_an_iso_8859_1_encoded_word_is_read_in_that_charset() throws Exception {
    byte[] head = text("From: ann@customers.test\nTo: help@desk.test\nSubject: =?iso-8859-1?Q?Die_Hasen_und_die_Fr");
    byte[] tail = text("sche?=\n\nhi\n");
    byte[] raw = Arrays.copyOf(head, head.length + 1 + tail.length);
    raw[head.length] = (byte) 0xF6; // ö in ISO-8859-1, written raw instead of =F6
    System.arraycopy(tail, 0, raw, head.length + 1, tail.length);
    assertThat(parser.parse(raw).subject()).isEqualTo("Die Hasen und die Frösche");
  }

  @Test
  void parts_of_a_digest_without_a_content_type_are_messages() throws Exception {
    ParsedMail mail = parser.parse(text("From: ann@customers.test\nTo: help@desk.test\nSubject: s\n"
        + "MIME-Version: 1.0\nContent-Type: multipart/digest; boundary=\"b\"\n\n--b\n\n"
        + "From: bob@example.com\nSubject: inner\n\ninner text\n--b--\n"));
    assertThat(mail.attachments()).extracting(MailAttachment::contentType).containsExactly("message/rfc822");
  }

  @Test
  void lines_that_only_start_like_the_boundary_stay_in_the_part_of_a_nested_multipart() throws Exception {
    ParsedMail mail = parser.parse(text("From: ann@customers.test\nTo: help@desk.test\nSubject: nested\n"
        + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\npreamble\n"
        + "--b1\nContent-Type: multipart/alternative; boundary=\"b1-alt\"\n\n"
        + "--b1-alt\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n"
        + "Grüße\n--b1x is not a boundary\n --b1 neither\n"
        + "--b1-alt\nContent-Type: text/html\n\n<p>html</p>\n--b1-alt--\n"
        + "--b1\nContent-Type: text/plain; name=\"notes.txt\"\nContent-Transfer-Encoding: quoted-printable\n\n"
        + "caf=C3=A9 =3D soft=\n break\n--b1--\nepilogue\n"));

    assertThat(mail.textBody()).isEqualTo("Grüße\r\n--b1x is not a boundary\r\n --b1 neither");
    assertThat(mail.attachments()).singleElement().satisfies(a -> {
      assertThat(a.name()).isEqualTo("notes.txt");
      assertThat(new String(a.content(), StandardCharsets.UTF_8)).isEqualTo("café = soft break");
    });
  }
}
