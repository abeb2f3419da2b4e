package dev.deskcc.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The fixture one test method (or a test class) of a {@link DeskSimulatorTest} starts with, a
 * classpath resource in the format of {@code POST /sim/fixtures}.
 *
 * @since 1.2
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DeskFixture {

  /**
   * The world a test gets when it names no fixture: organisation edition {@code PROFESSIONAL};
   * department {@code support} (help center on, support address {@code support@example.test},
   * rating {@code OFF}); agents {@code admin} (token {@code admin-token}, an admin) and
   * {@code agent} (token {@code agent-token}); contact {@code carl}
   * ({@code carl@example.com}, token {@code carl-token}).
   */
  String DEFAULT = """
      {"org": {"name": "Example Co", "edition": "PROFESSIONAL"},
       "departments": [{"key": "support", "name": "Support", "helpCenter": true,
                        "supportAddresses": ["support@example.test"], "fromAddresses": ["noreply@example.test"],
                        "ratingMode": "OFF"}],
       "agents": [{"key": "admin", "name": "Ann Admin", "email": "ann@example.test", "admin": true,
                   "departments": ["support"], "token": "admin-token"},
                  {"key": "agent", "name": "Abe Agent", "email": "abe@example.test", "admin": false,
                   "departments": ["support"], "token": "agent-token"}],
       "contacts": [{"key": "carl", "name": "Carl", "email": "carl@example.com", "token": "carl-token"}]}
      """;

  /** The classpath resource, for example {@code "/fixtures/two-departments.json"}. */
  String value();
}
