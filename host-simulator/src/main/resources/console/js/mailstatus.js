// Who gets no mail about a ticket and why (contract §6), as agents see it: the ticket's
// `suppressed` list, with the history for what it does not say (a mute behind a bounce, the
// ticket whose message bounced). A platform notion: any address shown on the ticket can carry it.
import { when } from "./dom.js";

const key = (email) => String(email || "").trim().toLowerCase();

/**
 * A look-up email -> {muted: {at} | null, bouncing: {at, here} | null} for one ticket; `here`
 * says the bounce was of a message of this ticket. An entry's own `muted`/`bouncing` flags (a
 * plugin's field value) fill in what the ticket does not list.
 */
export function mailStatus(ticket, events) {
  const muted = new Map();
  const bounced = new Map();
  for (const s of ticket.suppressed || []) {
    if (s.reason === "MUTED") muted.set(key(s.email), { at: s.at });
    if (s.reason === "BOUNCED") bounced.set(key(s.email), { at: s.at, here: false });
  }
  // the last mute or unmute of each address decides; a bounce hides a mute from `suppressed`
  const lastMute = new Map();
  const bouncedHere = new Map();
  for (const e of events || []) {
    const email = e.detail && key(e.detail.email);
    if (!email) continue;
    if (e.type === "RECIPIENT_MUTED" || e.type === "RECIPIENT_UNMUTED") lastMute.set(email, e);
    if (e.type === "RECIPIENT_BOUNCED") bouncedHere.set(email, e);
  }
  for (const [email, b] of bounced) {
    const e = bouncedHere.get(email);
    if (e && Math.abs(Date.parse(e.at) - Date.parse(b.at)) < 2000) b.here = true;
  }
  for (const [email, e] of lastMute) {
    if (e.type === "RECIPIENT_MUTED") muted.set(email, { at: e.at });
    else muted.delete(email);
  }
  return (email, entry = {}) => {
    const k = key(email);
    const m = muted.get(k) || (entry.muted === true ? { at: null } : null);
    // `suppressed` names only people of the thread: a CC mailed but never in it is known by its
    // flag, and when by this ticket's last bounce event (if the bounce was of this ticket's mail)
    const here = bouncedHere.get(k);
    const b = bounced.get(k) || (entry.bouncing === true ? (here ? { at: here.at, here: true } : { at: null, here: false }) : null);
    return { muted: m, bouncing: b };
  };
}

/** The sentences a marker's description reads, for a status of mailStatus(). */
export function statusLines(status, ticket) {
  const lines = [];
  if (status.muted) {
    lines.push(`Muted by themselves${status.muted.at ? ` on ${when(status.muted.at)}` : ""}`
      + " (an unsubscribe link or email, or the help center): no mail about this ticket."
      + " Only they can turn it back on, in the help center.");
  }
  if (status.bouncing) {
    const where = status.bouncing.here ? ` (ticket #${ticket.number})` : " (a message of another ticket)";
    lines.push(`Mail to this address bounced${status.bouncing.at ? ` on ${when(status.bouncing.at)}${where}` : ""}:`
      + " it gets no mail about any ticket until an agent clears the bounce.");
  }
  return lines;
}
