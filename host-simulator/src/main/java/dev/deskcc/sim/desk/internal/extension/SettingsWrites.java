package dev.deskcc.sim.desk.internal.extension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.api.error.ItemError;
import dev.deskcc.api.error.Verdict;
import dev.deskcc.api.model.Org;
import dev.deskcc.api.settings.PluginSettings;
import dev.deskcc.api.settings.SettingDefinition;
import dev.deskcc.api.settings.SettingsDescriptor;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.ProblemCode;
import dev.deskcc.sim.desk.internal.change.Details;
import dev.deskcc.sim.desk.internal.change.PluginCalls;
import dev.deskcc.sim.plugins.PluginExtension;
import dev.deskcc.sim.plugins.PluginFailure;
import dev.deskcc.sim.store.StoreTx;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The host's part of a plugin settings write: declared names and JSON types (400), the edition
 * (403), the acknowledgement (409), then the plugin's own rules; members left out keep their
 * values.
 */
public final class SettingsWrites {
  private final SettingsDefaults settingsDefaults;
  private final PluginCalls calls;

  public SettingsWrites(SettingsDefaults settingsDefaults, PluginCalls calls) {
    this.settingsDefaults = settingsDefaults;
    this.calls = calls;
  }

  /** Validates and stores; answers the settings as they now are. */
  public ObjectNode write(StoreTx tx, String departmentId, String pluginId, JsonNode body) {
    SettingsDescriptor descriptor = describe(pluginId);
    if (body == null || !body.isObject()) {
      throw DeskException.badRequest("settings must be a JSON object");
    }
    Map<String, SettingDefinition> declared = new LinkedHashMap<>();
    descriptor.settings().forEach(s -> declared.put(s.name(), s));
    boolean acknowledged = false;
    ObjectNode current = settingsDefaults.settings(tx, departmentId, pluginId);
    ObjectNode proposed = current.deepCopy();
    for (Map.Entry<String, JsonNode> f : Details.iterable(body)) {
      String name = f.getKey();
      JsonNode value = f.getValue();
      if (name.equals("acknowledged")) {
        if (!value.isBoolean()) {
          throw DeskException.badRequest("acknowledged must be a boolean");
        }
        acknowledged = value.booleanValue();
        continue;
      }
      SettingDefinition def = declared.get(name);
      if (def == null) {
        throw DeskException.badRequest("unknown setting '" + name + "'");
      }
      if (!def.hasType(value)) {
        throw DeskException.badRequest("setting '" + name + "' must be " + def.type().name().toLowerCase(Locale.ROOT));
      }
      if (!def.allows(value)) {
        // the right JSON type, but not a declared value: the plugin would read what it never offered
        throw new DeskException(ProblemCode.INVALID_CHOICE, "setting '" + name + "' must be one of " + def.choices(),
            List.of(new ItemError(value.textValue(), "INVALID_CHOICE", "not one of " + def.choices())));
      }
      proposed.set(name, value.deepCopy());
    }
    Org org = tx.org().orElseThrow();
    if (!org.edition().includes(descriptor.minimumEdition())) {
      throw new DeskException(ProblemCode.EDITION_NOT_SUPPORTED, "these settings need edition "
          + descriptor.minimumEdition() + " or above; the organisation has " + org.edition());
    }
    if (descriptor.acknowledgement() != null) {
      String s = descriptor.acknowledgement().setting();
      boolean was = current.path(s).asBoolean(false);
      boolean will = proposed.path(s).asBoolean(false);
      if (!was && will && !acknowledged) {
        // say what is acknowledged: a client that never read the description learns it here
        throw new DeskException(ProblemCode.ACKNOWLEDGEMENT_REQUIRED, "turning '" + s + "' on needs \"acknowledged\": true,"
            + " the admin's acknowledgement of \"" + descriptor.acknowledgement().title() + "\": "
            + descriptor.acknowledgement().text()
            + " (the same text is in GET /api/v1/departments/{id}/plugins, descriptor.acknowledgement)");
      }
    }
    ObjectNode stored = JsonNodeFactory.instance.objectNode();
    declared.keySet().forEach(n -> stored.set(n, proposed.get(n)));
    PluginExtension<PluginSettings> ext = settingsDefaults.extension(pluginId).orElseThrow();
    Verdict verdict = calls.read(ext, "SETTINGS", null, tx, (p, ctx) -> p.validate(departmentId, stored.deepCopy(), ctx));
    if (verdict instanceof Verdict.Refused refused) {
      throw DeskException.of(refused.refusal());
    }
    tx.putPluginSettings(departmentId, pluginId, stored);
    return settingsDefaults.settings(tx, departmentId, pluginId);
  }

  public SettingsDescriptor describe(String pluginId) {
    try {
      return settingsDefaults.descriptor(pluginId)
          .orElseThrow(() -> DeskException.notFound("no plugin '" + pluginId + "' with settings"));
    } catch (PluginFailure f) {
      throw new DeskException(ProblemCode.PLUGIN_FAILED, f.getMessage());
    }
  }
}
