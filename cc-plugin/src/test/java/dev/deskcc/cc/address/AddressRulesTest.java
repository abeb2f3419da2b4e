package dev.deskcc.cc.address;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.deskcc.api.host.PluginContext;
import dev.deskcc.cc.fake.CcPluginUnderTest;
import dev.deskcc.cc.fake.FakeDesk;
import dev.deskcc.cc.settings.CcSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressRulesTest {

  private final FakeDesk desk = FakeDesk.demo().blockedDomains("hr", "blocked.test");

  private Screening screen(String text) {
    return rules().screen(JsonNodeFactory.instance.textNode(text));
  }

  private Screening screen(JsonNode item) {
    return rules().screen(item);
  }

  private AddressRules rules() {
    PluginContext context = desk.context();
    return AddressRules.forTicket(
        context.contacts(), context.directory(), CcSettings.of("hr", context), "emma");
  }

  private static AddressCode code(Screening screening) {
    assertThat(screening).isInstanceOf(Screening.Rejected.class);
    return ((Screening.Rejected) screening).code();
  }

  @ParameterizedTest(name = "{0} is refused as {1}")
  @CsvSource({
    "not an address, INVALID_ADDRESS",
    "ann@, INVALID_ADDRESS",
    "ann@localhost, INVALID_ADDRESS",
    "'ann@x.org, bob@x.org', INVALID_ADDRESS",
    "gone@example.com, CONTACT_DELETED",
    "JUNK@spam.test, CONTACT_SPAM",
    "shadow@example.com, CONTACT_ANONYMOUS",
    "onboarding@acme.test, SUPPORT_ADDRESS",
    "Onboarding+Urgent@ACME.test, SUPPORT_ADDRESS",
    "it@acme.test, SUPPORT_ADDRESS",
    "noreply@acme.test, FROM_ADDRESS",
    "noreply+x@acme.test, FROM_ADDRESS",
    "it-noreply@acme.test, FROM_ADDRESS",
    "Alice@Acme.Test, AGENT_ADDRESS",
    "emma@EXAMPLE.com, REQUESTER",
    "someone@blocked.test, BLOCKED_DOMAIN",
    "someone@mail.eu.BLOCKED.test, BLOCKED_DOMAIN"
  })
  void an_address_that_may_not_be_a_cc_is_refused_with_its_code(String address, AddressCode expected) {
    assertThat(code(screen(address))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is refused as {1}")
  @CsvSource({
    "\"alice\"@acme.test, AGENT_ADDRESS",
    "Alice <\"Alice\"@ACME.test>, AGENT_ADDRESS",
    "\"onboarding\"@acme.test, SUPPORT_ADDRESS",
    "\"onboarding+x\"@acme.test, SUPPORT_ADDRESS",
    "\"noreply\"@acme.test, FROM_ADDRESS",
    "\"gone\"@example.com, CONTACT_DELETED",
    "\"emma\"@example.com, REQUESTER",
    "\"someone\"@blocked.test, BLOCKED_DOMAIN"
  })
  void a_quoted_local_part_that_needs_no_quoting_meets_the_rules_of_the_unquoted_address(
      String address, AddressCode expected) {
    assertThat(code(screen(address))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"<@relay.test:emma@example.com>", "ann@[127.0.0.1]", "Ann <ann@[IPv6:::1]>"})
  void source_routes_and_domain_literals_are_invalid_addresses(String address) {
    assertThat(code(screen(address))).isEqualTo(AddressCode.INVALID_ADDRESS);
  }

  @Test
  void a_blocked_domain_blocks_both_its_unicode_and_its_punycode_spelling() {
    desk.blockedDomains("hr", "b\u00fccher.example");
    assertThat(code(screen("a@b\u00fccher.example"))).isEqualTo(AddressCode.BLOCKED_DOMAIN);
    assertThat(code(screen("a@xn--bcher-kva.example"))).isEqualTo(AddressCode.BLOCKED_DOMAIN);
    assertThat(code(screen("a@mail.B\u00dcCHER.example"))).isEqualTo(AddressCode.BLOCKED_DOMAIN);
    desk.blockedDomains("hr", "xn--bcher-kva.example");
    assertThat(code(screen("a@b\u00fccher.example"))).isEqualTo(AddressCode.BLOCKED_DOMAIN);
  }

  @ParameterizedTest(name = "{0} is a look-alike")
  @CsvSource({
    "\u0430lice@acme.test",          // Cyrillic a
    "alice@\u0430cme.test",          // in the domain
    "alice@xn--cme-5cd.test",        // the same domain, in punycode
    "\u0410LICE@acme.test",          // Cyrillic capital A
    "\u043enboarding+x@acme.test",   // Cyrillic o, a plus-tagged support address
    "n\u03bfreply@acme.test",        // Greek omicron, a from-address
    "\uff41lice@acme.test"           // full-width a
  })
  void a_look_alike_of_a_desk_or_agent_address_is_refused(String address) {
    assertThat(code(screen(address))).isEqualTo(AddressCode.LOOKALIKE_ADDRESS);
  }

  @Test
  void a_non_latin_address_that_imitates_nobody_is_acceptable() {
    assertThat(screen("\u0430nna@example.com")).isInstanceOf(Screening.Acceptable.class);
    assertThat(screen("\u03b1\u03bd\u03bd\u03b1@\u03b5\u03bb.example")).isInstanceOf(Screening.Acceptable.class);
  }

  @Test
  void a_contact_names_a_cc_by_address_only_and_learns_nothing_from_an_id() {
    AddressRules forContact = rules().forContactRequest();
    Screening known = forContact.screen(CcPluginUnderTest.json("{\"contactId\": \"vera\"}"));
    Screening unknown = forContact.screen(CcPluginUnderTest.json("{\"contactId\": \"nobody\"}"));
    assertThat(code(known)).isEqualTo(AddressCode.INVALID_ADDRESS);
    assertThat(code(unknown)).isEqualTo(AddressCode.INVALID_ADDRESS);
    Screening.Rejected rejected = (Screening.Rejected) known;
    assertThat(rejected.value()).isEqualTo("{\"contactId\":\"vera\"}");
    assertThat(rejected.message()).isEqualTo(((Screening.Rejected) unknown).message());
    assertThat(rejected.key()).isNull();
    // an address still works
    assertThat(forContact.screen(JsonNodeFactory.instance.textNode("vera@verify-agency.test")))
        .isInstanceOf(Screening.Acceptable.class);
  }

  @Test
  void a_line_break_in_an_address_is_a_header_injection_and_invalid() {
    assertThat(code(screen("ann@x.org\r\nBcc: all@x.org"))).isEqualTo(AddressCode.INVALID_ADDRESS);
    assertThat(code(screen("Ann\n <ann@x.org>"))).isEqualTo(AddressCode.INVALID_ADDRESS);
  }

  @Test
  void a_domain_that_merely_ends_like_a_blocked_one_is_not_blocked() {
    assertThat(screen("ann@notblocked.test")).isInstanceOf(Screening.Acceptable.class);
  }

  @Test
  void an_address_with_a_display_name_is_acceptable_and_keeps_the_name() {
    Screening screening = screen("Ann Lee <ann@x.org>");
    assertThat(screening).isInstanceOf(Screening.Acceptable.class);
    CcCandidate candidate = ((Screening.Acceptable) screening).candidate();
    assertThat(candidate.address().displayName()).isEqualTo("Ann Lee");
    assertThat(candidate.key()).isEqualTo("ann@x.org");
    assertThat(candidate.contact()).isNull();
  }

  @Test
  void a_known_active_contact_is_acceptable_with_its_contact() {
    Screening screening = screen("VERA@verify-agency.test");
    assertThat(((Screening.Acceptable) screening).candidate().contact().id()).isEqualTo("vera");
  }

  @Test
  void a_contact_id_is_screened_like_the_contacts_address() {
    assertThat(screen(CcPluginUnderTest.json("{\"contactId\": \"vera\"}"))).isInstanceOf(Screening.Acceptable.class);
    assertThat(code(screen(CcPluginUnderTest.json("{\"contactId\": \"junk\"}")))).isEqualTo(AddressCode.CONTACT_SPAM);
    assertThat(code(screen(CcPluginUnderTest.json("{\"contactId\": \"gone\"}")))).isEqualTo(AddressCode.CONTACT_DELETED);
    assertThat(code(screen(CcPluginUnderTest.json("{\"contactId\": \"visitor\"}")))).isEqualTo(AddressCode.CONTACT_ANONYMOUS);
    assertThat(code(screen(CcPluginUnderTest.json("{\"contactId\": \"emma\"}")))).isEqualTo(AddressCode.REQUESTER);
  }

  @Test
  void an_unknown_contact_id_is_an_invalid_address_with_the_item_as_given() {
    Screening screening = screen(CcPluginUnderTest.json("{\"contactId\": \"nobody\"}"));
    assertThat(code(screening)).isEqualTo(AddressCode.INVALID_ADDRESS);
    assertThat(((Screening.Rejected) screening).value()).isEqualTo("{\"contactId\":\"nobody\"}");
  }

  @Test
  void an_item_that_is_neither_a_string_nor_a_contact_reference_is_invalid() {
    assertThat(code(screen(CcPluginUnderTest.json("42")))).isEqualTo(AddressCode.INVALID_ADDRESS);
    assertThat(code(screen(CcPluginUnderTest.json("{\"email\": \"a@b.org\"}")))).isEqualTo(AddressCode.INVALID_ADDRESS);
  }
}
