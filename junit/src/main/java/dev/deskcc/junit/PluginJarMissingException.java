package dev.deskcc.junit;

/**
 * The plugin jar a {@link DeskSimulatorTest} runs was not found (or was not one jar). The message
 * says where the extension looked and how to make the jar.
 *
 * @since 1.2
 */
public final class PluginJarMissingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message where the extension looked and what to do */
  public PluginJarMissingException(String message) {
    super(message);
  }
}
