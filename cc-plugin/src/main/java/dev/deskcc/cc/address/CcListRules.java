package dev.deskcc.cc.address;

import dev.deskcc.api.error.ItemError;
import dev.deskcc.api.error.Refusal;
import dev.deskcc.cc.refusal.CcRefusal;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.cc.store.CcEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies {@link AddressRules} to whole lists: dedupe, the cap, and the two policies (all-or-
 * nothing for agents and the help center, best-effort for email).
 *
 * <p>Shared rules: addresses compare without regard to case and a repeat is dropped silently; an
 * address already on the ticket is neither an error nor a repeat (it stays, with its provenance,
 * and is not screened again: the rules guard who joins).
 */
public final class CcListRules {

  private CcListRules() {}

  /** The new list is exactly the request's (ticket details, ticket creation). */
  public static CcPlan replace(List<CcEntry> current, List<RequestItem> items, AddressRules rules) {
    return plan(current, items, rules, false);
  }

  /** The request's addresses join the current list; nobody leaves (reply editor, help center). */
  public static CcPlan add(List<CcEntry> current, List<RequestItem> items, AddressRules rules) {
    return plan(current, items, rules, true);
  }

  private static CcPlan plan(List<CcEntry> current, List<RequestItem> items, AddressRules rules, boolean keepAll) {
    Set<String> seen = new HashSet<>();
    Set<CcEntry> keptSet = new LinkedHashSet<>();
    List<CcCandidate> additions = new ArrayList<>();
    List<ItemError> errors = new ArrayList<>();
    for (RequestItem request : items) {
      Screening screening = rules.screen(request.item());
      if (screening instanceof Screening.Acceptable ok) {
        CcCandidate candidate = ok.candidate();
        if (!seen.add(candidate.key())) {
          continue;
        }
        String contactId = candidate.contact() == null ? null : candidate.contact().id();
        current.stream()
            // the id first: it is stored, while an entry's address key means looking its contact up
            .filter(e -> e.contactId().equals(contactId) || e.key().equals(candidate.key()))
            .findFirst()
            .ifPresentOrElse(keptSet::add, () -> additions.add(candidate));
      } else {
        Screening.Rejected rejected = (Screening.Rejected) screening;
        if (rejected.key() != null) {
          if (!seen.add(rejected.key())) {
            continue;
          }
          CcEntry onTicket = onTicket(current, rejected.key());
          if (onTicket != null) {
            keptSet.add(onTicket);
            continue;
          }
        }
        if (rejected.code() == AddressCode.REQUESTER && request.requesterIgnored()) {
          continue;
        }
        errors.add(new ItemError(rejected.value(), rejected.code().name(), rejected.message()));
      }
    }
    if (!errors.isEmpty()) {
      return new CcPlan.Refused(
          CcRefusal.CC_REJECTED.refusal(
              errors.size() == 1
                  ? "1 address cannot be added as a CC"
                  : errors.size() + " addresses cannot be added as CCs",
              errors));
    }
    List<CcEntry> kept = keepAll ? current : current.stream().filter(keptSet::contains).toList();
    CcPlan.Accepted accepted = new CcPlan.Accepted(kept, additions);
    if (accepted.size() > CcLimit.MAX_PER_TICKET && !additions.isEmpty()) {
      return new CcPlan.Refused(limitExceeded(accepted.size()));
    }
    return accepted;
  }

  /** The refusal for a result of {@code size} CCs. */
  public static Refusal limitExceeded(int size) {
    return CcRefusal.CC_LIMIT_EXCEEDED.refusal(
        "A ticket can have at most " + CcLimit.MAX_PER_TICKET + " CCs; this change would leave " + size);
  }

  /** What a mail's recipients come to: who joins, and who is skipped and why. */
  public record MailPlan(List<CcCandidate> additions, List<Skipped> skipped) {
    public MailPlan {
      additions = List.copyOf(additions);
      skipped = List.copyOf(skipped);
    }
  }

  /** A recipient of a mail that did not join, and why. */
  public record Skipped(EmailAddress address, AddressCode code) {}

  /**
   * Best-effort, in the order given: each address joins while the rules and the cap allow; the
   * others are skipped with their code ({@link AddressCode#CC_LIMIT_EXCEEDED} once the ticket is
   * full). Addresses already on the ticket and repeats are neither added nor skipped.
   */
  public static MailPlan bestEffort(List<CcEntry> current, List<EmailAddress> addresses, AddressRules rules) {
    Set<String> seen = new HashSet<>();
    current.forEach(e -> seen.add(e.key()));
    List<CcCandidate> additions = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (EmailAddress address : addresses) {
      if (!seen.add(address.key())) {
        continue;
      }
      Screening screening = rules.screen(address);
      if (screening instanceof Screening.Rejected rejected) {
        skipped.add(new Skipped(address, rejected.code()));
        continue;
      }
      CcCandidate candidate = ((Screening.Acceptable) screening).candidate();
      if (candidate.contact() != null && current.stream().anyMatch(e -> e.contactId().equals(candidate.contact().id()))) {
        continue;
      }
      if (current.size() + additions.size() >= CcLimit.MAX_PER_TICKET) {
        skipped.add(new Skipped(address, AddressCode.CC_LIMIT_EXCEEDED));
      } else {
        additions.add(candidate);
      }
    }
    return new MailPlan(additions, skipped);
  }

  private static CcEntry onTicket(List<CcEntry> current, String key) {
    for (CcEntry e : current) {
      if (e.key().equals(key)) {
        return e;
      }
    }
    return null;
  }
}
