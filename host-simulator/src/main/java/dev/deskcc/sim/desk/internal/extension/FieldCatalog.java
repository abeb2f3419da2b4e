package dev.deskcc.sim.desk.internal.extension;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskcc.api.error.ItemError;
import dev.deskcc.api.field.FieldContributor;
import dev.deskcc.api.field.FieldDefinition;
import dev.deskcc.api.model.Ticket;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.LayoutFieldView;
import dev.deskcc.sim.desk.ProblemCode;
import dev.deskcc.sim.desk.internal.change.PluginCalls;
import dev.deskcc.sim.plugins.PluginExtension;
import dev.deskcc.sim.store.StoreReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ticket fields of a department: the host's own, then those started plugins contribute.
 *
 * <p>The contributed fields are asked for on every ticket rendered and every field input checked
 * (three plugin calls per created ticket, each resolving the department's settings). A plugin's
 * fields follow from the department and the plugin's settings for it (that is what the SPI's
 * "where the plugin is off for it" and the descriptor's switch are about), so the answer is kept
 * per department and asked again only when the started field plugins or any of their stored
 * settings for that department differ from those it was computed with.
 */
public final class FieldCatalog {
  /** The host's own fields, always on a layout. */
  static final List<LayoutFieldView> BASE = List.of(
      LayoutFieldView.host("subject", "Subject", true, "Every ticket has a subject."),
      LayoutFieldView.host("description", "Description", false, null),
      LayoutFieldView.host("status", "Status", false, null),
      LayoutFieldView.host("requester", "Requester", true, "Every ticket has a requester."));

  /** A field a plugin contributes. */
  public record Contributed(PluginExtension<FieldContributor> ext, FieldDefinition definition) {}

  /**
   * What a department's contributed fields were computed from: the started field plugins and each
   * one's stored settings for the department ({@code null} where none are stored).
   */
  private record Basis(List<PluginExtension<FieldContributor>> extensions, List<ObjectNode> settings) {}

  private record Known(Basis basis, List<Contributed> fields) {}

  private final PluginCalls plugins;
  private final Map<String, Known> byDepartment = new ConcurrentHashMap<>();

  public FieldCatalog(PluginCalls plugins) {
    this.plugins = plugins;
  }

  /** The contributed fields of a department, plugins in id order; a name taken earlier is skipped. */
  public List<Contributed> contributed(StoreReader reader, String departmentId) {
    List<PluginExtension<FieldContributor>> extensions = plugins.host().extensions(FieldContributor.class);
    List<ObjectNode> settings = new ArrayList<>(extensions.size());
    for (PluginExtension<FieldContributor> ext : extensions) {
      settings.add(reader.pluginSettings(departmentId, ext.pluginId()).orElse(null));
    }
    Basis basis = new Basis(List.copyOf(extensions), settings);
    Known known = byDepartment.get(departmentId);
    if (known != null && known.basis().equals(basis)) {
      return known.fields();
    }
    List<Contributed> fields = List.copyOf(ask(reader, departmentId, extensions));
    byDepartment.put(departmentId, new Known(basis, fields));
    return fields;
  }

  private List<Contributed> ask(StoreReader reader, String departmentId,
      List<PluginExtension<FieldContributor>> extensions) {
    List<Contributed> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    BASE.forEach(b -> names.add(b.name()));
    for (PluginExtension<FieldContributor> ext : extensions) {
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
  public void requireKnown(StoreReader reader, String departmentId, Map<String, JsonNode> inputs) {
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
      throw new DeskException(ProblemCode.UNKNOWN_FIELD, "unknown ticket field: "
          + String.join(", ", unknown.stream().map(ItemError::value).toList()), unknown);
    }
  }

  /** The values of the ticket's contributed fields; a contact sees only fields visible to contacts. */
  public Map<String, JsonNode> values(StoreReader reader, Ticket ticket, boolean forContact, List<Contributed> fields) {
    return values(reader, ticket, forContact, fields, dev.deskcc.api.model.Actor.system());
  }

  /** As {@link #values(StoreReader, Ticket, boolean, List)}, as {@code viewer} is shown them. */
  public Map<String, JsonNode> values(StoreReader reader, Ticket ticket, boolean forContact, List<Contributed> fields,
      dev.deskcc.api.model.Actor viewer) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Contributed c : fields) {
      if (forContact && !c.definition().visibleToContacts()) {
        continue;
      }
      String name = c.definition().name();
      out.put(name, plugins.read(c.ext(), "FIELDS", null, reader, (f, ctx) -> f.value(ticket, name, viewer, ctx)));
    }
    return out;
  }
}
