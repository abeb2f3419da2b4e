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
