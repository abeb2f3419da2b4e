package dev.deskcc.api.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.error.Verdict;
import dev.deskcc.api.host.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * Describes a plugin's per-department settings and checks changes to them. At most one per
 * plugin.
 *
 * <p>The host owns the generic part of a settings write: only admins (403 {@code FORBIDDEN}),
 * the edition ({@link SettingsDescriptor#minimumEdition()}), value types (400), the
 * acknowledgement. Then it calls {@link #validate} with the complete proposed settings for the
 * plugin's own rules, and stores them if accepted.
 *
 * @since 1.0
 */
public interface PluginSettings extends ExtensionPoint {

  /**
   * Called often; must return the same description every time.
   *
   * @since 1.0
   */
  SettingsDescriptor describe();

  /**
   * Checks settings an admin is about to store for a department.
   *
   * @param proposed every declared setting with its proposed value (stored values where the
   *     request left one out)
   * @param context read-only
   * @since 1.0
   */
  Verdict validate(String departmentId, ObjectNode proposed, PluginContext context);
}
