package dev.deskcc.cc.store;

import java.util.List;
import java.util.Set;

/**
 * A ticket's current CCs as notifications need them: contact ids only (see {@link
 * CcDataPeek#current}).
 *
 * @param contactIds the current CCs' contact ids, in list order
 * @param held the ones held from notifications until an agent replies
 */
public record CurrentCcs(List<String> contactIds, Set<String> held) {

  public static final CurrentCcs NONE = new CurrentCcs(List.of(), Set.of());

  public CurrentCcs {
    contactIds = List.copyOf(contactIds);
    held = Set.copyOf(held);
  }
}
