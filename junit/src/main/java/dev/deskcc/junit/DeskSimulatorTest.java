package dev.deskcc.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test of the class against a fresh simulator that has loaded this module's own,
 * freshly built plugin jar, the way a real host loads it (PF4J, from a folder, never from the
 * test classpath). A test method takes a {@link DeskSim} parameter to act as an agent or contact
 * and to read the outbox and the plugin trace.
 *
 * <pre>{@code
 * @DeskSimulatorTest
 * class MyPluginIT {
 *   @Test
 *   void the_plugin_is_started(DeskSim desk) {
 *     assertThat(desk.plugin("my-plugin").state()).isEqualTo("STARTED");
 *   }
 * }
 * }</pre>
 *
 * <p>Contract: the simulator of a test is started before it and closed after it, whatever its
 * outcome; nothing is shared between tests. The jar is looked up as {@link #pluginJars()} says;
 * when there is none (the test ran before {@code package}: name it {@code *IT} so that failsafe
 * runs it after {@code package}), or more than one, the test fails with a message that says so
 * and where it looked.
 *
 * @since 1.2
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DeskSimulatorExtension.class)
public @interface DeskSimulatorTest {

  /**
   * Where the plugin jar is: a folder holding exactly one plugin jar (sources, Javadoc and test
   * jars are ignored), or a jar file, relative to the working directory (the module's folder
   * under Maven). The system property {@value DeskSimulatorExtension#JAR_PROPERTY}, when set,
   * wins. Default {@code target}.
   */
  String pluginJars() default "target";

  /**
   * The fixture every test of the class starts with: a classpath resource (for example
   * {@code "/fixtures/my-world.json"}). Empty (the default): {@link DeskFixture#DEFAULT}'s small
   * world. A test method's own {@link DeskFixture} wins.
   */
  String fixture() default "";
}
