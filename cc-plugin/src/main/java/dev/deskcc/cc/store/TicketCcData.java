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
 * @param everCc ids of every contact who ever was a CC of the ticket (current ones included): a
 *     CC removed from the list keeps help-center access, which only a restriction ends
 * @param listChangedInVersion the ticket version whose change last changed the CC list, or
 *     {@code 0}; lets the react phase tell which commits changed it
 */
public record TicketCcData(List<CcEntry> entries, Set<String> everCc, long listChangedInVersion) {

  public static final TicketCcData EMPTY = new TicketCcData(List.of(), Set.of(), 0);

  public TicketCcData {
    entries = List.copyOf(entries);
    everCc = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(everCc));
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
        .filter(e -> e.key().equals(key) || (contactId != null && e.contactId().equals(contactId)))
        .findFirst();
  }

  /**
   * The data with {@code newEntries} as the CC list; every contact on it joins {@link #everCc}. A
   * list equal to the current one changes nothing (not even the version marker).
   */
  public TicketCcData withEntries(List<CcEntry> newEntries, long ticketVersion) {
    if (newEntries.equals(entries)) {
      return this;
    }
    Set<String> ever = new LinkedHashSet<>(everCc);
    newEntries.forEach(e -> ever.add(e.contactId()));
    return new TicketCcData(newEntries, ever, ticketVersion);
  }

  /** The current list followed by {@code added}. */
  public List<CcEntry> plus(List<CcEntry> added) {
    List<CcEntry> all = new ArrayList<>(entries);
    all.addAll(added);
    return all;
  }
}
