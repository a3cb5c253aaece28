package io.github.kindred.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.kindred.ann.AnnConfig;
import io.github.kindred.ann.HnswCandidateRetriever;
import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.factorization.ImplicitAlsConfig;
import io.github.kindred.factorization.ImplicitAlsModel;
import io.github.kindred.factorization.ImplicitAlsTrainer;
import io.github.kindred.serve.Recommendations;
import io.github.kindred.serve.Recommender;
import io.github.kindred.serve.Request;
import io.github.kindred.serve.ServingStats;
import io.github.kindred.serve.pipeline.CandidateRetriever;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A reference HTTP service on the JDK's built-in server ({@code com.sun.net.httpserver}, no extra dependency): an
 * implicit ALS model of a seeded synthetic catalogue, served through an HNSW index (recommender-ann) and the
 * {@link Recommender} facade, bound to the loopback address only.
 *
 * <p>Endpoints, all JSON:
 * <ul>
 *   <li>{@code GET /recommend?user=ID&n=10}: the user's top n unseen items through the facade's pipeline, whose
 *       candidate stage is the HNSW index ({@link HnswCandidateRetriever});
 *   <li>{@code GET /similar?item=ID&n=10}: similar items through the facade;
 *   <li>{@code POST /events} with lines {@code user item [value]}: events ingested by the facade;
 *   <li>{@code POST /swap}: retrains with the next seed in the background and swaps the model in atomically
 *       while requests continue (the pipeline builds the new model's index before it serves);
 *   <li>{@code GET /health} and {@code GET /metrics} (requests served, model version, cache statistics).
 * </ul>
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp examples/target/kindred-demo.jar
 * io.github.kindred.examples.ReferenceService --items 100000 --port 8080 --cache 0 --index-dir /tmp/kindred}, then
 * {@link LoadGenerator} against it from another JVM.
 */
public final class ReferenceService implements AutoCloseable {
  /** A model, its data and its index, swapped as one. */
  private record Snapshot(ImplicitAlsModel model, Dataset data, long version) {}

  private static final String NODELAY = "sun.net.httpserver.nodelay";

  /** Graph index above 20,000 items, built on two threads. */
  private static final AnnConfig ANN = AnnConfig.defaults().withExactBelow(20_000).withBuildThreads(2);

  private final HttpServer server;
  private final ExecutorService workers;
  private final Recommender recommender;
  private final AtomicReference<Snapshot> current;
  private final AtomicLong served = new AtomicLong();
  private final int items;
  private final int users;

