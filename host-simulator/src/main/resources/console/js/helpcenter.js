// The help center: a contact's own requests (as requester or through a plugin's access rule),
// submitting, replying, commenting and rating. What the contact may not see is "not found".
import { get, post, put, Problem } from "./api.js";
import { h, show, screen, field, uid, codeWords, announce } from "./dom.js";
import { problemSlot, fieldInput, splitList } from "./widgets.js";
import { threadSection } from "./agent.js";

export async function list() {
  const show = screen();
  const { tickets } = await get("/api/v1/tickets");
  show(h("h1", {}, "My requests"),
    h("p", {}, h("a", { class: "button", href: "#/help/new" }, "Submit a request")),
    tickets.length ? h("ul", { class: "cards tickets" }, tickets.map((t) => h("li", { class: "card", dataset: { ticket: t.id, role: t.role || "" } },
      h("a", { href: `#/help/${encodeURIComponent(t.id)}` }, `#${t.number} ${t.subject}`),
      h("p", { class: "meta" }, h("span", { class: `status status-${t.status.toLowerCase()}` }, codeWords(t.status)),
        " · ", h("span", { class: "badge role" }, t.role === "REQUESTER" ? "Requester" : t.role))))) :
      h("p", {}, "You have no requests."));
}

export async function submit() {
  const show = screen();
  const { departments } = await get("/api/v1/departments");
  const slot = problemSlot();
  const dept = h("select", { name: "departmentId" }, departments.map((d) => h("option", { value: d.id }, d.name)));
  const subject = h("input", { type: "text", name: "subject", required: true });
  const description = h("textarea", { name: "description", rows: "4", required: true });
  const extra = h("div", { class: "plugin-fields" });
  let inputs = [];
  const renderFields = () => {
    const d = departments.find((x) => x.id === dept.value);
    inputs = (d ? d.fields : []).filter((f) => f.visibleToContacts).map(fieldInput);
    extra.replaceChildren(...inputs.map((i) => i.element));
  };
  dept.addEventListener("change", renderFields);
  renderFields();
  show(h("h1", {}, "Submit a request"), departments.length ? h("form", { class: "stack", onsubmit: async (e) => {
    e.preventDefault();
    const fields = {};
    inputs.forEach((i) => { const v = i.value(); if (v !== undefined) fields[i.name] = v; });
    const body = { departmentId: dept.value, subject: subject.value, description: description.value };
    if (Object.keys(fields).length) body.fields = fields;
    try {
      const t = await post("/api/v1/tickets", body);
      announce(`Request #${t.number} submitted`);
      location.hash = `#/help/${encodeURIComponent(t.id)}`;
    } catch (err) {
      slot.show(err);
    }
  } }, field("Department", dept), field("Subject", subject), field("Description", description), extra, slot,
  h("button", { type: "submit" }, "Submit request")) : h("p", {}, "No department has a help center."));
}

export async function view(id) {
  const show = screen();
  let ticket;
  try {
    ticket = await get(`/api/v1/tickets/${encodeURIComponent(id)}`);
  } catch (e) {
    if (e instanceof Problem && e.status === 404) {
      show(h("h1", {}, "Not found"), h("p", {}, "There is no such request."), h("p", {}, h("a", { href: "#/help" }, "Back to my requests")));
      return;
    }
    throw e;
  }
  const [{ departments }, mail] = await Promise.all([get("/api/v1/departments"),
    get(`/api/v1/tickets/${encodeURIComponent(id)}/notifications`).catch(() => null)]);
  const dept = departments.find((d) => d.id === ticket.departmentId) || { name: "", fields: [] };
  const lists = dept.fields.filter((f) => f.type === "ADDRESS_LIST" && f.name in (ticket.fields || {}));
  const reload = () => view(id);
  show(h("h1", {}, `#${ticket.number} ${ticket.subject}`),
    h("p", { class: "meta" }, h("span", { class: `status status-${ticket.status.toLowerCase()}` }, codeWords(ticket.status)), ` · ${dept.name}`),
    ticket.description ? h("p", { class: "description" }, ticket.description) : null,
    mail ? mailSwitch(ticket, mail.muted) : null,
    threadSection(ticket, new Map()),
    ticket.status === "OPEN" ? replyForm(ticket, lists, reload) : null,
    ticket.status !== "MERGED" ? commentForm(ticket, reload) : null,
    ratingForm(ticket));
}

