package dev.deskcc.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deskcc.sim.Simulator;
import dev.deskcc.sim.support.TestWorld;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Answers are written straight into the response stream: small ones carry their length, large
 * ones are compressed for a client that asks, and the bytes are the same either way.
 */
class AnswerEncodingTest {
  private static Simulator sim;
  private static final OkHttpClient CLIENT = new OkHttpClient();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @BeforeAll
  static void start() {
    sim = Simulator.builder().fixtureJson(TestWorld.FIXTURE).build().start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static Response get(String path, String encoding) throws IOException {
    // an explicit Accept-Encoding turns OkHttp's transparent decompression off
    return CLIENT.newCall(new Request.Builder().url(sim.baseUrl() + path).header("Accept-Encoding", encoding)
        .build()).execute();
  }

  @Test
  void a_small_answer_is_sent_plain_with_its_length_even_to_a_client_that_accepts_gzip() throws IOException {
    try (Response r = get("/sim/fixtures", "gzip")) {
      byte[] body = r.body().bytes();
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.header("Content-Encoding")).isNull();
      assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(body.length));
      assertThat(MAPPER.readTree(body).isObject()).isTrue();
    }
  }

  @Test
  void a_large_answer_is_gzipped_for_a_client_that_asks_and_plain_otherwise_with_the_same_content()
      throws IOException {
    byte[] plain;
    try (Response r = get("/api/v1/openapi.json", "identity")) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.header("Content-Encoding")).isNull();
      plain = r.body().bytes();
    }
    assertThat(plain.length).as("larger than Javalin's 32 KB copy buffer").isGreaterThan(32 * 1024);
    try (Response r = get("/api/v1/openapi.json", "gzip")) {
      assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
      byte[] zipped = r.body().bytes();
      assertThat(zipped.length).isLessThan(plain.length);
      try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(zipped))) {
        assertThat(in.readAllBytes()).isEqualTo(plain);
      }
    }
    assertThat(MAPPER.readTree(plain).path("openapi").asText()).isEqualTo("3.1.0");
  }
}
