package dev.deskcc.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this SPI. Hosts pass it to PF4J as the system version, so a plugin whose
 * {@code Plugin-Requires} range excludes it is not started.
 */
public final class PlatformVersion {

  /** The SPI version this jar implements, for example {@code 1.0.0}. Never {@code null}. */
  public static final String CURRENT = read();

  private PlatformVersion() {}

  private static String read() {
    try (InputStream in = PlatformVersion.class.getResourceAsStream("platform.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("platform.version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
