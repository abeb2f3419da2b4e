// Agent screens: ticket list, new ticket, ticket view (fields, thread, reply editor, comments,
// merge dialog, history). Plugin fields are rendered from the definitions the API publishes.
import { get, post, patch, del, Problem } from "./api.js";
import { h, show, screen, field, uid, when, codeWords, announce, words, focusFirst } from "./dom.js";
import { problemSlot, problemBox, addressChips, fieldValue, fieldInput, markRejected, personText, itemText } from "./widgets.js";
import { mailStatus, statusLines } from "./mailstatus.js";

async function departments() {
  const { departments } = await get("/api/v1/departments");
  return departments;
}

export async function list() {
  const show = screen();
  const [{ tickets }, depts] = await Promise.all([get("/api/v1/tickets"), departments()]);
  const names = new Map(depts.map((d) => [d.id, d.name]));
  show(h("h1", {}, "Tickets"),
    h("p", {}, h("a", { class: "button", href: "#/tickets/new" }, "New ticket")),
    tickets.length ? h("ul", { class: "cards tickets" }, tickets.map((t) =>
      h("li", { class: "card", dataset: { ticket: t.id } },
        h("a", { href: `#/tickets/${encodeURIComponent(t.id)}` }, `#${t.number} ${t.subject}`),
        h("p", { class: "meta" }, h("span", { class: `status status-${t.status.toLowerCase()}` }, codeWords(t.status)),
          ` · ${names.get(t.departmentId) || t.departmentId} · ${t.requester ? t.requester.email || t.requester.name : ""}`)))) :
      h("p", {}, "No tickets yet."));
}

export async function create() {
  const show = screen();
  const depts = await departments();
  const slot = problemSlot();
  const dept = h("select", { name: "departmentId", required: true },
    depts.map((d) => h("option", { value: d.id }, d.name)));
  const subject = h("input", { type: "text", name: "subject", required: true });
  const description = h("textarea", { name: "description", rows: "4" });
  const email = h("input", { type: "email", name: "requesterEmail", required: true, autocomplete: "off" });
  const name = h("input", { type: "text", name: "requesterName", autocomplete: "off" });
  const extra = h("div", { class: "plugin-fields" });
  let inputs = [];
  const renderFields = () => {
    const d = depts.find((x) => x.id === dept.value);
    inputs = (d ? d.fields : []).map(fieldInput);
    extra.replaceChildren(...inputs.map((i) => i.element));
  };
  dept.addEventListener("change", renderFields);
  renderFields();
  const form = h("form", { class: "stack", onsubmit: async (e) => {
    e.preventDefault();
    const fields = {};
    for (const i of inputs) {
      const v = i.value();
      if (v !== undefined) fields[i.name] = v;
    }
    const body = { departmentId: dept.value, subject: subject.value, description: description.value,
      requester: { email: email.value, name: name.value || undefined } };
    if (Object.keys(fields).length) body.fields = fields;
    try {
      const t = await post("/api/v1/tickets", body);
      announce(`Ticket #${t.number} created`);
      location.hash = `#/tickets/${encodeURIComponent(t.id)}`;
    } catch (err) {
      slot.show(err);
    }
  } },
  field("Department", dept), field("Subject", subject), field("Description", description),
  h("fieldset", {}, h("legend", {}, "Requester"), field("Requester email", email), field("Requester name", name)),
  extra, slot, h("button", { type: "submit" }, "Create ticket"));
  show(h("h1", {}, "New ticket"), form);
}

/** Names of people the screen can resolve: contacts and thread authors; `ids` maps addresses to contact ids. */
async function people(ticket) {
  const map = new Map();
  map.ids = new Map();
  try {
    const { contacts } = await get("/api/v1/contacts");
    contacts.forEach((c) => {
      map.set(c.id, c.name || c.email);
      if (c.email) map.ids.set(c.email.toLowerCase(), c.id);
    });
  } catch (e) { /* names are a nicety */ }
  for (const entry of ticket.thread || []) {
    if (entry.author && entry.author.id && !map.has(entry.author.id)) map.set(entry.author.id, entry.author.email);
  }
  return map;
}

