package io.github.kindred.examples;

import io.github.kindred.eval.cli.VectorRelaunch;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded load generator for {@link ReferenceService} on the loopback address: a fixed pool of client threads, each
 * sending {@code GET /recommend} for seeded random users over its own keep-alive HTTP/1.1 connection until the
 * request budget or the time limit is spent, whichever comes first; reports throughput, latency percentiles and the
 * CPU time of its own client threads. It only ever talks to 127.0.0.1.
 *
 * <p>Two modes. Closed loop (the default): every client sends its next request as soon as the previous answer is
 * read, which measures the most the service sustains; the latencies then include the queueing of the clients'
 * own requests behind one another. Open loop ({@code --rate R}): request {@code k} is due at {@code k / R} seconds
 * from the start whatever the service does, taken by the first free client, and its latency is counted from when it
 * was due, not from when it was sent, so that a stalled service shows in the percentiles instead of silently slowing
 * the load (the "coordinated omission" of closed-loop tests).
 *
 * <p>Run (with the service started): {@code java -cp examples/target/kindred-demo.jar
 * io.github.kindred.examples.LoadGenerator --port 8080 --users 20000 --requests 100000 --seconds 60 --threads 8}, or
 * {@code --serve 100000} to start the service in the same JVM first (with {@code --cache 0}: no cached results, and
 * {@code --check 500}: the recall of the served answers against the exact scan).
 */
public final class LoadGenerator {
  /**
   * The outcome of one run.
   *
   * @param requests requests answered (or failed) within the budget and the time limit
   * @param errors requests that failed or were not answered with status 200
   * @param seconds wall time of the run
   * @param p50Millis median latency
   * @param p99Millis 99th percentile latency
   * @param maxMillis largest latency
   * @param clientCpuSeconds CPU time of the client threads (building requests, socket calls, parsing answers)
   * @param processCpuSeconds CPU time of the whole JVM during the run (the service too, when it runs in it), 0 where
   *     the JVM does not tell
   * @param rate the requests per second asked for, 0 for the closed loop
   * @param machineCpuSeconds CPU time of every process on the machine during the run (from Linux's
   *     {@code /proc/stat}, NaN elsewhere): what it adds to {@code processCpuSeconds} is other programs' load
   */
  public record Result(int requests, int errors, double seconds, double p50Millis, double p99Millis,
      double maxMillis, double clientCpuSeconds, double processCpuSeconds, double rate, double machineCpuSeconds) {
    /**
     * Requests per second.
     *
     * @return requests over wall seconds
     */
    public double throughput() {
      return requests / seconds;
    }

    @Override
    public String toString() {
      return String.format("%s: %,d requests (%d errors) in %.1f s: %,.0f req/s, p50 %.2f ms, p99 %.2f ms, max %.1f "
          + "ms; CPU of the JVM %.1f s (%.0f us per request), of which the load generator's threads %.1f s (%.0f us "
          + "per request); other processes %.1f s", rate > 0 ? String.format("open loop at %,.0f req/s", rate) : "closed loop", requests,
          errors, seconds, throughput(), p50Millis, p99Millis, maxMillis, processCpuSeconds,
          processCpuSeconds * 1e6 / Math.max(1, requests), clientCpuSeconds,
          clientCpuSeconds * 1e6 / Math.max(1, requests), machineCpuSeconds - processCpuSeconds);
    }
  }

  private LoadGenerator() {}

