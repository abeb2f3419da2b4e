package dev.deskcc.sim.desk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.error.ItemError;
import dev.deskcc.api.field.FieldContributor;
import dev.deskcc.api.field.FieldDefinition;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.sim.plugins.PluginExtension;
import dev.deskcc.sim.store.StoreReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The ticket fields of a department: the host's own, then those started plugins contribute. */
final class FieldCatalog {
  /** The host's own fields, always on a layout. */
  static final List<LayoutFieldView> BASE = List.of(
      LayoutFieldView.host("subject", "Subject", true, "Every ticket has a subject."),
      LayoutFieldView.host("description", "Description", false, null),
      LayoutFieldView.host("status", "Status", false, null),
      LayoutFieldView.host("requester", "Requester", true, "Every ticket has a requester."));

  /** A field a plugin contributes. */
  record Contributed(PluginExtension<FieldContributor> ext, FieldDefinition definition) {}

  private final PluginCalls plugins;

  FieldCatalog(PluginCalls plugins) {
    this.plugins = plugins;
  }

  /** The contributed fields of a department, plugins in id order; a name taken earlier is skipped. */
  List<Contributed> contributed(StoreReader reader, String departmentId) {
    List<Contributed> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    BASE.forEach(b -> names.add(b.name()));
    for (PluginExtension<FieldContributor> ext : plugins.host().extensions(FieldContributor.class)) {
      if (!plugins.active(ext.pluginId(), departmentId, reader)) {
        continue;
      }
      List<FieldDefinition> defs = plugins.read(ext, "FIELDS", null, reader, (f, ctx) -> f.fields(departmentId, ctx));
      for (FieldDefinition d : defs) {
        if (names.add(d.name())) {
          out.add(new Contributed(ext, d));
        }
      }
    }
    return out;
  }

  /** Refuses field inputs that the department's tickets do not have (422 UNKNOWN_FIELD). */
  void requireKnown(StoreReader reader, String departmentId, Map<String, JsonNode> inputs) {
    if (inputs == null || inputs.isEmpty()) {
      return;
    }
    Set<String> known = new HashSet<>();
    contributed(reader, departmentId).forEach(c -> known.add(c.definition().name()));
    List<ItemError> unknown = new ArrayList<>();
    for (String name : inputs.keySet()) {
      if (!known.contains(name)) {
        unknown.add(new ItemError(name, "UNKNOWN_FIELD", "the department's tickets have no field '" + name + "'"));
      }
    }
    if (!unknown.isEmpty()) {
      throw new DeskException(422, "UNKNOWN_FIELD", "unknown ticket field: "
          + String.join(", ", unknown.stream().map(ItemError::value).toList()), unknown);
    }
  }

  /** The values of the ticket's contributed fields; a contact sees only fields visible to contacts. */
  Map<String, JsonNode> values(StoreReader reader, Ticket ticket, boolean forContact, List<Contributed> fields) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Contributed c : fields) {
      if (forContact && !c.definition().visibleToContacts()) {
        continue;
      }
      String name = c.definition().name();
      out.put(name, plugins.read(c.ext(), "FIELDS", null, reader, (f, ctx) -> f.value(ticket, name, ctx)));
    }
    return out;
  }
}
