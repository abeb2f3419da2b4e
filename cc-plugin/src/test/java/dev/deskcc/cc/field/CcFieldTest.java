package dev.deskcc.cc.field;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.api.field.FieldDefinition;
import dev.deskcc.api.field.ValueType;
import dev.deskcc.cc.fake.FakeDesk;
import org.junit.jupiter.api.Test;

class CcFieldTest {

  private final FakeDesk desk = FakeDesk.demo();
  private final CcField field = new CcField();

  @Test
  void an_enabled_department_has_the_locked_cc_field_offering_a_merge_choice() {
    assertThat(field.fields("hr", desk.readOnlyContext())).singleElement().satisfies(f -> {
      assertThat(f.name()).isEqualTo("cc");
      assertThat(f.type()).isEqualTo(ValueType.ADDRESS_LIST);
      assertThat(f.locked()).isTrue();
      assertThat(f.visibleToContacts()).isTrue();
      assertThat(f.mergeChoice().key()).isEqualTo("ccFrom");
      assertThat(f.mergeChoice().allowsAll()).isTrue();
    });
  }

  @Test
  void a_department_with_the_feature_off_has_no_cc_field() {
    assertThat(field.fields("it", desk.readOnlyContext())).isEmpty();
  }

  @Test
  void a_ticket_without_ccs_has_an_empty_list() {
    assertThat(field.value(desk.ticket("t1"), "cc", desk.readOnlyContext()).isArray()).isTrue();
    assertThat(field.value(desk.ticket("t1"), "cc", desk.readOnlyContext())).isEmpty();
    assertThat(field.fields("hr", desk.readOnlyContext())).extracting(FieldDefinition::label).containsExactly("Secondary Contacts (CC)");
  }
}
