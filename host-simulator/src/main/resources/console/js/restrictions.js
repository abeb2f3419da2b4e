// The restriction screen: which contacts are barred from a ticket in the help center, barring
// one (POST /api/v1/tickets/{id}/restrictions) and lifting a bar (DELETE …/restrictions/{contactId}).
import { get, post, del } from "./api.js";
import { h, screen, field, announce, focusFirst } from "./dom.js";
import { problemSlot } from "./widgets.js";

/**
 * The contacts restricted now. The ticket answer carries no list of them, so it is read from the
 * ticket's history, where every restriction added or lifted is an event; a `restrictions` list in
 * the ticket answer, should the API gain one, is taken as it is.
 */
export function restrictedNow(ticket, events) {
  if (Array.isArray(ticket.restrictions)) return ticket.restrictions;
  const current = new Map();
  for (const e of events) {
    const d = e.detail || {};
    if (e.type === "RESTRICTION_ADDED" && d.contactId) current.set(d.contactId, { contactId: d.contactId, email: d.email });
    if (e.type === "RESTRICTION_LIFTED" && d.contactId) current.delete(d.contactId);
  }
  return [...current.values()];
}

/** The people a ticket names (requester and address-list entries): whom an agent may want to bar. */
function participants(ticket) {
  const out = [{ email: ticket.requester.email, name: ticket.requester.name, role: "Requester" }];
  for (const value of Object.values(ticket.fields || {})) {
    if (!Array.isArray(value)) continue;
    for (const entry of value) {
      if (entry && entry.email && !out.some((p) => p.email.toLowerCase() === entry.email.toLowerCase())) {
        out.push({ email: entry.email, name: entry.name, role: "CC" });
      }
    }
  }
  return out.filter((p) => p.email);
}

/** `focus` names what to focus once the screen is drawn again after an action: {email} or "input". */
export async function restrictions(id, focus) {
  const show = screen();
  const path = `/api/v1/tickets/${encodeURIComponent(id)}`;
  const [ticket, history] = await Promise.all([get(path), get(`${path}/history`)]);
  const restricted = restrictedNow(ticket, history.events);
  const isRestricted = (email) => restricted.find((r) => (r.email || "").toLowerCase() === email.toLowerCase());
  const slot = problemSlot();
  const email = h("input", { type: "email", name: "email", autocomplete: "off", required: true });
  const again = (next) => restrictions(id, next);

  const restrict = async (address) => {
    try {
      await post(`${path}/restrictions`, { email: address });
      announce(`${address} can no longer see this ticket in the help center`);
      again({ email: address });
    } catch (err) {
      slot.show(err);
    }
  };
  const lift = async (r) => {
    try {
      await del(`${path}/restrictions/${encodeURIComponent(r.contactId)}`);
      announce(`Restriction on ${r.email || r.contactId} lifted`);
      again({ email: r.email });
    } catch (err) {
      slot.show(err);
    }
  };

  const people = participants(ticket);
  for (const r of restricted) {
    if (r.email && !people.some((p) => p.email.toLowerCase() === r.email.toLowerCase())) {
      people.push({ email: r.email, name: r.name, role: "Other contact" });
    }
  }
  const rowFor = (p) => {
    const r = isRestricted(p.email);
    return h("tr", { dataset: { email: p.email, restricted: r ? "true" : "false" } },
      h("th", { scope: "row" }, p.name ? `${p.name} <${p.email}>` : p.email),
      h("td", {}, p.role),
      h("td", {}, r ? "Restricted" : "Has access"),
      h("td", {}, r
        ? h("button", { type: "button", class: "quiet lift", "aria-label": `Lift the restriction on ${p.email}`, onclick: () => lift(r) }, "Lift restriction")
        : h("button", { type: "button", class: "quiet restrict", "aria-label": `Restrict ${p.email}`, onclick: () => restrict(p.email) }, "Restrict")));
  };

  show(h("h1", {}, `Help-center access · #${ticket.number} ${ticket.subject}`),
    h("p", {}, h("a", { href: `#/tickets/${encodeURIComponent(ticket.id)}` }, `Back to ticket #${ticket.number}`)),
    h("p", { class: "help" }, "A restricted contact cannot open this ticket in the help center, whether they are its requester or on a CC list. "
      + "Lifting the restriction gives back the access they had. Mail is not affected."),
    h("section", { class: "panel", "aria-labelledby": "people-h" }, h("h2", { id: "people-h" }, "People on this ticket"),
      h("table", { class: "restrictions-table" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Contact"), h("th", { scope: "col" }, "Role"),
          h("th", { scope: "col" }, "Help center"), h("th", { scope: "col" }, "Action"))),
        h("tbody", {}, people.map(rowFor)))),
    h("section", { class: "panel", "aria-labelledby": "restrict-h" }, h("h2", { id: "restrict-h" }, "Restrict another contact"),
      h("form", { class: "inline", onsubmit: (e) => { e.preventDefault(); if (email.value.trim()) restrict(email.value.trim()); } },
        field("Contact email", email), h("button", { type: "submit" }, "Restrict")),
      slot));

  if (focus && focus.email) {
    const row = [...document.querySelectorAll(".restrictions-table tr[data-email]")]
      .find((tr) => tr.dataset.email.toLowerCase() === focus.email.toLowerCase());
    focusFirst(row && row.querySelector("button"), email);
  }
}
