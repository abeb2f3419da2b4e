/** The plugin's per-ticket data: CC entries with provenance, former CCs, schema versions. */
package dev.deskcc.cc.store;
