// The console's shell: sign-in picker, navigation by role, and a hash router.
import { get, session, signIn, signOut, Problem } from "./api.js";
import { h, show, field } from "./dom.js";
import { problemBox } from "./widgets.js";
import * as agent from "./agent.js";
import * as admin from "./admin.js";
import * as helpCenter from "./helpcenter.js";
import * as developer from "./developer.js";
import { restrictions } from "./restrictions.js";

const ROUTES = [
  [/^#\/tickets$/, () => agent.list()],
  [/^#\/tickets\/new$/, () => agent.create()],
  [/^#\/tickets\/([^/]+)$/, (m) => agent.view(decodeURIComponent(m[1]))],
  [/^#\/tickets\/([^/]+)\/restrictions$/, (m) => restrictions(decodeURIComponent(m[1]))],
  [/^#\/settings$/, () => admin.settings()],
  [/^#\/settings\/([^/]+)$/, (m) => admin.settings(decodeURIComponent(m[1]))],
  [/^#\/help$/, () => helpCenter.list()],
  [/^#\/help\/new$/, () => helpCenter.submit()],
  [/^#\/help\/([^/]+)$/, (m) => helpCenter.view(decodeURIComponent(m[1]))],
  [/^#\/developer$/, () => developer.overview()],
];

function home(user) {
  if (!user) return "#/signin";
  if (user.role === "contact") return "#/help";
  if (user.role === "developer") return "#/developer";
  return "#/tickets";
}

function navigation(user) {
  const nav = document.getElementById("nav");
  const who = document.getElementById("who");
  nav.replaceChildren();
  who.replaceChildren();
  if (!user) return;
  const links = [];
  if (user.role === "admin" || user.role === "agent") {
    links.push(["#/tickets", "Tickets"], ["#/tickets/new", "New ticket"]);
  }
  if (user.role === "admin") links.push(["#/settings", "Settings"]);
  if (user.role === "contact") links.push(["#/help", "My requests"], ["#/help/new", "Submit a request"]);
  if (user.role !== "contact") links.push(["#/developer", "Developer"]);
  const current = location.hash;
  nav.append(h("ul", {}, links.map(([href, text]) =>
    h("li", {}, h("a", { href, "aria-current": current.startsWith(href) && (href !== "#/tickets" || !current.startsWith("#/tickets/new")) ? "page" : null }, text)))));
  who.append(h("span", { class: "user" }, `${user.name} · ${user.role}`),
    h("button", { type: "button", class: "link", onclick: () => { signOut(); location.hash = "#/signin"; } }, "Sign out"));
}

async function signInScreen() {
  const list = h("ul", { class: "users" });
  const slot = h("div");
  const manual = h("input", { type: "text", autocomplete: "off", spellcheck: "false" });
  show(h("h1", {}, "Sign in"),
    h("p", {}, "The simulator lists the users of its fixture. Pick one to use the console as them; every screen then calls the public API with their token."),
    slot, list,
    h("form", { class: "inline", onsubmit: (e) => { e.preventDefault(); useToken(manual.value.trim()); } },
      field("Or sign in with a token", manual), h("button", { type: "submit" }, "Sign in with token")),
    h("p", {}, h("button", { type: "button", class: "quiet", onclick: () => chosen({ name: "Plugin developer", role: "developer", token: null }) },
      "Continue as plugin developer (simulator control)")));
  try {
    const { users } = await get("/sim/users");
    if (!users.length) slot.append(h("p", {}, "The simulator lists no users; sign in with a token."));
    for (const user of users) {
      list.append(h("li", {}, h("button", { type: "button", class: "user-choice", dataset: { token: user.token }, onclick: () => chosen(user) },
        h("span", { class: "name" }, user.name), h("span", { class: "meta" }, `${user.role} · ${user.email || "no address"}`))));
    }
  } catch (e) {
    slot.append(problemBox(e instanceof Problem ? e : new Problem(0, { detail: String(e) })));
  }

  async function useToken(token) {
    if (!token) return;
    signIn({ name: "Token user", role: "agent", token });
    try {
      await get("/api/v1/departments");
    } catch (e) {
      signOut();
      slot.replaceChildren(problemBox(e));
      return;
    }
    let role = "contact";
    try {
      await get("/api/v1/contacts?email=nobody@invalid.test");
      role = "agent";
      await get("/api/v1/plugins");
      role = "admin";
    } catch (e) { /* the refusals tell the role */ }
    chosen({ name: "Token user", role, token });
  }
}

function chosen(user) {
  signIn(user);
  location.hash = home(user);
}

async function route() {
  const user = session();
  if (!user && location.hash !== "#/signin") {
    location.hash = "#/signin";
    return;
  }
  navigation(user);
  if (location.hash === "#/signin" || !user) {
    await signInScreen();
    return;
  }
  for (const [pattern, screen] of ROUTES) {
    const m = location.hash.match(pattern);
    if (m) {
      try {
        await screen(m);
      } catch (e) {
        show(h("h1", {}, "Something went wrong"), problemBox(e instanceof Problem ? e : new Problem(0, { detail: String(e) })));
      }
      return;
    }
  }
  location.hash = home(user);
}

window.addEventListener("hashchange", route);
route();
