// Build step of the dist module (run by exec-maven-plugin as a single-file Java program, not shipped).
//
// Writes the class list that bin/deskcc-sim turns into a class data sharing (AppCDS) archive on its
// first launch: the classes the JVM's own loaders load while the distribution starts with its
// plugins and demo fixture and answers its first requests. Start-up is mostly loading and linking
// those classes from 50 jars; from an archive they are mapped ready-made.
//
// Usage: java CdsClassList.java <distribution home> <class list out>
// Never fails the build: without a class list the launcher simply starts without an archive.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class CdsClassList {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]).toAbsolutePath();
    Path out = Path.of(args[1]).toAbsolutePath();
    try {
      write(home, out);
      Files.copy(out, home.resolve("lib").resolve(out.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      // First launch with the list: the launcher makes this home's archive now rather than when
      // an operator or a test first starts it.
      run(home, List.of("--version"), null);
      System.out.println("[cds] class list " + out + " (" + Files.readAllLines(out).size() + " lines)");
    } catch (IOException | RuntimeException e) {
      System.out.println("[cds] WARNING: no class list, the launcher will start without an archive: " + e);
      Files.deleteIfExists(out);
      Files.deleteIfExists(home.resolve("lib").resolve(out.getFileName()));
    }
  }

  private static void write(Path home, Path out) throws IOException, InterruptedException {
    Files.createDirectories(out.getParent());
    Path partial = out.resolveSibling(out.getFileName() + ".partial");
    Files.deleteIfExists(partial);
    Process p = start(home, List.of("--port", "0"), "-XX:DumpLoadedClassList=" + partial);
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      URI base = null;
      for (String line; base == null && (line = lines.readLine()) != null; ) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          base = URI.create(m.group(1));
        }
      }
      if (base == null) {
        throw new IllegalStateException("the training launch did not listen");
      }
      // the requests an operator's first minute makes: the plugin list, the API, the console
      for (String path : List.of("/sim/plugins", "/sim/outbox", "/api/v1/tickets", "/")) {
        get(base, path);
      }
    } finally {
      p.destroy(); // SIGTERM: a clean stop, which writes the rest of the list
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("the training launch did not stop");
      }
    }
    Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void run(Path home, List<String> args, String javaOpts) throws IOException, InterruptedException {
    Process p = start(home, args, javaOpts);
    p.getInputStream().transferTo(OutputStream.nullOutputStream());
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("deskcc-sim " + args + " did not end");
    }
  }

  private static Process start(Path home, List<String> args, String javaOpts) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/deskcc-sim").toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    if (javaOpts != null) {
      pb.environment().put("JAVA_OPTS", javaOpts);
      pb.environment().put("DESKCC_CDS", "off");
    } else {
      pb.environment().remove("JAVA_OPTS");
    }
    return pb.start();
  }

  private static void get(URI base, String path) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      socket.getInputStream().transferTo(OutputStream.nullOutputStream());
    }
  }
}