export async function view(id) {
  const show = screen();
  const ticket = await get(`/api/v1/tickets/${encodeURIComponent(id)}`);
  const [depts, who, history, all] = await Promise.all([departments(), people(ticket),
    get(`/api/v1/tickets/${encodeURIComponent(id)}/history`), get("/api/v1/tickets")]);
  for (const e of history.events) {
    if (e.actor && e.actor.id && e.actor.email && !who.has(e.actor.id)) who.set(e.actor.id, e.actor.email);
  }
  const dept = depts.find((d) => d.id === ticket.departmentId) || { name: ticket.departmentId, fields: [] };
  const defs = dept.fields.filter((f) => f.name in (ticket.fields || {}));
  const reload = () => view(id);
  const chips = mailChips(ticket, history.events, who, reload);
  show(
    h("h1", {}, `#${ticket.number} ${ticket.subject}`),
    h("p", { class: "meta" }, h("span", { class: `status status-${ticket.status.toLowerCase()}` }, codeWords(ticket.status)),
      ` · ${dept.name} · ${codeWords(ticket.channel)}`,
      ticket.mergedInto ? h("span", {}, " · merged into ", h("a", { href: `#/tickets/${encodeURIComponent(ticket.mergedInto)}` }, "the target ticket")) : null),
    h("div", { class: "requester-line", dataset: { requester: ticket.requester.email || "" } }, h("span", { class: "group-label" }, "Requester"),
      addressChips([{ email: ticket.requester.email, name: ticket.requester.name, contactId: ticket.requester.contactId }], { ...chips, label: "Requester" }),
      chips.slot),
    h("div", { class: "columns" },
      h("div", { class: "col-main" },
        threadSection(ticket, who),
        ticket.status === "OPEN" ? replyEditor(ticket, defs, reload, chips.mail) : null,
        ticket.status !== "MERGED" ? commentForm(ticket, reload) : null,
        historySection(history.events, who)),
      h("aside", { class: "col-side", "aria-label": "Ticket details" },
        detailsSection(ticket, defs, who, reload, chips),
        ticket.status === "OPEN" ? actionsSection(ticket, defs, all.tickets, reload) : null)));
}

/**
 * Chip options that mark who gets no mail (muted, bouncing) with when and why, and let the agent
 * clear a bounce; agents cannot unmute (the person's consent), so a mute has no button.
 */
function mailChips(ticket, events, who, reload) {
  const status = mailStatus(ticket, events);
  const slot = problemSlot();
  // a chip that names only an address (the reply editor's) reads the flags of that address's
  // entry in the ticket's address-list fields
  const known = new Map();
  for (const value of Object.values(ticket.fields || {})) {
    if (Array.isArray(value)) value.forEach((e) => { if (e && e.email) known.set(e.email.toLowerCase(), e); });
  }
  const mail = (email, entry) => {
    const s = status(email, { ...known.get(String(email).toLowerCase()), ...entry });
    return { markers: [s.muted ? "Muted" : null, s.bouncing ? "Bouncing" : null].filter(Boolean),
      lines: statusLines(s, ticket), bouncing: Boolean(s.bouncing) };
  };
  const onClearBounce = async (entry) => {
    const address = entry.email || "";
    const contactId = entry.contactId || who.ids.get(address.toLowerCase());
    try {
      await del(`/api/v1/contacts/${encodeURIComponent(contactId)}/bounce`);
      announce(`Bounce of ${address} cleared: mail reaches it again`);
      reload();
    } catch (err) {
      slot.show(err);
    }
  };
  return { mail, onClearBounce, slot };
}

