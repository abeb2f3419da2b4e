// Department administration: each plugin's settings rendered from the descriptor it publishes,
// and the department's layout with locked fields.
import { get, put } from "./api.js";
import { h, show, screen, uid, announce, codeWords } from "./dom.js";
import { problemSlot } from "./widgets.js";

export async function settings(departmentId) {
  const show = screen();
  const { departments } = await get("/api/v1/departments");
  if (!departments.length) {
    show(h("h1", {}, "Settings"), h("p", {}, "No departments."));
    return;
  }
  const dept = departments.find((d) => d.id === departmentId) || departments[0];
  const picker = h("select", { id: uid("dept"), onchange: (e) => { location.hash = `#/settings/${encodeURIComponent(e.target.value)}`; } },
    departments.map((d) => h("option", { value: d.id, selected: d.id === dept.id }, d.name)));
  const [{ plugins }, layout] = await Promise.all([
    get(`/api/v1/departments/${encodeURIComponent(dept.id)}/plugins`),
    get(`/api/v1/departments/${encodeURIComponent(dept.id)}/layout`)]);
  const reload = () => settings(dept.id);
  show(h("h1", {}, `Settings · ${dept.name}`),
    h("div", { class: "field" }, h("label", { for: picker.id }, "Department"), picker),
    h("p", { class: "meta" }, dept.helpCenter ? "This department has a help center." : "This department has no help center."),
    plugins.length ? plugins.map((p) => pluginSettings(dept, p, reload)) :
      h("p", {}, "No plugin with settings is running."),
    layoutSection(dept, layout.fields, reload));
}

function settingControl(definition, value) {
  const id = uid("set");
  const helpId = uid("help");
  let control;
  let read;
  if (definition.type === "BOOLEAN") {
    control = h("input", { id, type: "checkbox", name: definition.name, checked: value === true, "aria-describedby": helpId });
    read = () => control.checked;
    return { element: h("div", { class: "check setting", dataset: { setting: definition.name } }, control,
      h("div", {}, h("label", { for: id }, definition.label), h("p", { class: "help", id: helpId }, definition.help))), read, control };
  }
  if (definition.type === "TEXT_LIST") {
    control = h("textarea", { id, rows: "3", name: definition.name, "aria-describedby": helpId });
    control.value = (value || []).join("\n");
    read = () => control.value.split(/[\n,]+/).map((s) => s.trim()).filter(Boolean);
  } else {
    control = h("input", { id, type: "text", name: definition.name, "aria-describedby": helpId });
    control.value = value === null || value === undefined ? "" : String(value);
    read = () => control.value;
  }
  return { element: h("div", { class: "field setting", dataset: { setting: definition.name } },
    h("label", { for: id }, definition.label), control, h("p", { class: "help", id: helpId }, definition.help)), read, control };
}

function pluginSettings(dept, plugin, reload) {
  const d = plugin.descriptor;
  const slot = problemSlot();
  const controls = d.settings.map((s) => ({ def: s, ...settingControl(s, plugin.settings[s.name]) }));
  const ack = d.acknowledgement;
  const save = async (acknowledged) => {
    const body = {};
    for (const c of controls) body[c.def.name] = c.read();
    const turningOn = ack && plugin.settings[ack.setting] !== true && body[ack.setting] === true;
    if (turningOn && !acknowledged) {
      acknowledge(ack, () => save(true));
      return;
    }
    if (acknowledged) body.acknowledged = true;
    try {
      await put(`/api/v1/departments/${encodeURIComponent(dept.id)}/plugins/${encodeURIComponent(plugin.pluginId)}/settings`, body);
      announce(`${d.title} saved`);
      reload();
    } catch (err) {
      slot.show(err);
    }
  };
  const titleId = uid("plugin");
  return h("section", { class: "panel plugin-settings", dataset: { plugin: plugin.pluginId }, "aria-labelledby": titleId },
    h("h2", { id: titleId }, d.title),
    h("p", {}, d.description),
    h("p", { class: "meta" }, `Plugin ${plugin.pluginId} ${plugin.version || ""} · needs the ${codeWords(d.minimumEdition)} edition or above`),
    h("form", { class: "stack", onsubmit: (e) => { e.preventDefault(); save(false); } },
      controls.map((c) => c.element), slot, h("button", { type: "submit" }, "Save settings")));
}

/** The acknowledgement the plugin asks for, with its own wording and confirm button. */
function acknowledge(ack, onConfirm) {
  const titleId = uid("ack");
  const textId = uid("ack-text");
  const dialog = h("dialog", { class: "dialog", "aria-labelledby": titleId, "aria-describedby": textId },
    h("h2", { id: titleId }, ack.title), h("p", { id: textId }, ack.text),
    h("div", { class: "row" },
      h("button", { type: "button", class: "confirm", onclick: () => { dialog.close(); onConfirm(); } }, ack.confirmLabel),
      h("button", { type: "button", class: "quiet", onclick: () => dialog.close() }, "Cancel")));
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

function layoutSection(dept, fields, reload) {
  const names = fields.map((f) => f.name);
  const slots = new Map();
  const store = async (next, field) => {
    try {
      await put(`/api/v1/departments/${encodeURIComponent(dept.id)}/layout`, { fields: next });
      announce("Layout saved");
      reload();
    } catch (err) {
      (slots.get(field) || slots.get(null)).show(err);
    }
  };
  const move = (i, delta) => {
    const next = names.slice();
    const [f] = next.splice(i, 1);
    next.splice(i + delta, 0, f);
    store(next, names[i]);
  };
  const general = problemSlot();
  slots.set(null, general);
  return h("section", { class: "panel", "aria-labelledby": "layout-h" }, h("h2", { id: "layout-h" }, "Ticket layout"),
    h("p", { class: "help" }, "The fields of this department's tickets, in order. Locked fields cannot be removed."),
    h("ol", { class: "layout" }, fields.map((f, i) => {
      const slot = problemSlot();
      slots.set(f.name, slot);
      const reasonId = uid("reason");
      return h("li", { class: f.locked ? "locked" : "", dataset: { field: f.name } },
        h("div", { class: "layout-row" },
          h("span", { class: "field-name" }, f.label, f.plugin ? h("span", { class: "meta" }, ` (${f.plugin})`) : null),
          f.locked ? h("span", { class: "badge lock", "aria-describedby": f.lockedReason ? reasonId : null }, "Locked") : null,
          h("span", { class: "row buttons" },
            h("button", { type: "button", class: "quiet", disabled: i === 0, "aria-label": `Move ${f.label} up`, onclick: () => move(i, -1) }, "↑"),
            h("button", { type: "button", class: "quiet", disabled: i === fields.length - 1, "aria-label": `Move ${f.label} down`, onclick: () => move(i, 1) }, "↓"),
            h("button", { type: "button", class: "quiet remove", "aria-label": `Remove ${f.label} from the layout`,
              onclick: () => store(names.filter((n) => n !== f.name), f.name) }, "Remove"))),
        f.locked && f.lockedReason ? h("p", { class: "help reason", id: reasonId }, f.lockedReason) : null,
        slot);
    })), general);
}
