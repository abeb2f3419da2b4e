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
}
