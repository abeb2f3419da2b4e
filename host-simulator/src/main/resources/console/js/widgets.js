// Widgets shared by the screens: refusals, address chips with provenance, field values.
import { h, uid, when, words, codeWords } from "./dom.js";

/** A refusal shown inline: the API's detail, its code, and one row per rejected item. */
export function problemBox(problem) {
  const box = h("div", { class: "problem", role: "alert", dataset: { code: problem.code || "" } },
    h("p", {}, h("strong", {}, problem.message), " ", h("code", {}, problem.code)));
  if (problem.errors && problem.errors.length) {
    box.append(h("ul", {}, problem.errors.map((e) =>
      h("li", { dataset: { value: itemText(e.value), code: e.code } },
        h("span", { class: "value" }, itemText(e.value)), ": ", e.message, " ", h("code", {}, e.code)))));
  }
  return box;
}

export function itemText(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** A slot that shows one refusal (or nothing). */
export function problemSlot() {
  const slot = h("div", { class: "problem-slot" });
  slot.show = (problem) => {
    slot.replaceChildren();
    if (problem) slot.append(problemBox(problem));
  };
  return slot;
}

/** A person as {type,id} resolved through the directory of names the screen knows. */
export function personText(ref, people) {
  if (!ref) return "";
  if (typeof ref !== "object") return String(ref);
  const known = people && ref.id && people.get(ref.id);
  const type = ref.type ? codeWords(ref.type).toLowerCase() : "";
  if (known) return `${known} (${type})`;
  return [type, ref.email || ref.id].filter(Boolean).join(" ");
}

function provenanceText(key, value, people) {
  if (value && typeof value === "object" && !Array.isArray(value)) return personText(value, people);
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) return when(value);
  if (typeof value === "string" && /^[A-Z_]+$/.test(value)) return codeWords(value);
  return itemText(value);
}

/** Entry members the markers show (contract §6), not repeated among the provenance lines. */
const MARKED = ["muted", "bouncing"];

/**
 * Whether mail reaches an address, for its chip: from `options.mail(address, entry)` when the
 * screen knows the ticket's suppressions ({markers, lines, bouncing}), else from the entry's own
 * `muted`/`bouncing` flags.
 */
function mailMarks(address, entry, options) {
  if (options.mail) return options.mail(address, entry);
  const markers = MARKED.filter((k) => entry[k] === true).map((k) => words(k));
  return { markers, lines: [], bouncing: entry.bouncing === true };
}

/**
 * An address-list value as chips. Each chip shows, on hover or keyboard focus, every member the
 * plugin recorded beyond the address itself (its provenance), read generically; an address the
 * desk sends no mail carries a "Muted" or "Bouncing" marker, the description saying when and why,
 * and (with `options.onClearBounce`) a button to clear a bounce.
 */
export function addressChips(entries, options = {}) {
  const list = h("ul", { class: "chips", "aria-label": options.label || null });
  for (const entry of entries || []) {
    const address = entry.email || entry.address || "";
    const tipId = uid("tip");
    const marks = mailMarks(address, entry, options);
    const lines = marks.lines.concat(Object.entries(entry)
      .filter(([k]) => !["email", "name", "contactId", "address", ...MARKED].includes(k))
      .map(([k, v]) => `${words(k)}: ${provenanceText(k, v, options.people)}`));
    const label = entry.name ? `${entry.name} <${address}>` : address;
    const chip = h("li", {
      class: `chip${marks.markers.length ? " suppressed" : ""}`, tabindex: "0", title: lines.join("\n") || null,
      "aria-describedby": lines.length ? tipId : null, dataset: { email: address, mail: marks.markers.join(" ").toLowerCase() },
    }, h("span", { class: "chip-text" }, label),
      marks.markers.map((m) => h("span", { class: `marker marker-${m.toLowerCase()}` }, m)),
      lines.length ? h("span", { class: "tip", role: "tooltip", id: tipId }, lines.map((l) => h("span", {}, l))) : null);
    if (lines.length) {
      // Escape hides the provenance without moving focus; it shows again on the next hover or focus
      chip.addEventListener("keydown", (e) => {
        if (e.key === "Escape" && !chip.classList.contains("tip-dismissed")) {
          chip.classList.add("tip-dismissed");
          // this Escape was for the tooltip: not for a dialog around the chips
          e.preventDefault();
          e.stopPropagation();
        }
      });
      const reset = () => chip.classList.remove("tip-dismissed");
      chip.addEventListener("focusout", reset);
      chip.addEventListener("mouseleave", reset);
    }
    if (options.onClearBounce && marks.bouncing) {
      chip.append(h("button", {
        type: "button", class: "quiet clear-bounce", "aria-label": `Clear bounce for ${address}`,
        onclick: () => options.onClearBounce(entry, chip),
      }, "Clear bounce"));
    }
    if (options.onRemove) {
      chip.append(h("button", {
        type: "button", class: "chip-remove", "aria-label": `Remove ${address}${options.removeSuffix || ""}`,
        onclick: () => options.onRemove(entry, chip),
      }, "×"));
    }
    list.append(chip);
  }
  if (!list.children.length) list.append(h("li", { class: "empty" }, options.emptyText || "None"));
  return list;
}