function detailsSection(ticket, defs, who, reload, chips) {
  const section = h("section", { class: "panel", "aria-labelledby": "details-h" }, h("h2", { id: "details-h" }, "Details"));
  const description = ticket.description ? h("p", { class: "description" }, ticket.description) : null;
  section.append(description || "");
  section.append(h("p", {}, h("a", { href: `#/tickets/${encodeURIComponent(ticket.id)}/restrictions` }, "Help-center access")));
  for (const def of defs) {
    const box = h("div", { class: "field-view", dataset: { field: def.name } });
    const render = () => {
      box.replaceChildren(h("h3", {}, def.label), h("p", { class: "help" }, def.helpText),
        fieldValue(def, ticket.fields[def.name], who, { mail: chips.mail, onClearBounce: chips.onClearBounce }));
      if (def.type === "ADDRESS_LIST" && ticket.status === "OPEN") {
        box.append(h("button", { type: "button", class: "quiet edit", onclick: () => edit() }, `Edit ${def.label}`));
      }
    };
    // Edit lands on the editor's heading (it names what is being edited); Cancel returns to Edit
    const edit = () => {
      box.replaceChildren(addressEditor(ticket, def, who, reload, () => { render(); focusFirst(box.querySelector("button.edit")); }));
      focusFirst(box.querySelector(".editor h3"));
    };
    render();
    section.append(box);
  }
  return section;
}

/** Edits an address-list field; each rejected address is marked beside its entry. */
function addressEditor(ticket, def, who, reload, cancel) {
  const entries = (ticket.fields[def.name] || []).map((e) => (e.name ? `${e.name} <${e.email}>` : e.email));
  const rows = h("ul", { class: "edit-list", "aria-label": def.label });
  const slot = problemSlot();
  const addInput = h("input", { type: "text", autocomplete: "off", placeholder: "Name <name@example.com>" });
  // a removed row hands focus to the next row's ×, else the previous one's, else "Add address"
  const removeRow = (li, value) => {
    const next = li.nextElementSibling;
    const previous = li.previousElementSibling;
    li.remove();
    focusFirst(next && next.querySelector(".chip-remove"), previous && previous.querySelector(".chip-remove"), addInput);
    announce(`Removed ${value}`);
  };
  const row = (value) => h("li", { dataset: { entry: value } }, h("span", { class: "entry-text" }, value),
    h("button", { type: "button", class: "chip-remove", "aria-label": `Remove ${value}`, onclick: (e) => removeRow(e.target.closest("li"), value) }, "×"));
  entries.forEach((v) => rows.append(row(v)));
  const add = () => {
    for (const v of addInput.value.split(/[\n,;]+/).map((s) => s.trim()).filter(Boolean)) rows.append(row(v));
    addInput.value = "";
    addInput.focus();
  };
  addInput.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); add(); } });
  const save = async () => {
    const values = [...rows.querySelectorAll("li")].map((li) => li.dataset.entry);
    try {
      await patch(`/api/v1/tickets/${encodeURIComponent(ticket.id)}`, { fields: { [def.name]: values } }, { ifMatch: ticket.version });
      announce(`${def.label} saved`);
      reload();
    } catch (err) {
      slot.show(err);
      markRejected(rows, err.errors);
    }
  };
  return h("form", { class: "stack editor", onsubmit: (e) => { e.preventDefault(); save(); } },
    h("h3", { tabindex: "-1" }, `Edit ${def.label}`), h("p", { class: "help" }, def.helpText), rows,
    h("div", { class: "row" }, field("Add address", addInput), h("button", { type: "button", class: "quiet", onclick: add }, "Add")),
    slot,
    h("div", { class: "row" }, h("button", { type: "submit" }, "Save"), h("button", { type: "button", class: "quiet", onclick: cancel }, "Cancel")));
}

