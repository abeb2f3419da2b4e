package dev.deskcc.dist.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskcc.dist.support.Build;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A test plugin, compiled against the distribution's SPI jar: its check sleeps {@link #SLEEP_MS}
 * for every change to a ticket whose subject contains {@link #MARKER}, and leaves two files in
 * the folder named by the environment variable {@code DESKCC_SLOW_DIR}: {@code <ticketId>-<thread
 * size>.entered} before the sleep and {@code .left} after it. A test knows from them, without
 * any clock, that a change is inside its check (entered, not left) and what ticket it saw (the
 * thread size counts the entries of changes committed before it).
 */
final class SlowCheckPlugin {
  static final String MARKER = "[slow]";
  /**
   * Below the launcher's plugin call time-out (2 s, not configurable on its command line), with
   * room for a loaded machine: a longer sleep would turn the change into a time-out.
   */
  static final long SLEEP_MS = 1200;

  private static final String SOURCE = """
      package slowcheck;
      import dev.deskcc.api.error.Verdict;
      import dev.deskcc.api.host.PluginContext;
      import dev.deskcc.api.lifecycle.TicketChangeCheck;
      import dev.deskcc.api.lifecycle.TicketEvent;
      import java.nio.file.Files;
      import java.nio.file.Path;
      public class SlowCheck implements TicketChangeCheck {
        public Verdict check(TicketEvent event, PluginContext ctx) {
          if (!event.ticket().subject().contains("%s")) {
            return Verdict.accept();
          }
          try {
            Path dir = Path.of(System.getenv("DESKCC_SLOW_DIR"));
            String name = event.ticket().id() + "-" + event.ticket().thread().size();
            Files.writeString(dir.resolve(name + ".entered"), event.getClass().getSimpleName());
            Thread.sleep(%d);
            Files.writeString(dir.resolve(name + ".left"), event.getClass().getSimpleName());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return Verdict.accept();
        }
      }
      """.formatted(MARKER, SLEEP_MS);

  private SlowCheckPlugin() {}

  /** A plugins folder with the released CC plugin and this one. */
  static Path pluginsFolder(Path work) {
    try {
      Path plugins = Files.createDirectories(work.resolve("plugins"));
      Files.copy(Build.pluginJar(), plugins.resolve(Build.pluginJar().getFileName()));
      Path src = Files.createDirectories(work.resolve("src/slowcheck"));
      Path classes = Files.createDirectories(work.resolve("classes"));
      Files.writeString(src.resolve("SlowCheck.java"), SOURCE);
      List<String> classpath = new ArrayList<>();
      try (Stream<Path> lib = Files.list(Build.home().resolve("lib"))) {
        lib.forEach(p -> classpath.add(p.toString()));
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
      boolean ok = javac.run(null, diagnostics, diagnostics, "-proc:none", "--release", "17",
          "-d", classes.toString(), "-classpath", String.join(java.io.File.pathSeparator, classpath),
          src.resolve("SlowCheck.java").toString()) == 0;
      assertThat(ok).as("compiling the slow check:%n%s", diagnostics).isTrue();

      Manifest mf = new Manifest();
      Attributes a = mf.getMainAttributes();
      a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
      a.putValue("Plugin-Id", "slow-check");
      a.putValue("Plugin-Version", "1.0.0");
      a.putValue("Plugin-Requires", "*");
      a.putValue("Plugin-Provider", "tests");
      try (OutputStream out = Files.newOutputStream(plugins.resolve("slow-check-1.0.0.jar"));
          JarOutputStream jar = new JarOutputStream(out, mf)) {
        jar.putNextEntry(new JarEntry("META-INF/extensions.idx"));
        jar.write("slowcheck.SlowCheck\n".getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
        jar.putNextEntry(new JarEntry("slowcheck/SlowCheck.class"));
        jar.write(Files.readAllBytes(classes.resolve("slowcheck/SlowCheck.class")));
        jar.closeEntry();
      }
      return plugins;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
