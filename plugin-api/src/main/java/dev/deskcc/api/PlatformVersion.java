package dev.deskcc.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this SPI. Hosts pass it to PF4J as the system version, so a plugin whose
 * {@code Plugin-Requires} range excludes it is not started.
 *
 * <p>History: 1.0.0, the first SPI. 1.1.0 added {@link
 * dev.deskcc.api.settings.SettingsDescriptor#activeWhen()} (a plugin's per-department on/off
 * switch; the 1.0 constructor remains, so plugins built against 1.0 still load). 1.2.0 added
 * {@link dev.deskcc.api.participant.TicketParticipants} (a plugin names a ticket's participants,
 * so mail that names a ticket only by number threads for them alone) and {@link
 * dev.deskcc.api.settings.SettingType#CHOICE} (an enumerated setting the host validates;
 * {@code SettingDefinition}'s five-argument constructor remains); additive, so 1.0 and 1.1
 * plugins still load. 1.2.0 also added {@link dev.deskcc.api.error.RefusalCodes} and {@link
 * dev.deskcc.api.lifecycle.InboundMail#invalidRecipients()}. 1.3.0 added {@link
 * dev.deskcc.api.host.PluginContext#changeStore()} (a plugin's {@link
 * dev.deskcc.api.host.ChangeStore} for one change, so its later callbacks of the change reuse what
 * its check worked out); additive, so 1.0 to 1.2 plugins still load.
 *
 * @since 1.0
 */
public final class PlatformVersion {

  /**
   * The SPI version this jar implements, for example {@code 1.1.0}. Never {@code null}.
   *
   * @since 1.0
   */
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
