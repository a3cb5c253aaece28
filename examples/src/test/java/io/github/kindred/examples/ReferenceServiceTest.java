package io.github.kindred.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReferenceServiceTest {
  private static ReferenceService service;

  @BeforeAll
  static void start() throws Exception {
    // 25,000 items: above the index's exact threshold of 20,000, so recommendations go through the graph.
    service = ReferenceService.start(25_000, 2_000, 0, 2);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static String get(String path, int expectedStatus) throws Exception {
    HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + service.port() + path).openConnection();
    assertThat(c.getResponseCode()).isEqualTo(expectedStatus);
    try (InputStream in = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String post(String path, String body, int expectedStatus) throws Exception {
    HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + service.port() + path).openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    assertThat(c.getResponseCode()).isEqualTo(expectedStatus);
    try (InputStream in = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void servesTenItemsPerUserAndAnswersHealthSimilarEventsAndErrors() throws Exception {
    String recs = get("/recommend?user=u1&n=10", 200);
    assertThat(recs).startsWith("{\"user\":\"u1\"");
    assertThat(recs.split("\"item\":").length - 1).isEqualTo(10);
    assertThat(get("/health", 200)).isEqualTo("{\"status\":\"ok\"}");
    assertThat(get("/similar?item=i3&n=5", 200)).contains("\"items\":[{");
    assertThat(get("/recommend?user=nobody", 404)).contains("unknown user nobody");
    assertThat(post("/events", "u1 i7\nu2 i8 2\n", 200)).isEqualTo("{\"accepted\":2}");
    assertThat(post("/events", "u1 i7\nbroken\n", 400)).contains("line 2").contains("\"accepted\":1");
    assertThat(get("/metrics", 200)).contains("\"items\":25000");
  }

  @Test
  void theLoadGeneratorCountsEveryRequestOfItsBudget() throws Exception {
    LoadGenerator.Result result = LoadGenerator.run(service.port(), service.users(), 200, 30, 2);
    assertThat(result.requests()).isEqualTo(200);
    assertThat(result.errors()).isZero();
    assertThat(result.p99Millis()).isGreaterThanOrEqualTo(result.p50Millis());
  }
}
