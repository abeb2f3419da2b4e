// The public HTTP API, called with the signed-in user's token. No private endpoints: what the
// API refuses, the console cannot do.

const SESSION_KEY = "deskcc.session";

/** The signed-in user: {name, email, role, token}, or null. */
export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY));
  } catch (e) {
    return null;
  }
}

export function signIn(user) {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(user));
}

export function signOut() {
  sessionStorage.removeItem(SESSION_KEY);
}

/** A refusal of the API: the RFC 9457 problem document. */
export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || `HTTP ${status}`);
    this.status = status;
    this.code = (body && body.code) || `HTTP_${status}`;
    this.errors = (body && body.errors) || [];
  }
}

/** Calls the API; resolves with the JSON answer (null for 204), rejects with a Problem. */
export async function call(method, path, body, options = {}) {
  const headers = { Accept: "application/json" };
  const user = session();
  if (user && user.token && !path.startsWith("/sim/")) {
    headers.Authorization = `Bearer ${user.token}`;
  }
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (options.ifMatch !== undefined) headers["If-Match"] = `"${options.ifMatch}"`;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      json = null;
    }
  }
  if (!response.ok) throw new Problem(response.status, json);
  return json;
}

export const get = (path) => call("GET", path);
export const post = (path, body) => call("POST", path, body);
export const put = (path, body) => call("PUT", path, body);
export const patch = (path, body, options) => call("PATCH", path, body, options);
export const del = (path) => call("DELETE", path);
