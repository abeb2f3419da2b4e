package dev.deskcc.cc.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.host.PluginContext;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The plugin's settings for one department, as read from the host.
 *
 * @param blockedDomains normalised (lower-case ASCII) domain names; entries that are not valid
 *     domain names are ignored here (validation keeps them out of storage)
 * @param mailFromUnknownSenders what CCs added by mail from an unknown sender get; an unreadable
 *     stored value reads as the safe {@link MailSenderPolicy#HOLD_CCS}
 */
public record CcSettings(
    boolean enabled,
    boolean endUsersCanAdd,
    boolean autoAddRecipients,
    Set<String> blockedDomains,
    MailSenderPolicy mailFromUnknownSenders) {

  public static final String ENABLED = "enabled";
  public static final String END_USERS_CAN_ADD = "endUsersCanAdd";
  public static final String AUTO_ADD_RECIPIENTS = "autoAddRecipients";
  public static final String BLOCKED_DOMAINS = "blockedDomains";
  public static final String MAIL_FROM_UNKNOWN_SENDERS = "mailFromUnknownSenders";

  /** Everything off: the defaults a department starts with. */
  public static final CcSettings DEFAULTS =
      new CcSettings(false, false, false, Set.of(), MailSenderPolicy.HOLD_CCS);

  public CcSettings {
    blockedDomains = Set.copyOf(blockedDomains);
    java.util.Objects.requireNonNull(mailFromUnknownSenders, "mailFromUnknownSenders");
  }

  /** These settings with everything else as it is and the first four as given. */
  public CcSettings(boolean enabled, boolean endUsersCanAdd, boolean autoAddRecipients, Set<String> blockedDomains) {
    this(enabled, endUsersCanAdd, autoAddRecipients, blockedDomains, MailSenderPolicy.HOLD_CCS);
  }

  /** The department's settings (stored values over the declared defaults). */
  public static CcSettings of(String departmentId, PluginContext context) {
    return from(context.settings(departmentId));
  }

  /**
   * Only whether the department has the feature on: for callers that need nothing else, without
   * reading the other settings.
   */
  public static boolean enabled(String departmentId, PluginContext context) {
    return context.settings(departmentId).path(ENABLED).asBoolean(false);
  }

  /** Reads settings from their JSON form; members left out take their defaults. */
  public static CcSettings from(ObjectNode node) {
    Set<String> domains = new LinkedHashSet<>();
    for (JsonNode item : node.path(BLOCKED_DOMAINS)) {
      if (item.isTextual()) {
        DomainName.normalise(item.asText()).ifPresent(domains::add);
      }
    }
    return new CcSettings(
        node.path(ENABLED).asBoolean(false),
        node.path(END_USERS_CAN_ADD).asBoolean(false),
        node.path(AUTO_ADD_RECIPIENTS).asBoolean(false),
        domains,
        MailSenderPolicy.parse(node.path(MAIL_FROM_UNKNOWN_SENDERS).asText(""))
            .orElse(MailSenderPolicy.HOLD_CCS));
  }

  /**
   * Whether mail to this (lower-case) domain is blocked: the domain itself or one of its parent
   * domains is listed. Cost: one set look-up per label.
   */
  public boolean blocks(String domain) {
    if (blockedDomains.isEmpty()) {
      return false;
    }
    String candidate = domain;
    while (true) {
      if (blockedDomains.contains(candidate)) {
        return true;
      }
      int dot = candidate.indexOf('.');
      if (dot < 0) {
        return false;
      }
      candidate = candidate.substring(dot + 1);
    }
  }
}
