package dev.deskcc.cc.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.error.ItemError;
import dev.deskcc.cc.refusal.CcRefusal;
import dev.deskcc.api.error.Verdict;
import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.Edition;
import dev.deskcc.api.settings.Acknowledgement;
import dev.deskcc.api.settings.PluginSettings;
import dev.deskcc.api.settings.SettingDefinition;
import dev.deskcc.api.settings.SettingType;
import dev.deskcc.api.settings.SettingsDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pf4j.Extension;

/**
 * The per-department settings of secondary contacts, worded as the feature's documentation words
 * them, and their plugin-specific rules.
 */
@Extension
public final class CcPluginSettings implements PluginSettings {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static final SettingsDescriptor DESCRIPTOR =
      new SettingsDescriptor(
          "Secondary Contacts (CC)",
          "Agents and customers can add secondary contacts (CC) to tickets of this department. "
              + "CCs are notified of ticket creation, agent replies, public comments and their "
              + "edits or deletions, and can track the ticket in the help center.",
          List.of(
              new SettingDefinition(
                  CcSettings.ENABLED,
                  "Enable Secondary Contacts (CC)",
                  "Adds the CC field to this department's tickets. It cannot be removed from the "
                      + "layout while the feature is enabled.",
                  SettingType.BOOLEAN,
                  JSON.booleanNode(false)),
              new SettingDefinition(
                  CcSettings.END_USERS_CAN_ADD,
                  "End users can add Secondary Contacts (CCs) to tickets in the help center",
                  "Customers can CC other users while submitting or replying to a ticket from the "
                      + "help center. Only available if a help center is added for the department.",
                  SettingType.BOOLEAN,
                  JSON.booleanNode(false)),
              new SettingDefinition(
                  CcSettings.AUTO_ADD_RECIPIENTS,
                  "Auto-add email recipients in the ticket's Secondary Contacts (CCs) field",
                  "Everyone in the To and Cc of an incoming email, other than the sender and the "
                      + "desk's own addresses, is added as a CC of the ticket while the rules allow.",
                  SettingType.BOOLEAN,
                  JSON.booleanNode(false)),
              new SettingDefinition(
                  CcSettings.BLOCKED_DOMAINS,
                  "Blocked domains",
                  "Addresses in these domains, or in their subdomains, cannot be added as CCs.",
                  SettingType.TEXT_LIST,
                  JSON.arrayNode()),
              // a choice (platform 1.2): the console offers exactly these values, the host refuses others
              SettingDefinition.choice(
                  CcSettings.MAIL_FROM_UNKNOWN_SENDERS,
                  "CCs added by email from unknown senders",
                  "HOLD_CCS (recommended): people an incoming email adds as CCs are recorded on the "
                      + "ticket but receive nothing until an agent replies on it, unless the sender "
                      + "is the requester or a CC of a ticket that an agent has already answered. "
                      + "This keeps the desk from relaying a stranger's text to the people they "
                      + "copied. NOTIFY_CCS: they are notified at once, like every other CC.",
                  Arrays.stream(MailSenderPolicy.values()).map(Enum::name).toList(),
                  MailSenderPolicy.HOLD_CCS.name()),
              new SettingDefinition(
                  CcMailSettings.NOTIFY_WHEN_ADDED,
                  "Tell people when they are added as a CC",
                  "Someone who joins the CC list after the ticket was created (by an agent, the "
                      + "requester, an email or a merge) gets one email saying who added them, why "
                      + "they get mail about the ticket and how to stop it. People added when the "
                      + "ticket is created are told by its first email instead.",
                  SettingType.BOOLEAN,
                  JSON.booleanNode(false)),
              SettingDefinition.choice(
                  CcMailSettings.CC_VISIBILITY,
                  "Who sees the CCs",
                  "VISIBLE: every email shows the requester and the CCs, and the help center shows "
                      + "the CC list. PRIVATE: each CC gets a copy addressed to them alone, the "
                      + "requester's copy shows no CCs, and in the help center a customer sees no "
                      + "CC other than themselves. Agents always see every CC.",
                  Arrays.stream(CcVisibility.values()).map(Enum::name).toList(),
                  CcVisibility.VISIBLE.name())),
          Edition.PROFESSIONAL,
          new Acknowledgement(
              CcSettings.ENABLED,
              "Enable Secondary Contacts (CC)?",
              "Agents and customers will be able to add secondary contacts (CC) to this "
                  + "department's tickets. CCs receive notifications of all key ticket activities "
                  + "and can view and track the ticket from the help center; a contact is created "
                  + "for every new CC address. The CC field is added to the department's layout and "
                  + "cannot be removed from it until the feature is disabled.",
              "I understand, enable"),
          // Where "enabled" is off the plugin accepts every change, adds no recipient, shows no
          // field and grants no access: the host may skip those calls altogether (SPI 1.1).
          CcSettings.ENABLED);

  @Override
  public SettingsDescriptor describe() {
    return DESCRIPTOR;
  }

  @Override
  public Verdict validate(String departmentId, ObjectNode proposed, PluginContext context) {
    if (proposed.path(CcSettings.END_USERS_CAN_ADD).asBoolean(false)
        && !context.directory().department(departmentId).map(Department::helpCenter).orElse(false)) {
      return Verdict.refuse(
          CcRefusal.HELP_CENTER_REQUIRED.refusal("End users can add CCs only in a department that has a help center"));
    }
    JsonNode policy = proposed.path(CcSettings.MAIL_FROM_UNKNOWN_SENDERS);
    if (!policy.isMissingNode() && MailSenderPolicy.parse(policy.asText()).isEmpty()) {
      return Verdict.refuse(
          CcRefusal.INVALID_SETTING.refusal("mailFromUnknownSenders must be HOLD_CCS or NOTIFY_CCS",
              List.of(new ItemError(policy.isTextual() ? policy.asText() : policy.toString(),
                  "INVALID_VALUE", "not one of HOLD_CCS, NOTIFY_CCS"))));
    }
    List<ItemError> bad = new ArrayList<>();
    for (JsonNode item : proposed.path(CcSettings.BLOCKED_DOMAINS)) {
      if (!item.isTextual() || DomainName.normalise(item.asText()).isEmpty()) {
        bad.add(
            new ItemError(
                item.isTextual() ? item.asText() : item.toString(),
                "INVALID_DOMAIN",
                "not a domain name"));
      }
    }
    if (!bad.isEmpty()) {
      return Verdict.refuse(
          CcRefusal.INVALID_SETTING.refusal("blockedDomains holds entries that are not domain names", bad));
    }
    return Verdict.accept();
  }
}
