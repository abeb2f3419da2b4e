package dev.deskcc.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

  @Test
  void parses_a_display_name_and_keeps_case_but_compares_without_it() {
    EmailAddress a = EmailAddress.parse("Mona Manager <MONA@Example.com>");
    assertThat(a.address()).isEqualTo("MONA@Example.com");
    assertThat(a.displayName()).isEqualTo("Mona Manager");
    assertThat(a.key()).isEqualTo("mona@example.com");
    assertThat(a).isEqualTo(EmailAddress.parse("mona@example.com"));
  }

  @Test
  void parses_quoted_display_names_with_commas_and_encoded_words() {
    assertThat(EmailAddress.parse("\"Lee, Ann\" <ann@example.com>").displayName()).isEqualTo("Lee, Ann");
    assertThat(EmailAddress.parse("=?UTF-8?Q?Ren=C3=A9?= <rene@example.com>").displayName()).isEqualTo("René");
  }

  @Test
  void strips_a_plus_tag_for_untagged_identity() {
    assertThat(EmailAddress.parse("Onboarding+X@acme.test").untaggedKey()).isEqualTo("onboarding@acme.test");
  }

  @Test
  void untagged_key_keeps_an_untagged_address_and_a_quoted_local_part_with_an_at() {
    assertThat(EmailAddress.parse("Ann@Example.com").untaggedKey()).isEqualTo("ann@example.com");
    assertThat(new EmailAddress("\"a+b@c\"+tag@Example.com", null).untaggedKey()).isEqualTo("\"a@example.com");
    assertThat(new EmailAddress("\"x@y\"@Example.com", null).untaggedKey()).isEqualTo("\"x@y\"@example.com");
  }

  @Test
  void the_key_is_derived_from_the_address_whatever_the_canonical_constructor_is_given() {
    EmailAddress a = new EmailAddress("Ann@Example.com", "Ann", "someone-else@example.com");
    assertThat(a.key()).isEqualTo("ann@example.com");
    assertThat(a).isEqualTo(new EmailAddress("ANN@example.COM", null)).hasSameHashCodeAs(new EmailAddress("ann@example.com", "X"));
    assertThat(a).isNotEqualTo(new EmailAddress("someone-else@example.com", null));
  }

  @Test
  void json_carries_the_address_and_name_only_and_reads_back() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    String json = mapper.writeValueAsString(new EmailAddress("Ann@Example.com", "Ann"));
    assertThat(mapper.readTree(json).properties()).extracting(java.util.Map.Entry::getKey)
        .containsExactlyInAnyOrder("address", "displayName");
    EmailAddress read = mapper.readValue(json, EmailAddress.class);
    assertThat(read.address()).isEqualTo("Ann@Example.com");
    assertThat(read.displayName()).isEqualTo("Ann");
    assertThat(read.key()).isEqualTo("ann@example.com");
    assertThat(mapper.readValue("{\"address\":\"B@x.test\",\"key\":\"wrong\"}", EmailAddress.class).key())
        .isEqualTo("b@x.test");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "not-an-address", "", " ", "a@b", "ann@", "@example.com", "a@example.com, b@example.com",
      "ann@example.com\r\nBcc: victim@example.com", "ann@example.com\nX: y", "group: a@example.com;",
      "a b@example.com", "ann@exa mple.com"})
  void refuses_what_is_not_exactly_one_valid_mailbox(String text) {
    assertThatThrownBy(() -> EmailAddress.parse(text)).isInstanceOf(InvalidEmailAddressException.class);
  }

  @Test
  void header_form_quotes_what_needs_quoting() {
    assertThat(EmailAddress.parse("\"Lee, Ann\" <ann@example.com>").toHeaderForm()).isEqualTo("\"Lee, Ann\" <ann@example.com>");
  }

  @Test
  void a_quoted_local_part_that_needs_no_quoting_is_the_same_mailbox_unquoted() {
    assertThat(EmailAddress.parse("\"hana\"@acme.test")).isEqualTo(EmailAddress.parse("hana@acme.test"));
    assertThat(EmailAddress.parse("Emma <\"Emma\"@Example.com>").key()).isEqualTo("emma@example.com");
    assertThat(EmailAddress.parse("\"h\\ana\"@acme.test").key()).isEqualTo("hana@acme.test");
    assertThat(EmailAddress.parse("\"onboarding+x\"@acme.test").untaggedKey()).isEqualTo("onboarding@acme.test");
    // quotes that are needed stay: these are other mailboxes
    assertThat(EmailAddress.parse("\"a b\"@x.test").key()).isEqualTo("\"a b\"@x.test");
    assertThat(EmailAddress.parse("\"hana.\"@acme.test")).isNotEqualTo(EmailAddress.parse("hana@acme.test"));
    // the address as written is kept; only the identity is canonical
    assertThat(EmailAddress.parse("\"hana\"@acme.test").address()).isEqualTo("\"hana\"@acme.test");
  }

  @Test
  void a_domain_is_the_same_in_unicode_and_in_punycode() {
    EmailAddress unicode = EmailAddress.parse("a@B\u00fccher.example");
    assertThat(unicode).isEqualTo(EmailAddress.parse("a@xn--bcher-kva.example"));
    assertThat(unicode.domain()).isEqualTo("xn--bcher-kva.example");
    assertThat(unicode.address()).isEqualTo("a@B\u00fccher.example");
  }

  @ParameterizedTest
  @ValueSource(strings = {"<@relay.test:hana@acme.test>", "Hana <@a.test,@b.test:hana@acme.test>",
      "ann@[127.0.0.1]", "ann@[IPv6:::1]"})
  void source_routes_and_domain_literals_are_invalid(String text) {
    assertThatThrownBy(() -> EmailAddress.parse(text)).isInstanceOf(InvalidEmailAddressException.class);
  }
}
