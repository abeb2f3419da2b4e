package dev.deskcc.sim.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The console's static files, read from the classpath folder {@code /console}. */
public final class ConsoleAssets {
  private static final String ROOT = "/console/";
  // no "..", no absolute paths: only the console's own files can be named
  private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\\.[a-z0-9]+");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml",
      "png", "image/png",
      "ico", "image/x-icon");

  // files in a jar never change while it serves; read each once (a rebuilt jar under a running
  // server then cannot break the console). Only files found are kept: they are the jar's few, so
  // the map is bounded by the jar, never by what clients ask for (a miss is read again each time)
  private final Map<String, Asset> cache = new ConcurrentHashMap<>();

  /** A file's bytes and content type. */
  public record Asset(byte[] content, String contentType) {}

  /** The asset at {@code path} (relative to the console folder), if there is one. */
  public Optional<Asset> find(String path) {
    if (path == null || !SAFE.matcher(path).matches()) {
      return Optional.empty();
    }
    Asset known = cache.get(path);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Asset> read = read(path);
    read.ifPresent(a -> cache.putIfAbsent(path, a));
    return read;
  }

  /** How many files are held in memory (for the test that misses grow nothing). */
  int cached() {
    return cache.size();
  }

  private Optional<Asset> read(String path) {
    String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1));
    if (type == null) {
      return Optional.empty();
    }
    try (InputStream in = ConsoleAssets.class.getResourceAsStream(ROOT + path)) {
      return in == null ? Optional.empty() : Optional.of(new Asset(in.readAllBytes(), type));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
