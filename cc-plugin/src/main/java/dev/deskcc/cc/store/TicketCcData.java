package dev.deskcc.cc.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The plugin's data for one ticket: the current CCs ({@link #entries()}), every contact who ever
 * was a CC ({@link #everCc()}), the ticket version that last changed the list ({@link
 * #listChangedInVersion()}) and the held CCs ({@link #held()}).
 *
 * <p>A held CC is on the list (it counts toward the cap) but is not yet a CC in any other sense:
 * it is sent nothing and has no help-center access until an agent releases it, so it is not among
 * {@link #everCc()} either (removed before its release, it never was a CC).
 *
 * <p>A value with record semantics (equality of all four), written as a class so that data
 * decoded from storage need not be copied and checked again, and so that {@link #everCc()},
 * which few callers need, is only worked out when asked for (building it each time dominated
 * decoding; see BENCHMARKS.md, "History kept out of the code").
 */
public final class TicketCcData {

  public static final TicketCcData EMPTY = new TicketCcData(List.of(), Set.of(), 0);

  private final List<CcEntry> entries;
  private final long listChangedInVersion;
  private final Set<String> held;
  /** Ids of contacts an agent removed from the list and no agent added back (contract v1.1). */
  private Set<String> removedByAgent = Set.of();
  /** The former CCs' ids as stored, for {@link #everCc()}; {@code null} once that is known. */
  private final String formerIds;
  /** Immutable once set; made from {@link #formerIds} on first use when decoded. */
  private Set<String> everCc;

  /**
   * @param entries the current CCs, in the order they were added
   * @param everCc ids of every contact who ever was a CC of the ticket (the current ones are
   *     always added): a CC removed from the list keeps help-center access, which only a
   *     restriction ends
   * @param listChangedInVersion the ticket version whose change last changed the CC list, or
   *     {@code 0}; lets the react phase tell which commits changed it
   * @param held ids of current CCs that mail from an unknown sender added and that get nothing
   *     (no mail, no help-center access) until an agent releases them (kept only for current CCs);
   *     they are not added to {@code everCc}
   */
  public TicketCcData(List<CcEntry> entries, Set<String> everCc, long listChangedInVersion, Set<String> held) {
    this.entries = List.copyOf(entries);
    Set<String> current = currentIds(this.entries);
    Set<String> kept = new LinkedHashSet<>(held);
    kept.retainAll(current);
    this.held = Collections.unmodifiableSet(kept);
    Set<String> ever = new LinkedHashSet<>(everCc);
    current.stream().filter(id -> !kept.contains(id)).forEach(ever::add);
    this.everCc = Collections.unmodifiableSet(ever);
    this.formerIds = null;
    this.listChangedInVersion = listChangedInVersion;
  }

  /** Data with no held CCs. */
  public TicketCcData(List<CcEntry> entries, Set<String> everCc, long listChangedInVersion) {
    this(entries, everCc, listChangedInVersion, Set.of());
  }

  private TicketCcData(List<CcEntry> entries, String formerIds, long listChangedInVersion, Set<String> held) {
    this.entries = entries;
    this.formerIds = formerIds;
    this.listChangedInVersion = listChangedInVersion;
    this.held = held;
  }

  /**
   * Ids of contacts that an agent removed from the CC list and no agent has added back since: only
   * an agent may put them back ({@code REMOVED_BY_AGENT} for a contact's request or mail).
   */
  public Set<String> removedByAgent() {
    return removedByAgent;
  }

  /**
   * The data after an agent's edit from {@code before}: who left the list joins {@link
   * #removedByAgent()}, who is on it now leaves it (an agent put them back). This data itself when
   * nothing changes.
   */
  public TicketCcData afterAgentEdit(TicketCcData before) {
    Set<String> now = currentIds(entries);
    Set<String> removed = new LinkedHashSet<>(before.removedByAgent);
    before.entries.forEach(e -> {
      if (!now.contains(e.contactId())) {
        removed.add(e.contactId());
      }
    });
    removed.removeAll(now);
    return removed.equals(removedByAgent) ? this : withRemovedByAgent(removed);
  }

  /** The same data with {@code ids} as {@link #removedByAgent()}. */
  public TicketCcData withRemovedByAgent(Set<String> ids) {
    TicketCcData copy = new TicketCcData(entries, formerIds, listChangedInVersion, held);
    copy.everCc = everCc;
    copy.removedByAgent = Collections.unmodifiableSet(new LinkedHashSet<>(ids));
    return copy;
  }

  /** The data with {@code newData}'s agent removals carried over (lists change, removals stay). */
  private TicketCcData keepingRemovals(TicketCcData newData) {
    return removedByAgent.isEmpty() || newData.removedByAgent.equals(removedByAgent)
        ? newData : newData.withRemovedByAgent(removedByAgent);
  }

  /**
   * Data as decoded, taken as it is: {@code entries} immutable and not shared, {@code held} an
   * immutable set of current CCs, {@code formerIds} the stored id list of former CCs (read only
   * if {@link #everCc()} is asked for).
   */
  static TicketCcData decoded(List<CcEntry> entries, String formerIds, long listChangedInVersion, Set<String> held) {
    return new TicketCcData(entries, Objects.requireNonNull(formerIds, "formerIds"), listChangedInVersion, held);
  }

  private static Set<String> currentIds(List<CcEntry> entries) {
    Set<String> current = new LinkedHashSet<>();
    entries.forEach(e -> current.add(e.contactId()));
    return current;
  }

  /** The current CCs, in the order they were added. */
  public List<CcEntry> entries() {
    return entries;
  }

  /**
   * Ids of every contact who ever was a CC of the ticket (held CCs not counted), the current ones
   * first (in list order), then former ones.
   */
  public Set<String> everCc() {
    Set<String> ever = everCc;
    if (ever == null) {
      Set<String> made = currentIds(entries);
      made.removeAll(held);
      CcDataCodec.ids(formerIds, made);
      // published through the unmodifiable wrapper's final field: safe even if raced
      ever = Collections.unmodifiableSet(made);
      everCc = ever;
    }
    return ever;
  }

  public long listChangedInVersion() {
    return listChangedInVersion;
  }

  /** Ids of current CCs held (no mail, no help-center access) until an agent releases them. */
  public Set<String> held() {
    return held;
  }

  /** Whether this current CC is held from notifications until an agent replies. */
  public boolean isHeld(String contactId) {
    return held.contains(contactId);
  }

  /**
   * The data with these current CCs held as well. A CC held here that was a CC before (removed
   * and now added again) loses that standing: held means no access at all.
   */
  public TicketCcData holding(Collection<String> contactIds) {
    Set<String> more = new LinkedHashSet<>(held);
    more.addAll(contactIds);
    Set<String> ever = new LinkedHashSet<>(everCc());
    ever.removeAll(more);
    return keepingRemovals(new TicketCcData(entries, ever, listChangedInVersion, more));
  }

  /** The data with no CC held any more (an agent replied). */
  public TicketCcData released() {
    return held.isEmpty() ? this : keepingRemovals(new TicketCcData(entries, everCc(), listChangedInVersion, Set.of()));
  }

  /**
   * The data with these held CCs released (an agent's reply included them), the others still held.
   */
  public TicketCcData releasing(Collection<String> contactIds) {
    Set<String> still = new LinkedHashSet<>(held);
    still.removeAll(contactIds);
    return still.size() == held.size() ? this : keepingRemovals(new TicketCcData(entries, everCc(), listChangedInVersion, still));
  }

  public boolean isCurrent(String contactId) {
    return entries.stream().anyMatch(e -> e.contactId().equals(contactId));
  }

  /** Whether the contact is or was a CC of the ticket; a held CC is not (yet). */
  public boolean wasEverCc(String contactId) {
    return everCc().contains(contactId);
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
    // the constructor adds the new list's CCs that are not held: held ones are never "ever a CC"
    return keepingRemovals(new TicketCcData(newEntries, everCc(), ticketVersion, held));
  }

  /** The current list followed by {@code added}. */
  public List<CcEntry> plus(List<CcEntry> added) {
    List<CcEntry> all = new ArrayList<>(entries);
    all.addAll(added);
    return all;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TicketCcData d
        && listChangedInVersion == d.listChangedInVersion
        && entries.equals(d.entries)
        && everCc().equals(d.everCc())
        && held.equals(d.held)
        && removedByAgent.equals(d.removedByAgent);
  }

  @Override
  public int hashCode() {
    return Objects.hash(entries, everCc(), listChangedInVersion, held, removedByAgent);
  }

  @Override
  public String toString() {
    return "TicketCcData[entries=" + entries + ", everCc=" + everCc() + ", listChangedInVersion="
        + listChangedInVersion + ", held=" + held + ", removedByAgent=" + removedByAgent + "]";
  }
}
