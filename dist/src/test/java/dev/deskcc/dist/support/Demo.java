package dev.deskcc.dist.support;

/** Tokens of the demo fixtures (the distribution's and the simulator's built-in one share them). */
public final class Demo {

  private Demo() {}

  /** Alice Admin: an agent with the administrative privilege, in every department. */
  public static final String ADMIN = "alice-token";
  /** Hana Hiring: the HR executive, an agent of HR Onboarding. */
  public static final String HR_AGENT = "hana-token";
  /** Mona Manager: Carl the customer's manager, copied on his ticket. */
  public static final String MANAGER = "mona-token";
  /** Vera Verify: the external verification agency's contact. */
  public static final String AGENCY = "vera-token";

  public static final String PLUGIN_ID = "secondary-contacts";
}
