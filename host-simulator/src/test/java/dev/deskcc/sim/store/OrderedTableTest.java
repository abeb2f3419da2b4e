package dev.deskcc.sim.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
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

  @Test
  void after_many_removals_and_re_additions_the_order_is_still_that_of_a_linked_hash_map() {
    Random random = new Random(7);
    Map<Integer, Integer> model = new LinkedHashMap<>();
    OrderedTable table = OrderedTable.EMPTY;
    OrderedTable early = null;
    Map<Integer, Integer> earlyModel = null;
    for (int step = 0; step < 5_000; step++) {
      int key = random.nextInt(200);
      if (random.nextInt(3) == 0) {
        model.remove(key);
        table = table.without(key);
      } else {
        model.put(key, step);
        table = table.with(key, step);
      }
      if (step == 100) {
        early = table;
        earlyModel = new LinkedHashMap<>(model);
      }
    }
    OrderedTable last = table;

    assertThat(last.values()).containsExactlyElementsOf(model.values());
    model.forEach((k, v) -> assertThat(last.get(k)).isEqualTo(v));
    // a table taken early is unchanged by everything after it
    assertThat(early.values()).containsExactlyElementsOf(earlyModel.values());
    // removing every key leaves an empty table that still appends in order
    OrderedTable emptied = table;
    for (Integer key : model.keySet()) {
      emptied = emptied.without(key);
    }
    assertThat(emptied.values()).isEmpty();
    assertThat(emptied.with("x", 1).with("y", 2).values()).containsExactly(1, 2);
  }
}
