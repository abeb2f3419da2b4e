package dev.deskcc.sim.desk.internal.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskcc.sim.desk.Caller;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.LayoutRequest;
import dev.deskcc.sim.desk.LayoutView;
import dev.deskcc.sim.desk.internal.change.Lifecycle;
import dev.deskcc.sim.desk.internal.extension.Access;
import dev.deskcc.sim.desk.internal.extension.Layouts;
import dev.deskcc.sim.desk.internal.extension.SettingsDefaults;
import dev.deskcc.sim.desk.internal.extension.SettingsWrites;
import dev.deskcc.sim.store.StoreReader;

/** A department's configuration: plugin settings and the ticket layout (agents read, admins write). */
public final class DepartmentSetup {
  private final Lifecycle lifecycle;
  private final SettingsDefaults settingsDefaults;
  private final SettingsWrites settingsWrites;
  private final Layouts layouts;

  public DepartmentSetup(Lifecycle lifecycle, SettingsDefaults settingsDefaults, SettingsWrites settingsWrites,
      Layouts layouts) {
    this.lifecycle = lifecycle;
    this.settingsDefaults = settingsDefaults;
    this.settingsWrites = settingsWrites;
    this.layouts = layouts;
  }

  public ObjectNode settings(Caller caller, String departmentId, String pluginId) {
    Access.requireAgent(caller);
    StoreReader r = lifecycle.reader();
    Access.workedDepartment(r, caller, departmentId);
    settingsWrites.describe(pluginId);
    return settingsDefaults.settings(r, departmentId, pluginId);
  }

  public ObjectNode putSettings(Caller caller, String departmentId, String pluginId, JsonNode body) {
    Access.requireAdmin(caller);
    return lifecycle.run(caller.actor(), change -> {
      // a read-modify-write of the stored settings: no other writer of this department's settings meanwhile
      change.tx().lockDepartment(departmentId);
      Access.department(change.tx(), departmentId);
      ObjectNode written = settingsWrites.write(change.tx(), departmentId, pluginId, body);
      // later plugin calls of this change (a fixture batch) must see the new values
      change.settings().invalidate();
      return written;
    });
  }

  public LayoutView layout(Caller caller, String departmentId) {
    Access.requireAgent(caller);
    StoreReader r = lifecycle.reader();
    Access.workedDepartment(r, caller, departmentId);
    return layouts.of(r, departmentId);
  }

  public LayoutView putLayout(Caller caller, String departmentId, LayoutRequest request) {
    Access.requireAdmin(caller);
    if (request == null || request.fields() == null) {
      throw DeskException.badRequest("fields is required");
    }
    return lifecycle.run(caller.actor(), change -> {
      change.tx().lockDepartment(departmentId);
      Access.department(change.tx(), departmentId);
      return layouts.put(change.tx(), departmentId, request);
    });
  }
}