  /**
   * Runs the closed-loop load.
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
    return run(port, users, requests, seconds, threads, 0);
  }

  /**
   * Runs the load, closed-loop ({@code rate == 0}) or open-loop at {@code rate} requests per second.
   *
   * @param port the service's loopback port
   * @param users users are {@code u0 .. u(users-1)}, at least 1
   * @param requests the request budget, at least 1
   * @param seconds the time limit, positive
   * @param threads client threads, at least 1
   * @param rate requests per second for the open loop, or 0 for the closed loop
   * @return throughput and latencies
   * @throws IllegalArgumentException naming the first argument out of range
   * @throws Exception if a client thread fails
   */
  public static Result run(int port, int users, int requests, double seconds, int threads, double rate)
      throws Exception {
    if (users < 1 || requests < 1 || threads < 1 || !(seconds > 0) || !(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("need users, requests, threads >= 1, seconds > 0 and a finite rate >= 0; "
          + "got users " + users + ", requests " + requests + ", threads " + threads + ", seconds " + seconds
          + ", rate " + rate);
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong clientCpu = new AtomicLong();
    ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
    boolean threadCpu = threadBean.isCurrentThreadCpuTimeSupported();
    double nanosPerRequest = rate > 0 ? 1e9 / rate : 0;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    long cpu = processCpuNanos();
    double machine = machineCpuSeconds();
    try {
      Future<?>[] futures = new Future<?>[threads];
      long[][] latencies = new long[threads][];
      int[] counts = new int[threads];
      for (int t = 0; t < threads; t++) {
        int id = t;
        futures[t] = pool.submit(() -> {
          long myCpu = threadCpu ? threadBean.getCurrentThreadCpuTime() : 0;
          SplittableRandom random = new SplittableRandom(1_000 + id);
          long[] mine = new long[1024];
          int n = 0;
          Connection connection = null;
          for (int k = next.getAndIncrement(); k < requests; k = next.getAndIncrement()) {
            long due = rate > 0 ? start + (long) (k * nanosPerRequest) : System.nanoTime();
            if (due >= deadline) {
              break;
            }
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
              LockSupport.parkNanos(wait);
            }
            if (rate == 0 && System.nanoTime() >= deadline) {
              break;
            }
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
            mine[n++] = System.nanoTime() - due;
          }
          close(connection);
          latencies[id] = mine;
          counts[id] = n;
          if (threadCpu) {
            clientCpu.addAndGet(threadBean.getCurrentThreadCpuTime() - myCpu);
          }
          return null;
        });
      }
      for (Future<?> future : futures) {
        future.get();
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      long processCpu = processCpuNanos() - cpu;
      double machineCpu = machineCpuSeconds() - machine;
      int total = Arrays.stream(counts).sum();
      long[] all = new long[total];
      for (int t = 0, off = 0; t < threads; t++) {
        System.arraycopy(latencies[t], 0, all, off, counts[t]);
        off += counts[t];
      }
      Arrays.sort(all);
      return new Result(total, errors.get(), elapsed, percentile(all, 0.50), percentile(all, 0.99),
          total == 0 ? Double.NaN : all[total - 1] / 1e6, clientCpu.get() / 1e9, processCpu / 1e9, rate, machineCpu);
    } finally {
      pool.shutdownNow();
    }
  }

  /** CPU time of this whole JVM (the service too, with {@code --serve}), or 0 where the JVM does not tell. */
  private static long processCpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0L;
  }

  /**
   * Busy CPU seconds of the whole machine since boot: the user, nice, system, interrupt and steal ticks of the first
   * line of {@code /proc/stat} at Linux's 100 ticks per second; NaN where there is no such file.
   */
  private static double machineCpuSeconds() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int k : new int[] {1, 2, 3, 6, 7, 8}) {
        busy += Long.parseLong(f[k]);
      }
      return busy / 100.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
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
   * @param args {@code --port P --users N --requests N --seconds S --threads T [--rate R] [--warmup SECONDS]}
   *     (warm-up 10 s by default, 0 for none) and, to start the
   *     service in this JVM, {@code --serve ITEMS [--service-threads T] [--cache USERS] [--index-dir DIR]
   *     [--search-width W] [--over-fetch F] [--check USERS]}
   * @throws Exception if the service cannot start or a client fails
   */
  public static void main(String[] args) throws Exception {
    OptionalInt child = VectorRelaunch.ifNeeded(LoadGenerator.class, args); // the walk's int8 kernel needs the module
    if (child.isPresent()) {
      System.exit(child.getAsInt());
    }
    int port = 8080;
    int users = 20_000;
    int requests = 100_000;
    double seconds = 60;
    int threads = 8;
    double rate = 0;
    double warmup = 10;
    int serve = 0;
    int serviceThreads = Runtime.getRuntime().availableProcessors();
    long cache = 0;
    Path indexDir = null;
    int check = 0;
    int searchWidth = ReferenceService.Options.defaults().searchWidth();
    int overFetch = ReferenceService.Options.defaults().overFetch();
    for (int a = 0; a + 1 < args.length; a += 2) {
      switch (args[a]) {
        case "--port" -> port = Integer.parseInt(args[a + 1]);
        case "--users" -> users = Integer.parseInt(args[a + 1]);
        case "--requests" -> requests = Integer.parseInt(args[a + 1]);
        case "--seconds" -> seconds = Double.parseDouble(args[a + 1]);
        case "--threads" -> threads = Integer.parseInt(args[a + 1]);
        case "--rate" -> rate = Double.parseDouble(args[a + 1]);
        case "--warmup" -> warmup = Double.parseDouble(args[a + 1]);
        case "--serve" -> serve = Integer.parseInt(args[a + 1]);
        case "--service-threads" -> serviceThreads = Integer.parseInt(args[a + 1]);
        case "--cache" -> cache = Long.parseLong(args[a + 1]);
        case "--index-dir" -> indexDir = Path.of(args[a + 1]);
        case "--check" -> check = Integer.parseInt(args[a + 1]);
        case "--search-width" -> searchWidth = Integer.parseInt(args[a + 1]);
        case "--over-fetch" -> overFetch = Integer.parseInt(args[a + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[a]);
      }
    }
    ReferenceService service = null;
    if (serve > 0) {
      long start = System.nanoTime();
      service = ReferenceService.start(new ReferenceService.Options(serve, users, 0, serviceThreads, cache,
          indexDir, searchWidth, overFetch));
      port = service.port();
      System.out.printf("service: %,d items, %,d users, %d request threads, %,d cached users, search width %d, "
          + "over-fetch %d, ready in %.1f s%n", serve, users, serviceThreads, cache, searchWidth, overFetch,
          (System.nanoTime() - start) / 1e9);
    }
    try {
      // Warm-up, closed loop, not reported: the JIT compiles the request path for about ten seconds (two cores),
      // and a compilation during the measured run takes a core from the service.
      if (warmup > 0) {
        run(port, users, Integer.MAX_VALUE, warmup, threads, 0);
      }
      System.out.println(run(port, users, requests, seconds, threads, rate));
      if (service != null && check > 0) {
        System.out.printf("recall@10 of the served answers against the exact scan, %,d users: %.4f%n", check,
            service.recallAgainstExactScan(check, 10));
      }
    } finally {
      if (service != null) {
        service.close();
      }
    }
  }
}
