package dev.deskcc.cc.refusal;

import dev.deskcc.api.error.ItemError;
import dev.deskcc.api.error.Refusal;
import dev.deskcc.api.error.RefusalCode;
import dev.deskcc.api.error.RefusalKind;
import java.util.List;

/**
 * Every code the plugin refuses a change or a setting with. Refusals are built only here, so the
 * codes {@link CcRefusalCodes} declares for the host's API reference are exactly the ones a caller
 * can receive (CcRefusalTest keeps it so).
 */
public enum CcRefusal {
  CC_REJECTED(RefusalKind.INVALID, "one or more CC addresses cannot be added; errors lists each with its reason"),
  CC_LIMIT_EXCEEDED(RefusalKind.INVALID, "the change would leave the ticket with more CCs than the limit"),
  END_USER_CC_DISABLED(RefusalKind.INVALID, "an end user tried to add CCs where the department does not let them"),
  INVALID_FIELD_VALUE(RefusalKind.INVALID, "the cc field is not a list of addresses or {\"contactId\"} objects"),
  INVALID_CC_SOURCE(RefusalKind.INVALID, "a merge's ccFrom is neither one of the merged tickets nor ALL"),
  HELP_CENTER_REQUIRED(RefusalKind.INVALID, "end-user CCs were turned on in a department without a help center"),
  INVALID_SETTING(RefusalKind.INVALID, "a plugin setting has a value the plugin does not accept");

  private final RefusalKind kind;
  private final String description;

  CcRefusal(RefusalKind kind, String description) {
    this.kind = kind;
    this.description = description;
  }

  /** This refusal, with a message for the caller. */
  public Refusal refusal(String message) {
    return refusal(message, List.of());
  }

  /** This refusal, with a message and one row per rejected item. */
  public Refusal refusal(String message, List<ItemError> items) {
    return new Refusal(kind, name(), message, items);
  }

  /** How the host's API reference lists it. */
  public RefusalCode declared() {
    return new RefusalCode(name(), kind, description);
  }
}
