package dev.deskcc.cc.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.error.ItemError;
import dev.deskcc.api.error.Verdict;
import dev.deskcc.api.model.Edition;
import dev.deskcc.api.settings.SettingDefinition;
import dev.deskcc.cc.fake.CcPluginUnderTest;
import dev.deskcc.cc.fake.FakeDesk;
import org.junit.jupiter.api.Test;

class CcPluginSettingsTest {

  private final CcPluginSettings settings = new CcPluginSettings();
  private final FakeDesk desk = FakeDesk.demo();

  private Verdict validate(String department, String json) {
    return settings.validate(department, (ObjectNode) CcPluginUnderTest.json(json), desk.readOnlyContext());
  }

  @Test
  void the_settings_default_to_everything_off_with_no_blocked_domains_and_strangers_ccs_held() {
    assertThat(settings.describe().settings())
        .extracting(SettingDefinition::name, d -> d.defaultValue().toString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("enabled", "false"),
            org.assertj.core.groups.Tuple.tuple("endUsersCanAdd", "false"),
            org.assertj.core.groups.Tuple.tuple("autoAddRecipients", "false"),
            org.assertj.core.groups.Tuple.tuple("blockedDomains", "[]"),
            org.assertj.core.groups.Tuple.tuple("mailFromUnknownSenders", "\"HOLD_CCS\""),
            org.assertj.core.groups.Tuple.tuple("notifyWhenAdded", "false"),
            org.assertj.core.groups.Tuple.tuple("ccVisibility", "\"VISIBLE\""));
  }

  @Test
  void cc_visibility_is_a_choice_of_visible_and_private() {
    SettingDefinition visibility = settings.describe().settings().stream()
        .filter(d -> d.name().equals("ccVisibility")).findFirst().orElseThrow();
    assertThat(visibility.type()).isEqualTo(dev.deskcc.api.settings.SettingType.CHOICE);
    assertThat(visibility.choices()).containsExactly("VISIBLE", "PRIVATE");
  }

  @Test
  void mail_from_unknown_senders_is_a_choice_of_the_policies() {
    SettingDefinition policy = settings.describe().settings().stream()
        .filter(d -> d.name().equals("mailFromUnknownSenders")).findFirst().orElseThrow();

    assertThat(policy.type()).isEqualTo(dev.deskcc.api.settings.SettingType.CHOICE);
    assertThat(policy.choices()).containsExactly("HOLD_CCS", "NOTIFY_CCS");
  }

  @Test
  void the_options_are_worded_as_the_feature_documents_them() {
    assertThat(settings.describe().settings()).extracting(SettingDefinition::label).contains(
        "End users can add Secondary Contacts (CCs) to tickets in the help center",
        "Auto-add email recipients in the ticket's Secondary Contacts (CCs) field");
  }

  @Test
  void enabling_needs_an_acknowledgement_and_the_professional_edition() {
    assertThat(settings.describe().minimumEdition()).isEqualTo(Edition.PROFESSIONAL);
    assertThat(settings.describe().acknowledgement().setting()).isEqualTo("enabled");
    assertThat(settings.describe().acknowledgement().confirmLabel()).isEqualTo("I understand, enable");
  }

  @Test
  void end_users_adding_ccs_needs_a_help_center() {
    Verdict verdict = validate("it", "{\"enabled\": true, \"endUsersCanAdd\": true, \"autoAddRecipients\": false, \"blockedDomains\": []}");
    assertThat(CcPluginUnderTest.refusal(verdict).code()).isEqualTo("HELP_CENTER_REQUIRED");
    assertThat(validate("hr", "{\"enabled\": true, \"endUsersCanAdd\": true, \"autoAddRecipients\": false, \"blockedDomains\": []}"))
        .isEqualTo(Verdict.accept());
  }

  @Test
  void blocked_domains_must_be_domain_names() {
    Verdict verdict = validate("hr", "{\"enabled\": true, \"endUsersCanAdd\": false, \"autoAddRecipients\": false, "
        + "\"blockedDomains\": [\"example.com\", \"Sub.Example.ORG\", \"bücher.de\", \"not a domain\", \"-bad.com\", \"a..b\", \"x@y.org\"]}");
    var refusal = CcPluginUnderTest.refusal(verdict);
    assertThat(refusal.code()).isEqualTo("INVALID_SETTING");
    assertThat(refusal.items()).extracting(ItemError::value).containsExactly("not a domain", "-bad.com", "a..b", "x@y.org");
  }

  @Test
  void mail_from_unknown_senders_is_hold_ccs_or_notify_ccs() {
    String base = "{\"enabled\": true, \"endUsersCanAdd\": false, \"autoAddRecipients\": true, \"blockedDomains\": [], ";
    assertThat(validate("hr", base + "\"mailFromUnknownSenders\": \"NOTIFY_CCS\"}")).isEqualTo(Verdict.accept());
    assertThat(validate("hr", base + "\"mailFromUnknownSenders\": \"HOLD_CCS\"}")).isEqualTo(Verdict.accept());
    var refusal = CcPluginUnderTest.refusal(validate("hr", base + "\"mailFromUnknownSenders\": \"hold_ccs\"}"));
    assertThat(refusal.code()).isEqualTo("INVALID_SETTING");
    assertThat(refusal.items()).extracting(ItemError::value, ItemError::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("hold_ccs", "INVALID_VALUE"));
  }

  @Test
  void an_unreadable_stored_policy_reads_as_the_safe_one() {
    assertThat(CcSettings.from((ObjectNode) CcPluginUnderTest.json("{\"mailFromUnknownSenders\": \"SOMETHING\"}"))
        .mailFromUnknownSenders()).isEqualTo(MailSenderPolicy.HOLD_CCS);
    assertThat(CcSettings.from((ObjectNode) CcPluginUnderTest.json("{}")).mailFromUnknownSenders())
        .isEqualTo(MailSenderPolicy.HOLD_CCS);
  }

  @Test
  void a_blocked_domain_blocks_its_subdomains_whatever_the_case() {
    CcSettings s = new CcSettings(true, false, false, java.util.Set.of("example.com"));
    assertThat(s.blocks("example.com")).isTrue();
    assertThat(s.blocks("mail.example.com")).isTrue();
    assertThat(s.blocks("badexample.com")).isFalse();
    assertThat(CcSettings.from((ObjectNode) CcPluginUnderTest.json("{\"blockedDomains\": [\"EXAMPLE.com.\"]}")).blockedDomains())
        .containsExactly("example.com");
  }
}
