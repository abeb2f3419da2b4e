package dev.deskcc.sim.store;

import dev.deskcc.api.host.DeskAddress;
import dev.deskcc.api.host.DeskAddressKind;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.EmailAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The desk's own addresses by untagged key, so that screening an address is one hash look-up
 * instead of a scan of every department's addresses. Support wins over from when an address is
 * both, and the first department (in order) wins among equals, as a scan in that order would.
 */
public final class DeskAddressIndex {
  private static final DeskAddressIndex EMPTY = new DeskAddressIndex(Map.of());

  private final Map<String, DeskAddress> byUntaggedKey;

  private DeskAddressIndex(Map<String, DeskAddress> byUntaggedKey) {
    this.byUntaggedKey = byUntaggedKey;
  }

  public static DeskAddressIndex empty() {
    return EMPTY;
  }

  /** Indexes the departments' support and from addresses. */
  public static DeskAddressIndex of(List<Department> departments) {
    Map<String, DeskAddress> index = new HashMap<>();
    for (Department d : departments) {
      for (EmailAddress a : d.supportAddresses()) {
        index.putIfAbsent(a.untaggedKey(), new DeskAddress(DeskAddressKind.SUPPORT, d.id()));
      }
    }
    for (Department d : departments) {
      for (EmailAddress a : d.fromAddresses()) {
        index.putIfAbsent(a.untaggedKey(), new DeskAddress(DeskAddressKind.FROM, d.id()));
      }
    }
    return new DeskAddressIndex(Map.copyOf(index));
  }

  /**
   * The desk address {@code address} is, plus-tagged forms included. Equal keys have equal
   * untagged keys, so comparing untagged keys alone covers an exact match too.
   */
  public Optional<DeskAddress> find(EmailAddress address) {
    return Optional.ofNullable(byUntaggedKey.get(address.untaggedKey()));
  }
}