export function threadSection(ticket, who) {
  return h("section", { class: "panel", "aria-labelledby": "thread-h" }, h("h2", { id: "thread-h" }, "Conversation"),
    ticket.thread.length ? null : h("p", { class: "help" }, "No messages yet."),
    h("ol", { class: "thread" }, ticket.thread.map((e) => h("li", {
      class: `entry kind-${e.kind.toLowerCase()} ${e.public ? "public" : "private"}`, dataset: { entry: e.id, kind: e.kind },
    },
    h("p", { class: "meta" }, h("strong", {}, personText(e.author, who)), ` · ${codeWords(e.kind)}`,
      e.kind === "COMMENT" ? h("span", { class: e.public ? "badge" : "badge private" }, e.public ? "Public" : "Private") : null,
      ` · ${when(e.createdAt)}`, e.editedAt ? " · edited" : ""),
    (e.to && e.to.length) || (e.cc && e.cc.length) ? h("p", { class: "recipients" },
      e.to && e.to.length ? `To: ${e.to.join(", ")}` : "", e.cc && e.cc.length ? `  Cc: ${e.cc.join(", ")}` : "") : null,
    h("div", { class: "content" }, e.deleted ? h("em", {}, "Deleted") : e.content),
    e.attachments && e.attachments.length ? h("ul", { class: "attachments", "aria-label": "Attachments" },
      e.attachments.map((a) => h("li", {}, "Attachment: ", a.name, ` (${a.contentType}, ${a.size} bytes)`))) : null))));
}

/**
 * The reply editor: the requester in To and the ticket's address-list values as copies, each
 * removable for this reply only; added addresses go out as copies too (and the API decides what
 * that means for the ticket). Muted and bouncing people are marked: the reply will not reach them.
 */
function replyEditor(ticket, defs, reload, mail) {
  const slot = problemSlot();
  const content = h("textarea", { name: "reply", rows: "4", required: true });
  const to = [ticket.requester.email];
  const lists = defs.filter((d) => d.type === "ADDRESS_LIST").map((d) => ({ def: d, values: (ticket.fields[d.name] || []).map((e) => e.email), touched: false }));
  const extra = [];
  const recipients = h("div", { class: "recipients-edit" });
  // After a chip's removal the block is rebuilt: focus goes to the chip that took its place in
  // the same group (else the one before it), else to the "Add recipient" field, and the removal
  // is announced in the polite status region.
  const removed = (group, index, email) => {
    render();
    const buttons = [...recipients.querySelectorAll(`.recipient-group[data-group="${group}"] .chip-remove`)];
    focusFirst(buttons[index], buttons[index - 1], addInput);
    announce(`Removed ${email} from this reply`);
  };
  const indexIn = (chip) => [...chip.parentElement.children].indexOf(chip);
  const render = () => {
    recipients.replaceChildren(
      h("div", { class: "recipient-group", dataset: { group: "to" } }, h("span", { class: "group-label" }, "To"),
        addressChips(to.map((email) => ({ email })), { label: "To", emptyText: "Nobody", removeSuffix: " from this reply", mail,
          onRemove: (entry, chip) => { const at = indexIn(chip); to.splice(to.indexOf(entry.email), 1); removed("to", at, entry.email); } })),
      ...lists.map((l) => h("div", { class: "recipient-group", dataset: { group: l.def.name } }, h("span", { class: "group-label" }, l.def.label),
        addressChips(l.values.concat(extra).map((email) => ({ email })), { label: `${l.def.label} for this reply`, emptyText: "Nobody", removeSuffix: " from this reply", mail,
          onRemove: (entry, chip) => {
            const at = indexIn(chip);
            l.touched = true;
            const i = l.values.indexOf(entry.email);
            if (i >= 0) l.values.splice(i, 1); else extra.splice(extra.indexOf(entry.email), 1);
            removed(l.def.name, at, entry.email);
          } }))));
  };
  const addInput = h("input", { type: "text", autocomplete: "off", placeholder: "Name <name@example.com>" });
  render();
  const add = () => {
    const v = addInput.value.trim();
    if (!v) return;
    if (lists.length) {
      extra.push(v);
      lists[0].touched = true;
    } else {
      to.push(v);
    }
    addInput.value = "";
    render();
    addInput.focus();
  };
  addInput.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); add(); } });
  const send = async () => {
    const body = { content: content.value, to: to.slice() };
    if (lists.some((l) => l.touched)) body.cc = [...new Set(lists.flatMap((l) => l.values).concat(extra))];
    try {
      await post(`/api/v1/tickets/${encodeURIComponent(ticket.id)}/replies`, body);
      announce("Reply sent");
      reload();
    } catch (err) {
      slot.show(err);
    }
  };
  return h("section", { class: "panel", "aria-labelledby": "reply-h" }, h("h2", { id: "reply-h" }, "Reply"),
    h("form", { class: "stack", onsubmit: (e) => { e.preventDefault(); send(); } },
      recipients,
      h("div", { class: "row" }, field("Add recipient", addInput), h("button", { type: "button", class: "quiet", onclick: add }, "Add recipient")),
      field("Reply", content), slot, h("button", { type: "submit" }, "Send reply")));
}

