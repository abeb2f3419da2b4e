package dev.deskcc.sim.cli;

/**
 * Names Jakarta Mail's stream provider up front, for the launcher's JVM.
 *
 * <p>jakarta.mail-api 2.1 looks its {@code StreamProvider} up again for every header section, body
 * part and multipart it creates: with no system property naming it, that is a {@code ServiceLoader}
 * scan of the class path (every jar of the distribution, reading the services file anew), which
 * was about a fifth of parsing an inbound message. With the property set, the look-up is one
 * loaded-class query. Setting a JVM-wide property is the launcher's business (it owns the JVM),
 * never the simulator library's; an operator's own {@code -D} value is kept.
 */
final class MailStreamProviderPin {

  static final String PROPERTY = "jakarta.mail.util.StreamProvider";
  static final String ANGUS_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

  private MailStreamProviderPin() {}

  /** Sets the property to Angus Mail's provider when unset and Angus Mail is on the class path. */
  static void apply() {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    try {
      // Not initialised here: only whether the class is there (a wrong name would break all mail).
      Class.forName(ANGUS_PROVIDER, false, MailStreamProviderPin.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return;
    }
    System.setProperty(PROPERTY, ANGUS_PROVIDER);
  }
}