  private ReferenceService(Options options) throws IOException {
    this.items = options.items();
    this.users = options.users();
    Dataset data = generate(items, users, 20, 7);
    Snapshot first = train(data, 1);
    current = new AtomicReference<>(first);
    // The HNSW index is the pipeline's candidate stage: built by the factory for every swapped-in model (or loaded
    // from the index directory when it holds this model's graph: training is seeded, so a restart trains the same
    // factors), its candidates (4 per result) scored exactly by the model, then the business rules.
    CandidateRetriever.Factory index = options.indexDir() == null ? HnswCandidateRetriever.factory(ANN)
        : HnswCandidateRetriever.factory(ANN, options.indexDir().resolve("hnsw-" + items + "x64.idx"));
    recommender = Recommender.builder(first.model(), data).userCacheSize(options.cacheSize())
        .candidateRetriever(index, 4).build();
    // The JDK server writes the headers and the body of an answer in two writes; with Nagle's algorithm on, the
    // second waits for the client's delayed ACK (40 ms on Linux), which capped the service at ~80 requests/s per
    // connection with p50 48 ms while its CPU idled. Read once by the server, so set before it is created.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port(options)), 256);
    // A bounded pool sized to the cores: the work is CPU-bound, so more threads only add queueing and switches.
    workers = Executors.newFixedThreadPool(options.threads(), task -> {
      Thread thread = new Thread(task, "kindred-request");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(workers);
    server.createContext("/recommend", this::recommend);
    server.createContext("/similar", this::similar);
    server.createContext("/events", this::events);
    server.createContext("/swap", this::swap);
    server.createContext("/health", exchange -> send(exchange, 200, "{\"status\":\"ok\"}"));
    server.createContext("/metrics", this::metrics);
    server.start();
  }

  private static int port(Options options) {
    return options.port();
  }

  /**
   * What to serve and how.
   *
   * @param items catalogue size, at least 1
   * @param users number of synthetic users, at least 1
   * @param port the loopback port, 0 for any free one
   * @param threads request threads, at least 1 (the cores by default)
   * @param cacheSize users whose results the facade caches, at least 0 (0: every request is computed)
   * @param indexDir where the HNSW graph is kept between starts, or null to build it at every start
   */
  public record Options(int items, int users, int port, int threads, long cacheSize, Path indexDir) {
    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException naming the first parameter out of range and its value
     */
    public Options {
      if (items < 1 || users < 1 || threads < 1 || cacheSize < 0 || port < 0 || port > 65_535) {
        throw new IllegalArgumentException("need items, users, threads >= 1, cacheSize >= 0 and a port in [0, "
            + "65535]; got items " + items + ", users " + users + ", threads " + threads + ", cacheSize " + cacheSize
            + ", port " + port);
      }
    }

    /**
     * 100,000 items, 20,000 users, port 8080, one request thread per core, 10,000 cached users, no index directory.
     *
     * @return the defaults
     */
    public static Options defaults() {
      return new Options(100_000, 20_000, 8080, Runtime.getRuntime().availableProcessors(), 10_000, null);
    }
  }

  /**
   * Trains the model, builds its index and starts serving.
   *
   * @param items catalogue size
   * @param users number of synthetic users
   * @param port the loopback port, 0 for any free one
   * @param threads request threads
   * @return the running service
   * @throws IOException if the port cannot be bound
   */
  public static ReferenceService start(int items, int users, int port, int threads) throws IOException {
    return start(new Options(items, users, port, threads, Options.defaults().cacheSize(), null));
  }

  /**
   * Trains the model, builds or loads its index and starts serving.
   *
   * @param options what to serve and how
   * @return the running service
   * @throws IOException if the port cannot be bound or the index directory cannot be used
   */
  public static ReferenceService start(Options options) throws IOException {
    return new ReferenceService(options);
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Synthetic users' ids are {@code u0 .. u(users-1)}. */
  public int users() {
    return users;
  }

  /** Catalogue size. */
  public int items() {
    return items;
  }

  /** A seeded log: each user interacts with {@code perUser} items of one of 50 taste groups, mostly. */
  static Dataset generate(int items, int users, int perUser, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    InteractionLog.Builder log = InteractionLog.builder();
    int groups = 50;
    for (int u = 0; u < users; u++) {
      int group = random.nextInt(groups);
      for (int k = 0; k < perUser; k++) {
        int item = random.nextInt(4) == 0 ? random.nextInt(items)
            : Math.floorMod(group + groups * random.nextInt(Math.max(1, items / groups)), items);
        log.add("u" + u, "i" + item, 1f);
      }
    }
    for (int i = 0; i < items; i++) {
      log.add("u" + random.nextInt(users), "i" + i, 1f);
    }
    return Dataset.builder(log.build()).binary(true).build();
  }

  private static Snapshot train(Dataset data, long seed) {
    ImplicitAlsModel model = new ImplicitAlsTrainer(ImplicitAlsConfig.defaults().withFactors(64).withIterations(3)
        .withThreads(2).withSeed(seed)).fit(data);
    return new Snapshot(model, data, seed);
  }

  private void recommend(HttpExchange exchange) throws IOException {
    String user = parameter(exchange.getRequestURI(), "user");
    int n = count(exchange.getRequestURI());
    Snapshot s = current.get();
    int u = user == null ? -1 : s.model().users().indexOf(user);
    if (u < 0) {
      send(exchange, 404, "{\"error\":\"unknown user " + escape(String.valueOf(user)) + "\"}");
      return;
    }
    Recommendations recs = recommender.recommend(Request.forUser(user).count(n).build());
    StringBuilder json = new StringBuilder(64 + 32 * recs.size()).append("{\"user\":\"").append(escape(user))
        .append("\",\"modelVersion\":").append(s.version()).append(",\"items\":[");
    for (int k = 0; k < recs.size(); k++) {
      json.append(k == 0 ? "" : ",").append("{\"item\":\"").append(escape(recs.itemId(k)))
          .append("\",\"score\":").append(recs.score(k)).append('}');
    }
    send(exchange, 200, json.append("]}").toString());
  }

  private void similar(HttpExchange exchange) throws IOException {
    String item = parameter(exchange.getRequestURI(), "item");
    if (item == null || !current.get().data().items().contains(item)) {
      send(exchange, 404, "{\"error\":\"unknown item " + escape(String.valueOf(item)) + "\"}");
      return;
    }
    Recommendations recs = recommender.recommend(Request.similarTo(item).count(count(exchange.getRequestURI()))
        .build());
    StringBuilder json = new StringBuilder("{\"item\":\"").append(escape(item)).append("\",\"items\":[");
    for (int k = 0; k < recs.size(); k++) {
      json.append(k == 0 ? "" : ",").append("{\"item\":\"").append(escape(recs.itemId(k))).append("\",\"score\":")
          .append(recs.score(k)).append('}');
    }
    send(exchange, 200, json.append("]}").toString());
  }

  private void events(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      send(exchange, 405, "{\"error\":\"POST lines of: user item [value]\"}");
      return;
    }
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    int accepted = 0;
    String[] lines = body.split("\n");
    for (int line = 0; line < lines.length; line++) {
      String[] fields = lines[line].trim().split("\\s+");
      if (fields.length == 1 && fields[0].isEmpty()) {
        continue;
      }
      try {
        if (fields.length < 2 || fields.length > 3) {
          throw new IllegalArgumentException("expected: user item [value]");
        }
        recommender.ingest(fields[0], fields[1], fields.length == 3 ? Float.parseFloat(fields[2]) : 1f,
            System.currentTimeMillis());
        accepted++;
      } catch (IllegalArgumentException e) {
        send(exchange, 400, "{\"error\":\"line " + (line + 1) + ": " + escape(String.valueOf(e.getMessage()))
            + "\",\"accepted\":" + accepted + "}");
        return;
      }
    }
    send(exchange, 200, "{\"accepted\":" + accepted + "}");
  }

  private void swap(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      send(exchange, 405, "{\"error\":\"POST to retrain and swap\"}");
      return;
    }
    long next = current.get().version() + 1;
    Thread trainer = new Thread(() -> {
      Snapshot s = train(current.get().data(), next);
      recommender.swap(s.model(), s.data());
      current.set(s);
    }, "kindred-retrain");
    trainer.setDaemon(true);
    trainer.start();
    send(exchange, 202, "{\"training\":" + next + "}");
  }

  private void metrics(HttpExchange exchange) throws IOException {
    ServingStats stats = recommender.stats();
    send(exchange, 200, "{\"served\":" + served.get() + ",\"modelVersion\":" + current.get().version()
        + ",\"items\":" + items
        + ",\"userCacheHitRate\":" + stats.userResults().hitRate() + ",\"pendingEvents\":" + stats.pendingEvents()
        + "}");
  }

  private void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
    served.incrementAndGet();
  }

