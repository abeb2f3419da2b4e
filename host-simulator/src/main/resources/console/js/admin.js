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
    const slot = problemSlot();
    return { element: h("div", { class: "check setting", dataset: { setting: definition.name } }, control,
      h("div", {}, h("label", { for: id }, definition.label), h("p", { class: "help", id: helpId }, definition.help), slot)),
    read, control, slot, helpId };
  }
  if (definition.type === "CHOICE") {
    // an enumerated setting: the admin picks one of the plugin's values instead of typing it;
    // each shows as the value itself, the word the plugin's help text uses
    const choices = (definition.choices || []).map((c) => (c && typeof c === "object" ? c : { value: c, label: String(c) }));
    if (value !== null && value !== undefined && !choices.some((c) => c.value === value)) {
      choices.push({ value, label: String(value) }); // a stored value the plugin no longer offers stays visible, not silently replaced
    }
    control = h("select", { id, name: definition.name, "aria-describedby": helpId },
      choices.map((c) => h("option", { value: c.value, selected: c.value === value }, c.label)));
    read = () => control.value;
  } else if (definition.type === "TEXT_LIST") {
    control = h("textarea", { id, rows: "3", name: definition.name, "aria-describedby": helpId });
    control.value = (value || []).join("\n");
    read = () => control.value.split(/[\n,]+/).map((s) => s.trim()).filter(Boolean);
  } else {
    control = h("input", { id, type: "text", name: definition.name, "aria-describedby": helpId });
    control.value = value === null || value === undefined ? "" : String(value);
    read = () => control.value;
  }
  const slot = problemSlot();
  return { element: h("div", { class: "field setting", dataset: { setting: definition.name } },
    h("label", { for: id }, definition.label), control, h("p", { class: "help", id: helpId }, definition.help), slot),
  read, control, slot, helpId };
}

/** Empty, off and unset read alike: whether a setting changed is about what the admin sees. */
function plain(value) {
  const empty = value === undefined || value === null || value === false || value === "" || (Array.isArray(value) && !value.length);
  return empty ? "" : JSON.stringify(value);
}

/**
 * The setting a refusal is about: one its `errors` name, or whose proposed value holds a rejected
 * item; else, when the save changed exactly one setting besides the plugin's switch, that one.
 * Null when the refusal cannot be placed (it is then shown by the Save button).
 */
function settingOf(problem, controls, body, saved, switchName) {
  for (const e of problem.errors || []) {
    const value = e.value === null || e.value === undefined ? "" : String(e.value);
    const named = controls.find((c) => c.def.name === value);
    if (named) return named;
    const holding = controls.find((c) => {
      const v = body[c.def.name];
      return Array.isArray(v) ? v.map(String).includes(value) : typeof v === "string" && v !== "" && v === value;
    });
    if (holding) return holding;
  }
  const changed = controls.filter((c) => c.def.name !== switchName && plain(body[c.def.name]) !== plain(saved[c.def.name]));
  return changed.length === 1 ? changed[0] : null;
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
      // cancelled: nothing was saved, so the switch shows what is stored (off) again
      const switchControl = controls.find((c) => c.def.name === ack.setting);
      acknowledge(ack, () => save(true), () => {
        if (switchControl) switchControl.control.checked = plugin.settings[ack.setting] === true;
        announce(`Not saved: ${switchControl ? switchControl.def.label : ack.setting} stays off`);
      });
      return;
    }
    if (acknowledged) body.acknowledged = true;
    clearRefusals();
    try {
      await put(`/api/v1/departments/${encodeURIComponent(dept.id)}/plugins/${encodeURIComponent(plugin.pluginId)}/settings`, body);
      announce(`${d.title} saved`);
      reload();
    } catch (err) {
      const at = settingOf(err, controls, body, plugin.settings, ack && ack.setting);
      if (!at) {
        slot.show(err);
        return;
      }
      // beside the setting that caused it: the box is an alert (announced), the control says it is invalid
      at.slot.show(err);
      at.control.setAttribute("aria-invalid", "true");
      const box = at.slot.querySelector(".problem");
      box.id = uid("refusal");
      at.control.setAttribute("aria-describedby", `${at.helpId} ${box.id}`);
    }
  };
  const clearRefusals = () => {
    slot.show(null);
    for (const c of controls) {
      c.slot.show(null);
      c.control.removeAttribute("aria-invalid");
      c.control.setAttribute("aria-describedby", c.helpId);
    }
  };
  const titleId = uid("plugin");
  return h("section", { class: "panel plugin-settings", dataset: { plugin: plugin.pluginId }, "aria-labelledby": titleId },
    h("h2", { id: titleId }, d.title),
    h("p", {}, d.description),
    h("p", { class: "meta" }, `Plugin ${plugin.pluginId} ${plugin.version || ""} · needs the ${codeWords(d.minimumEdition)} edition or above`),
    h("form", { class: "stack", onsubmit: (e) => { e.preventDefault(); save(false); } },
      controls.map((c) => c.element), h("div", { class: "save-bar" }, slot, h("button", { type: "submit" }, "Save settings"))));
}

/** The acknowledgement the plugin asks for, with its own wording and confirm button. */
function acknowledge(ack, onConfirm, onCancel) {
  const titleId = uid("ack");
  const textId = uid("ack-text");
  const dialog = h("dialog", { class: "dialog", "aria-labelledby": titleId, "aria-describedby": textId },
    h("h2", { id: titleId }, ack.title), h("p", { id: textId }, ack.text),
    h("div", { class: "row" },
      h("button", { type: "button", class: "confirm", onclick: () => { dialog.returnValue = "confirm"; dialog.close(); onConfirm(); } }, ack.confirmLabel),
      h("button", { type: "button", class: "quiet", onclick: () => dialog.close() }, "Cancel")));
  // Cancel, Escape and anything else that closes it without the confirm button is a cancel
  dialog.addEventListener("close", () => {
    dialog.remove();
    if (dialog.returnValue !== "confirm") onCancel();
  });
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
  // The layout answer lists only the fields on it. The host's own fields are the ticket's own
  // properties, which the console knows anyway; one of them missing was removed by an admin and
  // can be put back (at the end; the arrows move it).
  const removed = HOST_FIELDS.filter((f) => !names.includes(f.name));
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
    })),
    removed.length ? h("div", { class: "removed" }, h("h3", {}, "Removed fields"),
      h("ul", { class: "removed-fields" }, removed.map((f) => h("li", { dataset: { field: f.name } },
        h("button", { type: "button", class: "quiet put-back", "aria-label": `Put ${f.label} back on the layout`,
          onclick: () => store(names.concat(f.name), null) }, `Put back ${f.label}`))))) : null,
    general);
}

/** The host's own ticket fields, by the names the layout uses for them. */
const HOST_FIELDS = [
  { name: "subject", label: "Subject" }, { name: "description", label: "Description" },
  { name: "status", label: "Status" }, { name: "requester", label: "Requester" }];