function commentForm(ticket, reload) {
  const slot = problemSlot();
  const content = h("textarea", { name: "comment", rows: "3", required: true });
  const isPublic = h("input", { type: "checkbox", name: "public" });
  return h("section", { class: "panel", "aria-labelledby": "comment-h" }, h("h2", { id: "comment-h" }, "Comment"),
    h("form", { class: "stack", onsubmit: async (e) => {
      e.preventDefault();
      try {
        await post(`/api/v1/tickets/${encodeURIComponent(ticket.id)}/comments`, { content: content.value, public: isPublic.checked });
        announce("Comment added");
        reload();
      } catch (err) {
        slot.show(err);
      }
    } }, field("Comment", content),
    h("div", { class: "check" }, isPublic, h("label", { for: (isPublic.id = uid("pub")) }, "Public (the requester is notified)")),
    slot, h("button", { type: "submit" }, "Add comment")));
}

function actionsSection(ticket, defs, tickets, reload) {
  const slot = problemSlot();
  return h("section", { class: "panel", "aria-labelledby": "actions-h" }, h("h2", { id: "actions-h" }, "Actions"),
    h("div", { class: "row" },
      h("button", { type: "button", class: "quiet", onclick: () => mergeDialog(ticket, defs, tickets) }, "Merge tickets…"),
      h("button", { type: "button", class: "quiet", onclick: async () => {
        try {
          await patch(`/api/v1/tickets/${encodeURIComponent(ticket.id)}`, { status: "CLOSED" }, { ifMatch: ticket.version });
          reload();
        } catch (err) {
          slot.show(err);
        }
      } }, "Close ticket")), slot);
}

