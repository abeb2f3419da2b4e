package dev.deskcc.api.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PluginEventTest {

  @Test
  void an_upper_snake_name_is_a_plugin_event() {
    assertThat(new PluginEvent("CC_ADDED").name()).isEqualTo("CC_ADDED");
  }

  @Test
  void a_name_that_is_not_upper_snake_is_refused() {
    for (String bad : new String[] {"cc_added", "CC-ADDED", "_CC", "CC__ADDED", "", "A".repeat(65)}) {
      assertThatThrownBy(() -> new PluginEvent(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void the_hosts_own_event_names_cannot_be_taken() {
    for (OutboundEvent own : OutboundEvent.values()) {
      assertThatThrownBy(() -> new PluginEvent(own.name())).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
