package dev.deskcc.sim.desk.internal.extension;

import dev.deskcc.api.model.Agent;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.settings.PluginSettings;
import dev.deskcc.sim.PluginStatus;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.DepartmentList;
import dev.deskcc.sim.desk.DepartmentPluginList;
import dev.deskcc.sim.desk.DepartmentPluginView;
import dev.deskcc.sim.desk.DepartmentView;
import dev.deskcc.sim.desk.LayoutFieldView;
import dev.deskcc.sim.plugins.PluginExtension;
import dev.deskcc.sim.plugins.PluginHost;
import dev.deskcc.sim.store.StoreReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Read-only descriptions that let a generic UI render what plugins publish without knowing any
 * plugin: departments with their ticket field definitions, and each plugin's settings descriptor.
 */
public final class Descriptions {
  private final Supplier<StoreReader> reader;
  private final FieldCatalog fieldCatalog;
  private final SettingsDefaults settingsDefaults;
  private final PluginHost plugins;

  public Descriptions(Supplier<StoreReader> reader, FieldCatalog fieldCatalog, SettingsDefaults settingsDefaults,
      PluginHost plugins) {
    this.reader = reader;
    this.fieldCatalog = fieldCatalog;
    this.settingsDefaults = settingsDefaults;
    this.plugins = plugins;
  }

  /**
   * Agents: the departments they work in (admins: all). Contacts: the departments with a help
   * center, with only the fields contacts see.
   */
  public DepartmentList departments(Caller caller) {
    StoreReader r = reader.get();
    List<DepartmentView> out = new ArrayList<>();
    Agent agent = caller.isContact() ? null : Access.agent(r, caller);
    for (Department d : r.departments()) {
      boolean listed = agent == null ? d.helpCenter() : Access.mayWork(agent, d.id());
      if (listed) {
        List<LayoutFieldView> fields = new ArrayList<>();
        for (FieldCatalog.Contributed c : fieldCatalog.contributed(r, d.id())) {
          if (agent != null || c.definition().visibleToContacts()) {
            fields.add(LayoutFieldView.of(c.definition(), c.ext().pluginId()));
          }
        }
        out.add(new DepartmentView(d.id(), d.name(), d.helpCenter(), fields));
      }
    }
    return new DepartmentList(out);
  }

  /** Agents: every started plugin with settings, its descriptor and its settings for the department. */
  public DepartmentPluginList departmentPlugins(Caller caller, String departmentId) {
    Access.requireAgent(caller);
    StoreReader r = reader.get();
    Access.workedDepartment(r, caller, departmentId);
    List<DepartmentPluginView> out = new ArrayList<>();
    for (PluginExtension<PluginSettings> ext : plugins.extensions(PluginSettings.class)) {
      String id = ext.pluginId();
      settingsDefaults.descriptor(id).ifPresent(d -> out.add(new DepartmentPluginView(id,
          plugins.status(id).map(PluginStatus::version).orElse(null), d,
          settingsDefaults.settings(r, departmentId, id))));
    }
    return new DepartmentPluginList(out);
  }
}
