package dev.deskcc.sim.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deskcc.api.model.EmailAddress;
import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.support.HttpClient;
import dev.deskcc.sim.support.HttpClient.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A few hundred real messages from the test corpora of public mail libraries (see {@code
 * mail-corpus/SOURCES.txt}), posted one by one to the inbound route of a real host over HTTP.
 * Each is taken in (202) or refused exactly as the contract says (400 {@code MALFORMED_MESSAGE}
 * only without a {@code From} holding an address), and the sender, recipients and attachments of
 * each thread entry agree with what Python's {@code email} package reads in the same bytes
 * ({@code expected.json}, written by {@code src/test/python/mail_corpus_expectations.py}).
 *
 * <p>Where the two disagree, {@code known-differences.txt} names the message, the field and which
 * parser is wrong. The test fails on any disagreement not listed there and on any listed one that
 * no longer happens, so the list stays true.
 */
class MailCorpusTest {
  /** The envelope recipient put in front of every message, as a mail server records it. */
  static final String DELIVERED_TO = "Delivered-To: support@corpus.test\r\n";

  private static final Path CORPUS = Path.of("src", "test", "resources", "mail-corpus");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = "tok-corpus";
  private static final String FIXTURE = """
      {"org": {"name": "Corpus", "edition": "PROFESSIONAL"},
       "departments": [{"key": "d", "name": "Desk", "helpCenter": false,
         "supportAddresses": ["support@corpus.test"], "fromAddresses": ["noreply@corpus.test"],
         "ratingMode": "OFF"}],
       "agents": [{"key": "a", "name": "Admin", "email": "admin@corpus.test", "admin": true,
         "departments": ["d"], "token": "tok-corpus"}],
       "contacts": []}
      """;

  private static Simulator sim;
  private static HttpClient http;

  @BeforeAll
  static void start() {
    sim = Simulator.builder().fixtureJson(FIXTURE).build().start();
    http = new HttpClient(sim.baseUrl());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void every_corpus_message_is_taken_in_or_refused_as_the_contract_says_and_agrees_with_python()
      throws IOException {
    JsonNode expected = JSON.readTree(CORPUS.resolve("expected.json").toFile());
    Map<String, String> found = new TreeMap<>();
    int taken = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      byte[] raw = Files.readAllBytes(CORPUS.resolve(e.getKey()));
      taken += check(e.getKey(), raw, e.getValue(), found) ? 1 : 0;
    }
    Map<String, String> known = knownDifferences();
    assertThat(expected.size()).isGreaterThan(290);
    assertThat(found.keySet())
        .as("disagreements with Python's email package (known-differences.txt lists the accepted ones):%n%s",
            String.join("\n", found.values()))
        .containsExactlyInAnyOrderElementsOf(known.keySet());
    assertThat(taken).as("messages taken in").isGreaterThan(210);
  }

