package dev.deskcc.cc.refusal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.api.error.RefusalCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every code the plugin can refuse with is declared to the host: refusals are built only through
 * {@link CcRefusal}, and {@link CcRefusalCodes} declares each of its values, as a PF4J extension.
 */
class CcRefusalTest {
  private static final Path SOURCES = Path.of("src", "main", "java");
  /** A refusal built around CcRefusal, or a code written as a literal where a refusal is made. */
  private static final Pattern BYPASS =
      Pattern.compile("Refusal\\.(invalid|conflict|forbidden)\\(|new Refusal\\(|Verdict\\.refuse\\(\\s*\"");
  private static final Pattern USED = Pattern.compile("CcRefusal\\.([A-Z_]+)\\.refusal\\(");

  @Test
  void no_refusal_is_built_outside_the_enum() throws IOException {
    List<String> bypasses = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (file.endsWith(Path.of("refusal", "CcRefusal.java"))) {
          continue;
        }
        Matcher m = BYPASS.matcher(Files.readString(file));
        while (m.find()) {
          bypasses.add(file + ": " + m.group());
        }
      }
    }
    assertThat(bypasses).as("refusals built without CcRefusal, so perhaps undeclared").isEmpty();
  }

  @Test
  void every_value_is_declared_once_with_its_kind_and_used_somewhere() throws IOException {
    List<RefusalCode> declared = new CcRefusalCodes().refusalCodes();
    assertThat(declared).extracting(RefusalCode::code)
        .containsExactlyElementsOf(Arrays.stream(CcRefusal.values()).map(Enum::name).toList())
        .doesNotHaveDuplicates();
    assertThat(declared).allSatisfy(c -> assertThat(c.description()).isNotBlank().doesNotContain("\n"));
    // a declared code no check can produce would promise callers an answer they never get
    List<String> used = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = USED.matcher(Files.readString(file));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertThat(used).containsAll(declared.stream().map(RefusalCode::code).toList());
  }

  @Test
  void the_declaration_is_an_extension_pf4j_finds() throws IOException {
    // the plugin's own index, as packed into its jar (the test class path holds other plugins' too)
    Path index = Path.of("target", "classes", "META-INF", "extensions.idx");
    assertThat(Files.readString(index, StandardCharsets.UTF_8).lines()).contains(CcRefusalCodes.class.getName());
  }
}
