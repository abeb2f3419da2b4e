package dev.deskcc.cc.address;

import static dev.deskcc.cc.fake.CcPluginUnderTest.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.api.error.Verdict;
import dev.deskcc.cc.fake.CcPluginUnderTest;
import dev.deskcc.cc.fake.FakeDesk;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the list rules over generated requests. */
class CcListPropertiesTest {

  /** An acceptable address in a random mix of upper and lower case. */
  @Provide
  Arbitrary<String> addresses() {
    Arbitrary<String> local = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(3);
    Arbitrary<String> domain = Arbitraries.of("x.org", "y.net", "mail.z.io");
    return Combinators.combine(local, domain, Arbitraries.randoms())
        .as((l, d, random) -> {
          String address = l + "@" + d;
          StringBuilder mixed = new StringBuilder();
          for (char c : address.toCharArray()) {
            mixed.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
          }
          return random.nextBoolean() ? mixed.toString() : "Some One <" + mixed + ">";
        });
  }

  @Provide
  Arbitrary<List<String>> requests() {
    return addresses().list().ofMaxSize(30);
  }

  private static String key(String item) {
    String address = item.contains("<") ? item.substring(item.indexOf('<') + 1, item.indexOf('>')) : item;
    return address.toLowerCase(Locale.ROOT);
  }

  @Property(tries = 200)
  void an_address_is_the_same_cc_whatever_its_case(@ForAll("addresses") String address) {
    CcPluginUnderTest plugin = new CcPluginUnderTest(FakeDesk.demo());
    plugin.created("t1", ALICE, CcPluginUnderTest.items(address, address.toUpperCase(Locale.ROOT), address.toLowerCase(Locale.ROOT)));
    assertThat(plugin.ccEmails("t1")).hasSize(1);
    assertThat(plugin.ccEmails("t1").get(0).toLowerCase(Locale.ROOT)).isEqualTo(key(address));
  }

  @Property(tries = 300)
  void a_request_is_accepted_exactly_when_its_distinct_addresses_fit_the_cap_and_then_keeps_first_occurrences_in_order(
      @ForAll("requests") List<String> request) {
    CcPluginUnderTest plugin = new CcPluginUnderTest(FakeDesk.demo());
    Set<String> distinct = new LinkedHashSet<>();
    request.forEach(item -> distinct.add(key(item)));

    Verdict verdict = plugin.created("t1", ALICE, CcPluginUnderTest.items(request.toArray(String[]::new)));

    List<String> keys = new ArrayList<>();
    plugin.ccEmails("t1").forEach(e -> keys.add(e.toLowerCase(Locale.ROOT)));
    if (distinct.size() <= 20) {
      assertThat(verdict).isEqualTo(Verdict.accept());
      assertThat(keys).containsExactlyElementsOf(distinct);
    } else {
      assertThat(CcPluginUnderTest.refusal(verdict).code()).isEqualTo("CC_LIMIT_EXCEEDED");
      assertThat(keys).isEmpty();
    }
  }

  @Property(tries = 200)
  void one_rejected_address_anywhere_leaves_the_list_as_it_was(
      @ForAll("requests") List<String> request,
      @ForAll @IntRange(min = 0, max = 30) int position,
      @ForAll("rejectedAddresses") String rejected) {
    FakeDesk desk = FakeDesk.demo();
    CcPluginUnderTest plugin = new CcPluginUnderTest(desk);
    plugin.created("t1", ALICE, CcPluginUnderTest.items("first@keep.org"));
    int contacts = desk.contactCount();
    List<String> items = new ArrayList<>(request);
    items.add(Math.min(position, items.size()), rejected);

    Verdict verdict = plugin.fieldsUpdated("t1", CcPluginUnderTest.items(items.toArray(String[]::new)));

    assertThat(CcPluginUnderTest.refusal(verdict).code()).isEqualTo("CC_REJECTED");
    assertThat(plugin.ccEmails("t1")).containsExactly("first@keep.org");
    assertThat(desk.contactCount()).isEqualTo(contacts);
  }

  @Provide
  Arbitrary<String> rejectedAddresses() {
    return Arbitraries.of("junk@spam.test", "gone@example.com", "onboarding+x@acme.test", "NOREPLY@acme.test",
        "alice@acme.test", "emma@example.com", "not an address", "{\"contactId\": \"nobody\"}", "a@b.org\r\nBcc: x@y.org");
  }

  @Property(tries = 200)
  void adding_never_takes_a_ticket_past_twenty(
      @ForAll("requests") List<String> first, @ForAll("requests") List<String> mail, @ForAll("requests") List<String> reply) {
    CcPluginUnderTest plugin = new CcPluginUnderTest(FakeDesk.demo());
    plugin.created("t1", ALICE, CcPluginUnderTest.items(first.toArray(String[]::new)));
    plugin.mail("t1", "emma", List.of("onboarding@acme.test"), mail.stream().map(CcListPropertiesTest::key).toList());
    int before = plugin.ccEmails("t1").size();
    Verdict verdict = plugin.agentReply("t1", dev.deskcc.api.lifecycle.RecipientInput.absent(),
        CcPluginUnderTest.given(reply.toArray(String[]::new)));

    assertThat(plugin.ccEmails("t1")).hasSizeLessThanOrEqualTo(20);
    if (verdict instanceof Verdict.Refused) {
      assertThat(plugin.ccEmails("t1")).hasSize(before);
    }
  }
}