  /** Posts one message; records each disagreement under "path field". True when taken in. */
  private static boolean check(String path, byte[] message, JsonNode expect, Map<String, String> found) {
    byte[] raw = withDeliveredTo(message);
    Answer a = http.raw("POST", "/api/v1/inbound/email", raw, "message/rfc822", ADMIN);
    if (a.json() != null && "DUPLICATE_MESSAGE".equals(a.json().path("dropped").asText())) {
      // The corpora reuse Message-IDs; a fresh world takes the message in as new.
      assertThat(http.json("POST", "/sim/fixtures", FIXTURE, null).status()).isEqualTo(200);
      a = http.raw("POST", "/api/v1/inbound/email", raw, "message/rfc822", ADMIN);
    }
    assertThat(a.status()).as("%s: %s", path, a).isLessThan(500);
    if (!expect.path("taken").asBoolean()) {
      if (a.status() != 400 || !"MALFORMED_MESSAGE".equals(a.code())) {
        found.put(path + " status", path + " status: python finds no From address, the desk answered " + a);
      }
      return false;
    }
    if (a.status() != 202) {
      found.put(path + " status", path + " status: python reads From " + expect.path("from").asText()
          + ", the desk answered " + a);
      return false;
    }
    if (expect.path("deliveryReport").asBoolean()) {
      // Contract section 6 drops delivery reports (issue 13's work); either way they are taken in.
      return true;
    }
    if (a.json().has("dropped")) {
      found.put(path + " status", path + " status: dropped " + a.json().get("dropped"));
      return true;
    }
    JsonNode entry = entry(a.json().get("ticketId").asText(), a.json().get("entryId").asText());
    compare(found, path, "from", List.of(expect.path("from").asText()),
        List.of(entry.path("author").path("email").asText().toLowerCase(Locale.ROOT)));
    compare(found, path, "to", strings(expect.path("to")), specs(entry.path("to")));
    compare(found, path, "cc", strings(expect.path("cc")), specs(entry.path("cc")));
    for (JsonNode want : expect.path("attachments")) {
      // The desk keeps a file name without the sender's path; compare with Python's last segment.
      String name = want.path("name").asText().replaceAll("^.*[/\\\\]", "");
      JsonNode got = null;
      for (JsonNode att : entry.path("attachments")) {
        boolean sameBytes = att.path("sha256").asText().equals(want.path("sha256").asText());
        if (sameBytes && (got == null || att.path("name").asText().equals(name))) {
          got = att;
        }
      }
      if (got == null) {
        found.put(path + " attachment " + want.path("name").asText(), path + " attachment "
            + want.path("name").asText() + ": missing or different bytes; the desk has " + entry.path("attachments"));
      } else if (!got.path("name").asText().equals(name)) {
        found.put(path + " name " + name, path + " name: python " + name + ", the desk " + got.path("name").asText());
      }
    }
    return true;
  }

  /** The line goes first, or after an mbox "From " envelope line (as the Python script does). */
  private static byte[] withDeliveredTo(byte[] message) {
    byte[] head = DELIVERED_TO.getBytes(StandardCharsets.US_ASCII);
    int cut = 0;
    if (new String(message, 0, Math.min(5, message.length), StandardCharsets.ISO_8859_1).equals("From ")) {
      while (cut < message.length && message[cut++] != '\n') {
        // up to and with the envelope line's end
      }
    }
    byte[] raw = new byte[head.length + message.length];
    System.arraycopy(message, 0, raw, 0, cut);
    System.arraycopy(head, 0, raw, cut, head.length);
    System.arraycopy(message, cut, raw, cut + head.length, message.length - cut);
    return raw;
  }

  private static JsonNode entry(String ticketId, String entryId) {
    Answer t = http.get("/api/v1/tickets/" + ticketId, ADMIN);
    assertThat(t.status()).as(t.toString()).isEqualTo(200);
    for (JsonNode e : t.json().path("thread")) {
      if (e.path("id").asText().equals(entryId)) {
        return e;
      }
    }
    throw new AssertionError("entry " + entryId + " not in " + t);
  }

  /**
   * The desk keeps only addresses valid for it (a domain with a dot); Python keeps every addr-spec
   * with an '@'. Those the desk cannot use are compared as absent on both sides.
   */
  private static void compare(Map<String, String> found, String path, String field, List<String> python, List<String> desk) {
    TreeSet<String> want = new TreeSet<>();
    for (String s : python) {
      if (EmailAddress.tryParse(s).isPresent()) {
        want.add(s);
      }
    }
    TreeSet<String> got = new TreeSet<>(desk);
    if (!want.equals(got)) {
      found.put(path + " " + field, path + " " + field + ": python " + want + ", the desk " + got);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText().toLowerCase(Locale.ROOT)));
    return out;
  }

  private static List<String> specs(JsonNode array) {
    List<String> out = new ArrayList<>();
    // An entry address the desk's own parser cannot read again is a finding, kept as written.
    array.forEach(n -> out.add(EmailAddress.tryParse(n.asText()).map(EmailAddress::key).orElse(n.asText())));
    return out;
  }

  /** "path field<TAB>who is wrong and why", one a line; # starts a comment. */
  private static Map<String, String> knownDifferences() throws IOException {
    Map<String, String> known = new TreeMap<>();
    for (String line : Files.readAllLines(CORPUS.resolve("known-differences.txt"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", 2);
      known.put(cols[0].strip(), cols.length > 1 ? cols[1] : "");
    }
    return known;
  }
}
