package dev.deskcc.cc.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The plugin's data for one ticket.
 *
 * @param entries the current CCs, in the order they were added
 * @param everCc ids of every contact who ever was a CC of the ticket (the current ones are always
 *     included): a CC removed from the list keeps help-center access, which only a restriction ends
 * @param listChangedInVersion the ticket version whose change last changed the CC list, or
 *     {@code 0}; lets the react phase tell which commits changed it
 * @param held ids of current CCs that mail from an unknown sender added and that get no
 *     notification until an agent replies on the ticket (always a subset of the current CCs)
 */
public record TicketCcData(List<CcEntry> entries, Set<String> everCc, long listChangedInVersion, Set<String> held) {

  public static final TicketCcData EMPTY = new TicketCcData(List.of(), Set.of(), 0);

  public TicketCcData {
    entries = List.copyOf(entries);
    Set<String> current = new LinkedHashSet<>();
    entries.forEach(e -> current.add(e.contactId()));
    Set<String> ever = new LinkedHashSet<>(everCc);
    ever.addAll(current);
    everCc = java.util.Collections.unmodifiableSet(ever);
    Set<String> kept = new LinkedHashSet<>(held);
    kept.retainAll(current);
    held = java.util.Collections.unmodifiableSet(kept);
  }

  /** Data with no held CCs. */
  public TicketCcData(List<CcEntry> entries, Set<String> everCc, long listChangedInVersion) {
    this(entries, everCc, listChangedInVersion, Set.of());
  }

  /** Whether this current CC is held from notifications until an agent replies. */
  public boolean isHeld(String contactId) {
    return held.contains(contactId);
  }

  /** The data with these current CCs held as well. */
  public TicketCcData holding(java.util.Collection<String> contactIds) {
    Set<String> more = new LinkedHashSet<>(held);
    more.addAll(contactIds);
    return new TicketCcData(entries, everCc, listChangedInVersion, more);
  }

  /** The data with no CC held any more (an agent replied). */
  public TicketCcData released() {
    return held.isEmpty() ? this : new TicketCcData(entries, everCc, listChangedInVersion, Set.of());
  }

  public boolean isCurrent(String contactId) {
    return entries.stream().anyMatch(e -> e.contactId().equals(contactId));
  }

  public boolean wasEverCc(String contactId) {
    return everCc.contains(contactId) || isCurrent(contactId);
  }

  /** The current entry with this address key or contact id, if any. */
  public Optional<CcEntry> find(String key, String contactId) {
    return entries.stream()
        .filter(e -> (contactId != null && e.contactId().equals(contactId)) || e.key().equals(key))
        .findFirst();
  }

  /**
   * The data with {@code newEntries} as the CC list; every contact on it joins {@link #everCc}. A
   * list equal to the current one changes nothing (not even the version marker). A held CC stays
   * held only while it stays on the list: one removed and added again is not held.
   */
  public TicketCcData withEntries(List<CcEntry> newEntries, long ticketVersion) {
    if (newEntries.equals(entries)) {
      return this;
    }
    Set<String> ever = new LinkedHashSet<>(everCc);
    newEntries.forEach(e -> ever.add(e.contactId()));
    return new TicketCcData(newEntries, ever, ticketVersion, held);
  }

  /** The current list followed by {@code added}. */
  public List<CcEntry> plus(List<CcEntry> added) {
    List<CcEntry> all = new ArrayList<>(entries);
    all.addAll(added);
    return all;
  }
}
