package dev.deskcc.sim.desk.internal.extension;

import dev.deskcc.api.error.ItemError;
import dev.deskcc.sim.desk.DeskException;
import dev.deskcc.sim.desk.LayoutFieldView;
import dev.deskcc.sim.desk.LayoutRequest;
import dev.deskcc.sim.desk.LayoutView;
import dev.deskcc.sim.desk.ProblemCode;
import dev.deskcc.sim.store.StoreReader;
import dev.deskcc.sim.store.StoreTx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Department layouts: the host's own fields and the contributed ones, in the order an admin
 * chose; locked fields cannot be dropped.
 */
public final class Layouts {
  private final FieldCatalog fieldCatalog;

  public Layouts(FieldCatalog fieldCatalog) {
    this.fieldCatalog = fieldCatalog;
  }

  public LayoutView of(StoreReader r, String departmentId) {
    Map<String, LayoutFieldView> available = available(r, departmentId);
    List<LayoutFieldView> out = new ArrayList<>();
    Optional<List<String>> stored = r.layout(departmentId);
    if (stored.isEmpty()) {
      return new LayoutView(List.copyOf(available.values()));
    }
    Set<String> placed = new HashSet<>();
    for (String name : stored.get()) {
      LayoutFieldView f = available.get(name);
      if (f != null && placed.add(name)) {
        out.add(f);
      }
    }
    // fields that appeared since the layout was saved (a plugin switched on) go at the end;
    // the host's own fields an admin removed stay removed
    for (LayoutFieldView f : available.values()) {
      if (!placed.contains(f.name()) && (f.plugin() != null || f.locked())) {
        out.add(f);
      }
    }
    return new LayoutView(out);
  }

  private Map<String, LayoutFieldView> available(StoreReader r, String departmentId) {
    Map<String, LayoutFieldView> available = new LinkedHashMap<>();
    FieldCatalog.BASE.forEach(f -> available.put(f.name(), f));
    for (FieldCatalog.Contributed c : fieldCatalog.contributed(r, departmentId)) {
      available.put(c.definition().name(), LayoutFieldView.of(c.definition(), c.ext().pluginId()));
    }
    return available;
  }

  /** Checks and stores a new order; answers the layout as it now is. */
  public LayoutView put(StoreTx tx, String departmentId, LayoutRequest request) {
    Map<String, LayoutFieldView> available = available(tx, departmentId);
    List<ItemError> unknown = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : request.fields()) {
      if (name == null || !available.containsKey(name)) {
        unknown.add(new ItemError(name, "UNKNOWN_FIELD", "no field '" + name + "' in this department"));
      } else if (!seen.add(name)) {
        unknown.add(new ItemError(name, "DUPLICATE_FIELD", "field '" + name + "' is listed twice"));
      }
    }
    if (!unknown.isEmpty()) {
      // the first rejected field names the refusal (a repeated one before any unknown: DUPLICATE_FIELD)
      ProblemCode code = unknown.get(0).code().equals(ProblemCode.DUPLICATE_FIELD.name())
          ? ProblemCode.DUPLICATE_FIELD : ProblemCode.UNKNOWN_FIELD;
      throw new DeskException(code, "the layout names fields the department does not have", unknown);
    }
    List<ItemError> locked = new ArrayList<>();
    for (LayoutFieldView f : available.values()) {
      if (f.locked() && !seen.contains(f.name())) {
        locked.add(new ItemError(f.name(), "FIELD_LOCKED", "field '" + f.name() + "' cannot be removed"));
      }
    }
    if (!locked.isEmpty()) {
      throw new DeskException(ProblemCode.FIELD_LOCKED, "the layout drops locked fields", locked);
    }
    tx.putLayout(departmentId, request.fields());
    return of(tx, departmentId);
  }
}