/** A field's value, read-only, rendered from its definition's value type. */
export function fieldValue(definition, value, people, chipOptions = {}) {
  switch (definition.type) {
    case "ADDRESS_LIST":
      return addressChips(value, { ...chipOptions, label: definition.label, people });
    case "BOOLEAN":
      return h("span", {}, value ? "Yes" : "No");
    case "TEXT_LIST":
      return h("span", {}, (value || []).join(", ") || "None");
    default:
      return h("span", {}, value === null || value === undefined || value === "" ? "None" : String(value));
  }
}

/**
 * An input for a field a request may set (create ticket, help-center submit), from its definition.
 * Returns {element, value()} where value() is undefined when left empty.
 */
export function fieldInput(definition) {
  const id = uid("fld");
  const helpId = uid("help");
  let control;
  let read;
  switch (definition.type) {
    case "ADDRESS_LIST":
    case "TEXT_LIST":
      control = h("textarea", { id, rows: "2", name: definition.name, "aria-describedby": helpId,
        placeholder: definition.type === "ADDRESS_LIST" ? "Name <name@example.com>, one per line" : "One per line" });
      read = () => splitList(control.value);
      break;
    case "BOOLEAN":
      control = h("input", { id, type: "checkbox", name: definition.name, "aria-describedby": helpId });
      read = () => (control.checked ? true : undefined);
      break;
    case "NUMBER":
      control = h("input", { id, type: "number", name: definition.name, "aria-describedby": helpId });
      read = () => (control.value === "" ? undefined : Number(control.value));
      break;
    default:
      control = h("input", { id, type: "text", name: definition.name, "aria-describedby": helpId });
      read = () => (control.value.trim() === "" ? undefined : control.value.trim());
  }
  const element = h("div", { class: "field", dataset: { field: definition.name } },
    h("label", { for: id }, definition.label), control,
    h("p", { class: "help", id: helpId }, definition.helpText || ""));
  return { element, value: read, name: definition.name };
}

/** "a@x.org, B <b@y.org>\nc@z.org" -> ["a@x.org", "B <b@y.org>", "c@z.org"]; undefined when empty. */
export function splitList(text) {
  const items = String(text || "").split(/[\n,;]+/).map((s) => s.trim()).filter(Boolean);
  return items.length ? items : undefined;
}

/** Marks each rejected item beside its entry in an address editor. */
export function markRejected(container, errors) {
  container.querySelectorAll(".rejection").forEach((n) => n.remove());
  container.querySelectorAll("[aria-invalid]").forEach((n) => n.removeAttribute("aria-invalid"));
  for (const error of errors || []) {
    const value = itemText(error.value).toLowerCase();
    const row = [...container.querySelectorAll("[data-entry]")]
      .find((r) => r.dataset.entry.toLowerCase() === value);
    const note = h("span", { class: "rejection", role: "note", dataset: { code: error.code } },
      `${error.message} (${error.code})`);
    if (row) {
      row.setAttribute("aria-invalid", "true");
      row.append(note);
    }
  }
}