/** Merge others into this ticket: choose sources and, per field with a merge choice, whose value stays; preview first. */
function mergeDialog(target, defs, tickets) {
  const candidates = tickets.filter((t) => t.id !== target.id && t.status === "OPEN" && t.departmentId === target.departmentId);
  const slot = problemSlot();
  const preview = h("div", { class: "preview", "aria-live": "polite" });
  const confirm = h("button", { type: "button", disabled: true }, "Confirm merge");
  const boxes = candidates.map((t) => {
    const box = h("input", { type: "checkbox", value: t.id, id: uid("src") });
    box.addEventListener("change", () => { renderChoices(); invalidate(); });
    return h("div", { class: "check" }, box, h("label", { for: box.id }, `#${t.number} ${t.subject}`));
  });
  const choices = h("div", { class: "choices" });
  const choiceDefs = defs.filter((d) => d.mergeChoice);
  const selectedIds = () => boxes.map((b) => b.querySelector("input")).filter((i) => i.checked).map((i) => i.value);
  const label = (id) => {
    const t = id === target.id ? target : candidates.find((c) => c.id === id);
    return t ? `#${t.number} ${t.subject}${id === target.id ? " (this ticket)" : ""}` : id;
  };
  function renderChoices() {
    const ids = [target.id, ...selectedIds()];
    choices.replaceChildren(...choiceDefs.map((d) => {
      const name = uid("choice");
      const options = ids.map((id, i) => ({ value: id, text: label(id), checked: i === 0 }));
      if (d.mergeChoice.allowsAll) options.push({ value: "ALL", text: "All of them", checked: false });
      return h("fieldset", { class: "choice", dataset: { choice: d.mergeChoice.key } }, h("legend", {}, d.mergeChoice.label),
        options.map((o) => {
          const radio = h("input", { type: "radio", name, value: o.value, id: uid("opt"), checked: o.checked, onchange: invalidate });
          return h("div", { class: "check" }, radio, h("label", { for: radio.id }, o.text));
        }));
    }));
  }
  function invalidate() {
    confirm.disabled = true;
    preview.replaceChildren();
    slot.show(null);
  }
  function body() {
    const b = { sourceIds: selectedIds() };
    choices.querySelectorAll("fieldset").forEach((fs) => {
      const checked = fs.querySelector("input:checked");
      if (checked) b[fs.dataset.choice] = checked.value;
    });
    return b;
  }
  async function dryRun() {
    invalidate();
    try {
      const result = await post(`/api/v1/tickets/${encodeURIComponent(target.id)}/merge?dryRun=true`, body());
      preview.replaceChildren(h("h3", {}, "Preview"),
        h("p", {}, `#${result.number} ${result.subject} would have ${result.thread.length} conversation entries.`),
        ...defs.map((d) => h("div", { class: "field-view", dataset: { field: d.name } }, h("h4", {}, d.label), fieldValue(d, (result.fields || {})[d.name]))));
      confirm.disabled = false;
    } catch (err) {
      slot.show(err);
    }
  }
  confirm.addEventListener("click", async () => {
    try {
      await post(`/api/v1/tickets/${encodeURIComponent(target.id)}/merge`, body());
      dialog.close();
      dialog.remove();
      announce("Tickets merged");
      view(target.id);
    } catch (err) {
      slot.show(err);
    }
  });
  renderChoices();
  const titleId = uid("merge");
  const dialog = h("dialog", { class: "dialog", "aria-labelledby": titleId },
    h("h2", { id: titleId }, `Merge into #${target.number}`),
    candidates.length ? h("fieldset", {}, h("legend", {}, "Tickets to merge into this one"), boxes) : h("p", {}, "No other open tickets in this department."),
    choices, slot, preview,
    h("div", { class: "row" }, h("button", { type: "button", class: "quiet", onclick: dryRun }, "Preview merge"), confirm,
      h("button", { type: "button", class: "quiet", onclick: () => { dialog.close(); dialog.remove(); } }, "Cancel")));
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

function detailText(detail, who) {
  if (detail === null || detail === undefined) return "";
  if (typeof detail !== "object") return String(detail);
  return Object.entries(detail).map(([k, v]) => {
    let text;
    if (v && typeof v === "object" && !Array.isArray(v) && (v.type || v.id)) text = personText(v, who);
    else if (Array.isArray(v)) text = v.map(itemText).join(", ");
    else if (typeof v === "string" && /^[A-Z_]+$/.test(v)) text = `${codeWords(v)} (${v})`;
    else text = itemText(v);
    return `${words(k)}: ${text}`;
  }).join(" · ");
}

function historySection(events, who) {
  return h("section", { class: "panel", "aria-labelledby": "history-h" }, h("h2", { id: "history-h" }, "History"),
    h("ol", { class: "history" }, events.map((e) => h("li", { dataset: { type: e.type } },
      h("span", { class: "when" }, when(e.at)), " ", h("strong", {}, codeWords(e.type)), " ",
      h("span", { class: "actor" }, personText(e.actor, who)),
      e.detail ? h("div", { class: "detail" }, detailText(e.detail, who)) : null))));
}
