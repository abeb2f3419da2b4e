package dev.deskcc.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SingleLineTest {
  private static final String SPLIT = "Eve\r\nBcc: evil@x.test\t\u0000\u0085\u007f";
  private static final String ONE_LINE = "Eve  Bcc: evil@x.test    ";

  @Test
  void every_control_character_becomes_one_space() {
    assertThat(SingleLine.of(SPLIT)).isEqualTo(ONE_LINE);
    assertThat(SingleLine.of(null)).isNull();
    String plain = "Zoë Lee ☃";
    assertThat(SingleLine.of(plain)).isSameAs(plain);
  }

  @Test
  void names_and_subjects_are_single_lines_whatever_made_them() {
    assertThat(new Contact("c1", null, SPLIT, ContactStatus.ACTIVE, true).name()).isEqualTo(ONE_LINE);
    assertThat(new EmailAddress("eve@example.net", SPLIT).displayName()).isEqualTo(ONE_LINE);
    assertThat(new Agent("a1", SPLIT, new EmailAddress("a@acme.test", null), false, Set.of()).name()).isEqualTo(ONE_LINE);
    Ticket t = new Ticket("t1", 1, "d1", SPLIT, TicketStatus.OPEN, Channel.EMAIL, "c1", List.of(), 1, null, Set.of(),
        Instant.EPOCH);
    assertThat(t.subject()).isEqualTo(ONE_LINE);
  }
}
