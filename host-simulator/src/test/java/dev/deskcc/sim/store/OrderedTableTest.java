package dev.deskcc.sim.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The in-memory store's tables keep insertion order and never change under a reader. */
class OrderedTableTest {

  @Test
  void a_replaced_key_keeps_its_place_and_a_re_added_one_goes_last() {
    OrderedTable t = OrderedTable.EMPTY.with("a", 1).with("b", 2).with("c", 3).with("a", 9);
    assertThat(t.values()).containsExactly(9, 2, 3);

    OrderedTable readded = t.without("b").with("b", 5);
    assertThat(readded.values()).containsExactly(9, 3, 5);
    assertThat(readded.get("b")).isEqualTo(5);
    assertThat(t.without("x")).isSameAs(t);
  }

  @Test
  void a_write_leaves_the_table_it_started_from_unchanged() {
    OrderedTable before = OrderedTable.EMPTY.with("a", 1);
    before.with("a", 2).without("a").with("b", 3);

    assertThat(before.values()).containsExactly(1);
    assertThat(before.get("b")).isNull();
  }

  @Test
  void a_keyed_table_finds_replaces_and_removes_like_an_ordered_one_and_never_changes_under_a_reader() {
    OrderedTable before = OrderedTable.KEYED.with("a", 1).with("b", 2);
    OrderedTable after = before.with("a", 9).without("b").with("c", 3);

    assertThat(after.get("a")).isEqualTo(9);
    assertThat(after.get("b")).isNull();
    assertThat(after.values()).containsExactlyInAnyOrder(9, 3);
    assertThat(before.get("a")).isEqualTo(1);
    assertThat(before.values()).containsExactlyInAnyOrder(1, 2);
    assertThat(after.without("x")).isSameAs(after);
  }
}
