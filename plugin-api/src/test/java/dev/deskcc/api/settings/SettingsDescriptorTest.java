package dev.deskcc.api.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.deskcc.api.model.Edition;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsDescriptorTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<SettingDefinition> SETTINGS = List.of(
      new SettingDefinition("enabled", "Enabled", "on/off", SettingType.BOOLEAN, JSON.booleanNode(false)),
      new SettingDefinition("label", "Label", "a label", SettingType.TEXT, JSON.textNode("x")));

  @Test
  void a_descriptor_made_the_platform_1_0_way_has_no_switch() {
    SettingsDescriptor d = new SettingsDescriptor("T", "D", SETTINGS, Edition.PROFESSIONAL, null);
    assertThat(d.activeWhen()).isNull();
  }

  @Test
  void the_switch_names_a_boolean_setting_of_the_descriptor() {
    assertThat(new SettingsDescriptor("T", "D", SETTINGS, Edition.PROFESSIONAL, null, "enabled").activeWhen())
        .isEqualTo("enabled");
  }

  @Test
  void a_switch_naming_no_setting_or_a_setting_that_is_not_boolean_is_refused() {
    assertThatThrownBy(() -> new SettingsDescriptor("T", "D", SETTINGS, Edition.PROFESSIONAL, null, "missing"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
    assertThatThrownBy(() -> new SettingsDescriptor("T", "D", SETTINGS, Edition.PROFESSIONAL, null, "label"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BOOLEAN");
  }
}
