package dev.deskcc.sim.cli;

import java.util.List;

/**
 * The libraries whose INFO lines {@code simplelogger.properties} holds back, and {@code --verbose},
 * which lets them through. slf4j-simple reads a logger's level from system properties (before its
 * properties file) when the logger is made, so this must run before the simulator starts.
 */
final class LibraryLogging {
  /** Logger name prefixes held at WARN by default. */
  static final List<String> LIBRARIES =
      List.of("org.pf4j", "org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari", "org.flywaydb");

  private LibraryLogging() {}

  /** Lets the libraries' INFO lines through, unless the operator set a level of their own. */
  static void verbose() {
    for (String library : LIBRARIES) {
      String key = "org.slf4j.simpleLogger.log." + library;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "info");
      }
    }
  }
}
