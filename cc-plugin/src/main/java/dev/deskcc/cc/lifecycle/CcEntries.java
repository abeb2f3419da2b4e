package dev.deskcc.cc.lifecycle;

import dev.deskcc.api.host.PluginContext;
import dev.deskcc.api.model.Contact;
import dev.deskcc.cc.address.CcCandidate;
import dev.deskcc.cc.store.AddedAt;
import dev.deskcc.cc.store.AddedBy;
import dev.deskcc.cc.store.CcEntry;
import dev.deskcc.cc.store.CcSource;
import java.time.Instant;
import java.util.List;

/** Turns accepted candidates into CC entries, creating contacts for unknown addresses. */
public final class CcEntries {

  private CcEntries() {}

  /**
   * Call only once the whole change is accepted: unknown addresses become {@code ACTIVE} contacts
   * here (the creation commits with the change).
   */
  public static List<CcEntry> materialise(
      List<CcCandidate> candidates, CcSource source, AddedBy addedBy, PluginContext context) {
    Instant now = AddedAt.now(context);
    return candidates.stream()
        .map(c -> entry(c.contact() != null ? c.contact() : context.contacts().findOrCreate(c.address()), source, addedBy, now))
        .toList();
  }

  public static CcEntry entry(Contact contact, CcSource source, AddedBy addedBy, Instant at) {
    return CcEntry.of(contact, source, addedBy, at);
  }

}
