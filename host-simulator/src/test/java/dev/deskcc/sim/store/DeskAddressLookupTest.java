package dev.deskcc.sim.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.api.host.DeskAddress;
import dev.deskcc.api.host.DeskAddressKind;
import dev.deskcc.api.model.Department;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.api.model.RatingMode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-memory store answers desk-address look-ups from its index, as the department scan would. */
class DeskAddressLookupTest {
  private final InMemoryStore store = new InMemoryStore();

  private static Department dept(String id, List<String> support, List<String> from) {
    return new Department(id, id, true, support.stream().map(EmailAddress::parse).toList(),
        from.stream().map(EmailAddress::parse).toList(), RatingMode.OFF);
  }

  private void put(Department... departments) {
    try (StoreTx tx = store.begin()) {
      for (Department d : departments) {
        tx.putDepartment(d);
      }
      tx.commit();
    }
  }

  private Optional<DeskAddress> find(String address) {
    return store.read().deskAddress(EmailAddress.parse(address));
  }

  @Test
  void plus_tagged_and_differently_cased_forms_are_the_desk_address() {
    put(dept("hr", List.of("Onboarding@Acme.test"), List.of("no-reply@acme.test")));

    assertThat(find("onboarding+x@ACME.test")).contains(new DeskAddress(DeskAddressKind.SUPPORT, "hr"));
    assertThat(find("No-Reply@acme.test")).contains(new DeskAddress(DeskAddressKind.FROM, "hr"));
    assertThat(find("ann@acme.test")).isEmpty();
  }

  @Test
  void a_quoted_or_unicode_spelling_of_a_desk_address_is_the_desk_address() {
    put(dept("hr", List.of("onboarding@b\u00fccher.example"), List.of("noreply@acme.test")));

    assertThat(find("\"onboarding\"@xn--bcher-kva.example")).contains(new DeskAddress(DeskAddressKind.SUPPORT, "hr"));
    assertThat(find("\"onboarding+x\"@B\u00fcCHER.example")).contains(new DeskAddress(DeskAddressKind.SUPPORT, "hr"));
    assertThat(find("\"noreply\"@acme.test")).contains(new DeskAddress(DeskAddressKind.FROM, "hr"));
  }

  @Test
  void support_wins_over_from_and_the_first_department_over_later_ones() {
    put(dept("a", List.of(), List.of("shared@acme.test")), dept("b", List.of("shared@acme.test"), List.of()),
        dept("c", List.of("shared@acme.test"), List.of()));

    assertThat(find("shared@acme.test")).contains(new DeskAddress(DeskAddressKind.SUPPORT, "b"));
  }

  @Test
  void an_address_a_department_gave_up_is_no_desk_address_and_a_clear_forgets_all() {
    put(dept("hr", List.of("old@acme.test"), List.of()));
    put(dept("hr", List.of("new@acme.test"), List.of()));

    assertThat(find("old@acme.test")).isEmpty();
    assertThat(find("new@acme.test")).isPresent();

    try (StoreTx tx = store.begin()) {
      tx.clear();
      assertThat(tx.deskAddress(EmailAddress.parse("new@acme.test"))).isEmpty();
      tx.commit();
    }
    assertThat(find("new@acme.test")).isEmpty();
  }
}
