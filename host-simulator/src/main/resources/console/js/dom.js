// Tiny DOM helpers: build elements without innerHTML, so every text stays text.

let counter = 0;

/** A fresh id for label/aria wiring. */
export function uid(prefix = "id") {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** h("button", {class: "x", onclick: fn}, "text", child) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (key === "class") {
      el.className = value;
    } else if (key === "dataset") {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(key, "");
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the content of the main region and moves focus to its heading. */
export function show(...children) {
  const main = document.getElementById("main");
  main.replaceChildren();
  append(main, children);
  const heading = main.querySelector("h1");
  if (heading) {
    heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
  }
  // a screen's title names it, so tabs, history and screen readers tell screens apart (WCAG 2.4.2)
  document.title = heading ? `${heading.textContent} · deskcc console` : "deskcc console";
}

/**
 * Moves focus after a control the user acted on was removed from the page: to the first of
 * the candidates still in the document, so keyboard users are never dropped to <body>.
 */
export function focusFirst(...candidates) {
  for (const el of candidates.flat()) {
    if (el && el.isConnected) {
      el.focus();
      return el;
    }
  }
  return null;
}

/** A labelled form control: label + control (+ help text wired with aria-describedby). */
export function field(labelText, control, help) {
  const id = control.id || uid("f");
  control.id = id;
  const parts = [h("label", { for: id }, labelText), control];
  if (help) {
    const helpId = uid("help");
    control.setAttribute("aria-describedby", helpId);
    parts.push(h("p", { class: "help", id: helpId }, help));
  }
  return h("div", { class: "field" }, parts);
}

/** Announces a short message to screen readers. */
export function announce(text) {
  const status = document.getElementById("status");
  status.textContent = "";
  setTimeout(() => { status.textContent = text; }, 20);
}

/** "2026-11-26T10:15:00Z" as a short local date and time. */
export function when(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** "addedBy" -> "Added by" */
export function words(name) {
  const spaced = String(name).replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** "AGENT_REPLY" -> "Agent reply" */
export function codeWords(code) {
  return words(String(code || "").toLowerCase());
}

/**
 * A show() for a screen that renders only while the route it was started for is still the
 * current one: an answer that arrives after the user moved on does not replace the new screen.
 */
export function screen() {
  const hash = location.hash;
  return (...children) => {
    if (location.hash === hash) show(...children);
  };
}