  private static int count(URI uri) {
    String n = parameter(uri, "n");
    try {
      return n == null ? 10 : Math.max(1, Math.min(1000, Integer.parseInt(n)));
    } catch (NumberFormatException e) {
      return 10;
    }
  }

  private static String parameter(URI uri, String name) {
    String query = uri.getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** Stops accepting requests, lets running ones finish (up to one second) and stops the threads. */
  @Override
  public void close() {
    server.stop(1);
    workers.shutdown();
  }

  /**
   * Starts the service and serves until the process is stopped.
   *
   * @param args {@code --items N --users N --port P --threads T --cache USERS --index-dir DIR}
   * @throws IOException if the port cannot be bound
   */
  public static void main(String[] args) throws IOException {
    Options d = Options.defaults();
    int items = d.items();
    int users = d.users();
    int port = d.port();
    int threads = d.threads();
    long cache = d.cacheSize();
    Path indexDir = null;
    for (int a = 0; a + 1 < args.length; a += 2) {
      switch (args[a]) {
        case "--items" -> items = Integer.parseInt(args[a + 1]);
        case "--users" -> users = Integer.parseInt(args[a + 1]);
        case "--port" -> port = Integer.parseInt(args[a + 1]);
        case "--threads" -> threads = Integer.parseInt(args[a + 1]);
        case "--cache" -> cache = Long.parseLong(args[a + 1]);
        case "--index-dir" -> indexDir = Path.of(args[a + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[a]);
      }
    }
    long start = System.nanoTime();
    ReferenceService service = start(new Options(items, users, port, threads, cache, indexDir));
    System.out.printf("serving %,d items to %,d users on http://127.0.0.1:%d with %d request threads, %,d cached "
        + "users (ready in %.1f s)%n", items, users, service.port(), threads, cache,
        (System.nanoTime() - start) / 1e9);
  }
}
