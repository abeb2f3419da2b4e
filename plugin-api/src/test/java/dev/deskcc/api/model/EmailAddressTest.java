package dev.deskcc.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
