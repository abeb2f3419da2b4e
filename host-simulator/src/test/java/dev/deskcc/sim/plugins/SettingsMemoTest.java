package dev.deskcc.sim.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SettingsMemoTest {
  private final AtomicInteger resolutions = new AtomicInteger();
  private final SettingsSource source = (reader, departmentId, pluginId) -> {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("resolution", resolutions.incrementAndGet());
    node.put("department", departmentId);
    return node;
  };

  @Test
  void settings_are_resolved_once_per_department_and_plugin() {
    SettingsMemo memo = new SettingsMemo(source);
    memo.settings(null, "d1", "p");
    memo.settings(null, "d1", "p");
    memo.settings(null, "d2", "p");
    memo.settings(null, "d1", "q");
    assertThat(resolutions).hasValue(3);
    assertThat(memo.settings(null, "d2", "p").path("department").asText()).isEqualTo("d2");
  }

  @Test
  void a_settings_write_makes_the_next_call_resolve_again() {
    SettingsMemo memo = new SettingsMemo(source);
    assertThat(memo.settings(null, "d1", "p").path("resolution").asInt()).isEqualTo(1);
    memo.invalidate();
    assertThat(memo.settings(null, "d1", "p").path("resolution").asInt()).isEqualTo(2);
  }

  @Test
  void a_caller_changing_its_copy_does_not_change_what_the_next_caller_sees() {
    SettingsMemo memo = new SettingsMemo(source);
    memo.settings(null, "d1", "p").put("department", "changed");
    assertThat(memo.settings(null, "d1", "p").path("department").asText()).isEqualTo("d1");
  }

  @Test
  void whether_a_plugin_is_active_is_asked_once_per_department_and_again_after_a_settings_write() {
    AtomicInteger asked = new AtomicInteger();
    SettingsSource switched = new SettingsSource() {
      @Override
      public ObjectNode settings(dev.deskcc.sim.store.StoreReader reader, String departmentId, String pluginId) {
        return JsonNodeFactory.instance.objectNode();
      }

      @Override
      public boolean active(dev.deskcc.sim.store.StoreReader reader, String departmentId, String pluginId) {
        asked.incrementAndGet();
        return departmentId.equals("on");
      }
    };
    SettingsMemo memo = new SettingsMemo(switched);
    assertThat(memo.active(null, "on", "p")).isTrue();
    assertThat(memo.active(null, "on", "p")).isTrue();
    assertThat(memo.active(null, "off", "p")).isFalse();
    assertThat(memo.active(null, "on", "p")).isTrue();
    assertThat(memo.active(null, "off", "p")).isFalse();
    assertThat(asked).hasValue(2);
    memo.invalidate();
    memo.active(null, "on", "p");
    assertThat(asked).hasValue(3);
  }
}
