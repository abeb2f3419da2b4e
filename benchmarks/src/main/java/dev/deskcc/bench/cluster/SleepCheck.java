package dev.deskcc.bench.cluster;

import dev.deskcc.bench.support.Plugins;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The latency-bound mix's plugin: a {@code TicketChangeCheck} that sleeps for every change, as a
 * plugin waiting on a slow service would. Built at run time (javac against this JVM's class path,
 * which holds the SPI) into a plugins folder beside a copy of the CC plugin. The nodes run in the
 * benchmark's JVM, so the check reads its sleep from the system property {@link #PROPERTY}.
 */
final class SleepCheck {
  static final String PROPERTY = "deskcc.bench.checkSleepMs";

  private static final String SOURCE = """
      package benchsleep;
      import dev.deskcc.api.error.Verdict;
      import dev.deskcc.api.host.PluginContext;
      import dev.deskcc.api.lifecycle.TicketChangeCheck;
      import dev.deskcc.api.lifecycle.TicketEvent;
      public class Sleep implements TicketChangeCheck {
        public Verdict check(TicketEvent event, PluginContext ctx) {
          long ms = Long.getLong("%s", 0L);
          if (ms > 0) {
            try {
              Thread.sleep(ms);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return Verdict.accept();
        }
      }
      """.formatted(PROPERTY);

  private SleepCheck() {}

  /** A fresh plugins folder: the CC plugin jar(s) of {@link Plugins#dir()} and the sleeping check. */
  static Path pluginsWithSleepCheck() {
    try {
      Path work = Files.createTempDirectory("deskcc-bench-sleep");
      Path plugins = Files.createDirectories(work.resolve("plugins"));
      try (Stream<Path> jars = Files.list(Plugins.dir())) {
        for (Path jar : jars.toList()) {
          Files.copy(jar, plugins.resolve(jar.getFileName()));
        }
      }
      Path src = Files.createDirectories(work.resolve("src/benchsleep"));
      Path classes = Files.createDirectories(work.resolve("classes"));
      Files.writeString(src.resolve("Sleep.java"), SOURCE);
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      if (javac.run(null, null, null, "-proc:none", "--release", "17", "-d", classes.toString(),
          "-classpath", System.getProperty("java.class.path"), src.resolve("Sleep.java").toString()) != 0) {
        throw new IllegalStateException("cannot compile the sleeping check");
      }
      Manifest mf = new Manifest();
      Attributes a = mf.getMainAttributes();
      a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
      a.putValue("Plugin-Id", "bench-sleep");
      a.putValue("Plugin-Version", "1.0.0");
      a.putValue("Plugin-Requires", "*");
      a.putValue("Plugin-Provider", "benchmarks");
      try (OutputStream out = Files.newOutputStream(plugins.resolve("bench-sleep-1.0.0.jar"));
          JarOutputStream jar = new JarOutputStream(out, mf)) {
        jar.putNextEntry(new JarEntry("META-INF/extensions.idx"));
        jar.write("benchsleep.Sleep\n".getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
        jar.putNextEntry(new JarEntry("benchsleep/Sleep.class"));
        jar.write(Files.readAllBytes(classes.resolve("benchsleep/Sleep.class")));
        jar.closeEntry();
      }
      return plugins;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