/**
 * The contact's own mail switch for this ticket (contract §6): a checkbox, so keyboard and screen
 * readers know it; the state it shows is the one the API answered.
 */
function mailSwitch(ticket, muted) {
  const slot = problemSlot();
  const helpId = uid("help");
  const box = h("input", { type: "checkbox", id: uid("mail"), name: "emailMe", checked: !muted, "aria-describedby": helpId });
  box.addEventListener("change", async () => {
    const wanted = box.checked;
    box.disabled = true;
    slot.show(null);
    try {
      const answer = await put(`/api/v1/tickets/${encodeURIComponent(ticket.id)}/notifications`, { muted: !wanted });
      box.checked = !answer.muted;
      announce(answer.muted ? "You will get no more email about this request" : "You will get email about this request");
    } catch (err) {
      box.checked = !wanted;
      slot.show(err);
    } finally {
      box.disabled = false;
      box.focus();
    }
  });
  return h("section", { class: "panel mail-switch", "aria-labelledby": "hmail-h" }, h("h2", { id: "hmail-h" }, "Email updates"),
    h("div", { class: "check" }, box, h("label", { for: box.id }, "Email me about this ticket")),
    h("p", { class: "help", id: helpId }, "Turned off, we send you no email about this request, rating invitations included."
      + " You can still read, reply and rate here."),
    slot);
}

function replyForm(ticket, lists, reload) {
  const slot = problemSlot();
  const content = h("textarea", { name: "reply", rows: "4", required: true });
  const adds = lists.map((d) => ({ d, input: h("input", { type: "text", name: d.name, autocomplete: "off", placeholder: "Name <name@example.com>" }) }));
  return h("section", { class: "panel", "aria-labelledby": "hreply-h" }, h("h2", { id: "hreply-h" }, "Reply"),
    h("form", { class: "stack", onsubmit: async (e) => {
      e.preventDefault();
      const body = { content: content.value };
      const added = adds.flatMap((a) => splitList(a.input.value) || []);
      if (added.length) body.cc = added;
      try {
        await post(`/api/v1/tickets/${encodeURIComponent(ticket.id)}/replies`, body);
        announce("Reply sent");
        reload();
      } catch (err) {
        slot.show(err);
      }
    } }, field("Reply", content), adds.map((a) => field(`Add to ${a.d.label}`, a.input, a.d.helpText)), slot,
    h("button", { type: "submit" }, "Send reply")));
}

function commentForm(ticket, reload) {
  const slot = problemSlot();
  const content = h("textarea", { name: "comment", rows: "3", required: true });
  return h("section", { class: "panel", "aria-labelledby": "hcomment-h" }, h("h2", { id: "hcomment-h" }, "Comment"),
    h("form", { class: "stack", onsubmit: async (e) => {
      e.preventDefault();
      try {
        await post(`/api/v1/tickets/${encodeURIComponent(ticket.id)}/comments`, { content: content.value });
        reload();
      } catch (err) {
        slot.show(err);
      }
    } }, field("Comment", content), slot, h("button", { type: "submit" }, "Add comment")));
}

function ratingForm(ticket) {
  const slot = problemSlot();
  const name = uid("rating");
  const comment = h("input", { type: "text", name: "ratingComment" });
  const options = [["GOOD", "Good"], ["OKAY", "Okay"], ["BAD", "Bad"]].map(([value, text], i) => {
    const radio = h("input", { type: "radio", name, value, id: uid("r"), checked: i === 0 });
    return h("div", { class: "check" }, radio, h("label", { for: radio.id }, text));
  });
  return h("section", { class: "panel", "aria-labelledby": "rate-h" }, h("h2", { id: "rate-h" }, "Rate this request"),
    h("form", { class: "stack", onsubmit: async (e) => {
      e.preventDefault();
      const rating = e.target.querySelector(`input[name="${name}"]:checked`).value;
      try {
        await post(`/api/v1/tickets/${encodeURIComponent(ticket.id)}/ratings`, { rating, comment: comment.value || undefined });
        slot.replaceChildren(h("p", { class: "ok", role: "status" }, "Thank you for your rating."));
      } catch (err) {
        slot.show(err);
      }
    } }, h("fieldset", {}, h("legend", {}, "How did we do?"), options), field("Comment (optional)", comment), slot,
    h("button", { type: "submit" }, "Send rating")));
}
