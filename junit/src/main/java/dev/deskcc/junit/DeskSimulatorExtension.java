package dev.deskcc.junit;

import dev.deskcc.sim.Simulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link DeskSimulatorTest}: before each test it copies the plugin jar into a
 * fresh plugins folder, starts a {@link Simulator} on a free port with the test's fixture, and
 * hands the test a {@link DeskSim}; after the test it closes the simulator and deletes the folder.
 * Everything lives in the test's {@link ExtensionContext.Store}: no static state, so tests may run
 * in parallel.
 *
 * @since 1.2
 */
public final class DeskSimulatorExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

  /** System property naming the plugin jar (or its folder); wins over {@link DeskSimulatorTest#pluginJars()}. */
  public static final String JAR_PROPERTY = "deskcc.plugin.jar";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DeskSimulatorExtension.class);
  private static final String KEY = "desk";

  /** Made by JUnit from {@link DeskSimulatorTest}. */
  public DeskSimulatorExtension() {}

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    Path jar = PluginJarLocator.locate(Path.of(jarSetting(context)));
    Path plugins = Files.createTempDirectory("deskcc-plugins-");
    Files.copy(jar, plugins.resolve(jar.getFileName()));
    Simulator simulator;
    try {
      simulator = Simulator.builder().port(0).pluginsDir(plugins).fixtureJson(fixture(context)).build().start();
    } catch (RuntimeException e) {
      deleteTree(plugins);
      throw e;
    }
    context.getStore(NAMESPACE).put(KEY, new DeskSim(simulator, jar, plugins));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    DeskSim desk = context.getStore(NAMESPACE).remove(KEY, DeskSim.class);
    if (desk != null) {
      desk.simulator().close();
      deleteTree(desk.pluginsFolder());
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DeskSim.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    DeskSim desk = context.getStore(NAMESPACE).get(KEY, DeskSim.class);
    if (desk == null) {
      // constructors and @BeforeAll methods run before any simulator exists
      throw new ExtensionConfigurationException("DeskSim is available to test methods and @BeforeEach/@AfterEach only");
    }
    return desk;
  }

  private static String jarSetting(ExtensionContext context) {
    String property = System.getProperty(JAR_PROPERTY);
    if (property != null && !property.isBlank()) {
      return property;
    }
    return annotation(context).map(DeskSimulatorTest::pluginJars).orElse("target");
  }

  private static Optional<DeskSimulatorTest> annotation(ExtensionContext context) {
    return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), DeskSimulatorTest.class);
  }

  private static String fixture(ExtensionContext context) {
    Optional<String> resource = context.getTestMethod()
        .flatMap(m -> AnnotationSupport.findAnnotation(m, DeskFixture.class)).map(DeskFixture::value)
        .or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), DeskFixture.class).map(DeskFixture::value))
        .or(() -> annotation(context).map(DeskSimulatorTest::fixture).filter(f -> !f.isEmpty()));
    if (resource.isEmpty()) {
      return DeskFixture.DEFAULT;
    }
    String name = resource.get();
    try (InputStream in = context.getRequiredTestClass().getResourceAsStream(name)) {
      if (in == null) {
        throw new ExtensionConfigurationException("fixture " + name + " is not on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless; the test's outcome is what matters
    }
  }
}
