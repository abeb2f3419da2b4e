// The plugin developer's view, over simulator control (loopback, no token): the plugins with
// version and state, stop/start, and the outbox with headers, recipients and delivery state.
import { get, post } from "./api.js";
import { h, show, screen, codeWords, announce } from "./dom.js";
import { problemSlot } from "./widgets.js";

export async function overview() {
  const show = screen();
  const [{ plugins }, { messages }] = await Promise.all([get("/sim/plugins"), get("/sim/outbox")]);
  const slot = problemSlot();
  const act = async (id, verb) => {
    try {
      await post(`/sim/plugins/${encodeURIComponent(id)}/${verb}`);
      announce(`Plugin ${id}: ${verb}`);
      overview();
    } catch (err) {
      slot.show(err);
    }
  };
  show(h("h1", {}, "Developer"),
    h("section", { class: "panel", "aria-labelledby": "plugins-h" }, h("h2", { id: "plugins-h" }, "Plugins"),
      plugins.length ? h("ul", { class: "cards" }, plugins.map((p) => h("li", { class: "card", dataset: { plugin: p.id, state: p.state } },
        h("p", {}, h("strong", {}, p.id), ` ${p.version || ""} `, h("span", { class: `badge state-${String(p.state).toLowerCase()}` }, codeWords(p.state))),
        p.reason ? h("p", { class: "help" }, p.reason) : null,
        h("div", { class: "row" },
          h("button", { type: "button", class: "quiet", disabled: p.state !== "STARTED", onclick: () => act(p.id, "stop"), "aria-label": `Stop ${p.id}` }, "Stop"),
          h("button", { type: "button", class: "quiet", disabled: p.state === "STARTED", onclick: () => act(p.id, "start"), "aria-label": `Start ${p.id}` }, "Start"))))) :
        h("p", {}, "The plugins folder is empty: this is a plain help desk."), slot),
    h("section", { class: "panel", "aria-labelledby": "outbox-h" }, h("h2", { id: "outbox-h" }, "Outbox"),
      messages.length ? h("ol", { class: "outbox" }, messages.slice().reverse().map((m) => h("li", { class: "card", dataset: { seq: m.seq, event: m.event } },
        h("p", {}, h("strong", {}, `#${m.seq} ${codeWords(m.event)}`), " ", h("span", { class: `badge delivery-${String(m.delivery || "").toLowerCase()}` }, codeWords(m.delivery || "unknown")),
          m.ratingInvite ? h("span", { class: "badge" }, "Rating invite") : null),
        h("dl", { class: "headers" },
          header("Subject", m.subject), header("From", m.from), header("Reply-To", m.replyTo),
          header("To", (m.to || []).join(", ")), header("Cc", (m.cc || []).join(", ")),
          header("Message-ID", m.messageId), header("In-Reply-To", m.inReplyTo),
          header("References", (m.references || []).join(" ")), header("Ticket", m.ticketId)),
        m.body ? h("details", {}, h("summary", {}, "Body"), h("pre", {}, m.body)) : null))) :
        h("p", {}, "Nothing sent yet.")));
}

function header(name, value) {
  if (!value) return null;
  return [h("dt", {}, name), h("dd", {}, value)];
}
