package io.github.kindred.examples;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load generator for {@link ReferenceService} on the loopback address: a fixed pool of client threads, each
 * sending {@code GET /recommend} for seeded random users over its own keep-alive HTTP/1.1 connection until the request budget or the
 * time limit is spent, whichever comes first; reports throughput and latency percentiles. It only ever talks to
 * 127.0.0.1.
 *
 * <p>Run (with the service started): {@code java -cp examples/target/kindred-demo.jar
 * io.github.kindred.examples.LoadGenerator --port 8080 --users 20000 --requests 100000 --seconds 60 --threads 8}, or
 * {@code --serve 100000} to start the service in the same JVM first.
 */
public final class LoadGenerator {
  /** The outcome of one run. */
  public record Result(int requests, int errors, double seconds, double p50Millis, double p99Millis,
      double clientCpuSeconds) {
    /** Requests per second. */
    public double throughput() {
      return requests / seconds;
    }

    @Override
    public String toString() {
      return String.format("%,d requests (%d errors) in %.1f s: %,.0f req/s, p50 %.2f ms, p99 %.2f ms; this JVM's "
          + "CPU %.1f s (%.0f us per request)", requests, errors, seconds, throughput(), p50Millis, p99Millis,
          clientCpuSeconds, clientCpuSeconds * 1e6 / Math.max(1, requests));
    }
  }

  private LoadGenerator() {}

  /**
   * Runs the load.
   *
   * @param port the service's loopback port
   * @param users users are {@code u0 .. u(users-1)}
   * @param requests the request budget, at least 1
   * @param seconds the time limit
   * @param threads client threads
   * @return throughput and latencies
   * @throws Exception if a client thread fails
   */
  public static Result run(int port, int users, int requests, double seconds, int threads) throws Exception {
    AtomicInteger budget = new AtomicInteger(requests);
    AtomicInteger errors = new AtomicInteger();
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    long cpu = processCpuNanos();
    try {
      Future<?>[] futures = new Future<?>[threads];
      long[][] latencies = new long[threads][];
      int[] counts = new int[threads];
      for (int t = 0; t < threads; t++) {
        int id = t;
        futures[t] = pool.submit(() -> {
          SplittableRandom random = new SplittableRandom(1_000 + id);
          long[] mine = new long[1024];
          int n = 0;
          Connection connection = null;
          while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
            long begin = System.nanoTime();
            try {
              if (connection == null) {
                connection = new Connection(port);
              }
              if (connection.get("/recommend?n=10&user=u" + random.nextInt(users)) != 200) {
                errors.incrementAndGet();
              }
            } catch (IOException e) {
              errors.incrementAndGet();
              connection = close(connection);
            }
            if (n == mine.length) {
              mine = Arrays.copyOf(mine, n * 2);
            }
            mine[n++] = System.nanoTime() - begin;
          }
          close(connection);
          latencies[id] = mine;
          counts[id] = n;
          return null;
        });
      }
      for (Future<?> future : futures) {
        future.get();
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      int total = Arrays.stream(counts).sum();
      long[] all = new long[total];
      for (int t = 0, off = 0; t < threads; t++) {
        System.arraycopy(latencies[t], 0, all, off, counts[t]);
        off += counts[t];
      }
      Arrays.sort(all);
      return new Result(total, errors.get(), elapsed, percentile(all, 0.50), percentile(all, 0.99),
          (processCpuNanos() - cpu) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  /** CPU time of this whole JVM (the service too, with {@code --serve}), or 0 where the JVM does not tell. */
  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0L;
  }

  private static Connection close(Connection connection) {
    if (connection != null) {
      connection.close();
    }
    return null;
  }

  /**
   * One keep-alive HTTP/1.1 connection speaking just enough of the protocol for the service's answers (a status
   * line, headers with a Content-Length, a body): a tenth of the client CPU of {@code HttpURLConnection}, which
   * matters because the client shares the machine with the service it measures.
   */
  private static final class Connection {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private final String host;

    Connection(int port) throws IOException {
      socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setTcpNoDelay(true);
      out = new BufferedOutputStream(socket.getOutputStream(), 512);
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      host = "Host: 127.0.0.1:" + port + "\r\n\r\n";
    }

    /** Sends {@code GET path}, reads the whole answer and returns its status. */
    int get(String path) throws IOException {
      out.write(("GET " + path + " HTTP/1.1\r\n" + host).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status = line();
      if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
        throw new IOException("bad status line: " + status);
      }
      int length = -1;
      for (String header = line(); !header.isEmpty(); header = line()) {
        if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          length = Integer.parseInt(header.substring(15).trim());
        }
      }
      if (length < 0) {
        throw new IOException("no Content-Length in the answer to " + path);
      }
      for (int read = 0; read < length; ) {
        int r = in.read(buffer, 0, Math.min(buffer.length, length - read));
        if (r < 0) {
          throw new IOException("connection closed after " + read + " of " + length + " body bytes");
        }
        read += r;
      }
      return Integer.parseInt(status.substring(9, 12));
    }

    private String line() throws IOException {
      int n = 0;
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new IOException("connection closed in the headers");
        }
        if (b != '\r' && n < buffer.length) {
          buffer[n++] = (byte) b;
        }
      }
      return new String(buffer, 0, n, StandardCharsets.US_ASCII);
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing a loopback socket that failed already: nothing left to release.
      }
    }
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
  }

  /**
   * Runs the load test and prints the result.
   *
   * @param args {@code --port P --users N --requests N --seconds S --threads T [--serve ITEMS]}
   * @throws Exception if the service cannot start or a client fails
   */
  public static void main(String[] args) throws Exception {
    int port = 8080;
    int users = 20_000;
    int requests = 100_000;
    double seconds = 60;
    int threads = 8;
    int serve = 0;
    for (int a = 0; a + 1 < args.length; a += 2) {
      switch (args[a]) {
        case "--port" -> port = Integer.parseInt(args[a + 1]);
        case "--users" -> users = Integer.parseInt(args[a + 1]);
        case "--requests" -> requests = Integer.parseInt(args[a + 1]);
        case "--seconds" -> seconds = Double.parseDouble(args[a + 1]);
        case "--threads" -> threads = Integer.parseInt(args[a + 1]);
        case "--serve" -> serve = Integer.parseInt(args[a + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[a]);
      }
    }
    ReferenceService service = null;
    if (serve > 0) {
      long start = System.nanoTime();
      service = ReferenceService.start(serve, users, 0, 4);
      port = service.port();
      System.out.printf("service: %,d items, ready in %.1f s%n", serve, (System.nanoTime() - start) / 1e9);
    }
    try {
      // Warm-up: a tenth of the budget, not reported.
      run(port, users, Math.max(1, requests / 10), seconds / 4, threads);
      System.out.println(run(port, users, requests, seconds, threads));
    } finally {
      if (service != null) {
        service.close();
      }
    }
  }
}
