package io.github.kindred.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.kindred.ann.AnnConfig;
import io.github.kindred.ann.HnswCandidateRetriever;
import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.eval.cli.VectorRelaunch;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
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
 *   <li>{@code GET /recommend?user=ID&n=10&deny=ID,ID}: the user's top n unseen items, none of the denied ones,
 *       through the facade's pipeline, whose candidate stage is the HNSW index ({@link HnswCandidateRetriever}):
 *       the graph proposes candidates, the model scores them exactly (every returned score is the exact one), the
 *       business rules drop seen and denied items, and a request left with fewer than n results is answered by
 *       the exact full scan;
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

  private static final byte[] HEALTH = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

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
    AnnConfig ann = ANN.withSearchWidth(options.searchWidth());
    CandidateRetriever.Factory index = options.indexDir() == null ? HnswCandidateRetriever.factory(ann)
        : HnswCandidateRetriever.factory(ann, options.indexDir().resolve("hnsw-" + items + "x64-w"
            + options.searchWidth() + ".idx"));
    recommender = Recommender.builder(first.model(), data).userCacheSize(options.cacheSize())
        .candidateRetriever(index, options.overFetch()).build();
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
    server.createContext("/health", exchange -> send(exchange, 200, HEALTH));
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
   * @param searchWidth the candidates the graph search keeps (its ef), at least 1: recall rises and speed falls
   *     with it
   * @param overFetch candidates asked of the graph per result, at least 1 (plus the user's seen items, which the
   *     business rules then drop)
   */
  public record Options(int items, int users, int port, int threads, long cacheSize, Path indexDir,
      int searchWidth, int overFetch) {
    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException naming the first parameter out of range and its value
     */
    public Options {
      if (items < 1 || users < 1 || threads < 1 || cacheSize < 0 || port < 0 || port > 65_535 || searchWidth < 1
          || overFetch < 1) {
        throw new IllegalArgumentException("need items, users, threads, searchWidth, overFetch >= 1, cacheSize >= 0"
            + " and a port in [0, 65535]; got items " + items + ", users " + users + ", threads " + threads
            + ", searchWidth " + searchWidth + ", overFetch " + overFetch + ", cacheSize " + cacheSize + ", port "
            + port);
      }
    }

    /**
     * 100,000 items, 20,000 users, port 8080, one request thread per core, 10,000 cached users, no index directory,
     * search width 100, over-fetch 4. Width 100 keeps recall@10 at 0.981 of the exact scan at 100,000 items and, with
     * the graph walk's int8 kernel on the Vector API, held p99 at 5.7 ms at a steady 2,000 requests/s on two shared
     * cores (407 us of CPU per request; width 60: recall 0.958, 367 us).
     *
     * @return the defaults
     */
    public static Options defaults() {
      return new Options(100_000, 20_000, 8080, Runtime.getRuntime().availableProcessors(), 10_000, null, 100, 4);
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
    Options d = Options.defaults();
    return start(new Options(items, users, port, threads, d.cacheSize(), null, d.searchWidth(), d.overFetch()));
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
    Request.Builder request = Request.forUser(user).count(n);
    String deny = parameter(exchange.getRequestURI(), "deny");
    if (deny != null) {
      try {
        request.deny(deny.split(",", -1));
      } catch (IllegalArgumentException e) {
        send(exchange, 400, "{\"error\":\"deny: " + escape(String.valueOf(e.getMessage())) + "\"}");
        return;
      }
    }
    Recommendations recs = recommender.recommend(request.build());
    StringBuilder json = new StringBuilder(64 + 40 * recs.size()).append("{\"user\":\"").append(escape(user))
        .append("\",\"modelVersion\":").append(s.version());
    send(exchange, 200, items(json, recs));
  }

  /** Appends {@code ,"items":[{"item":ID,"score":S},...]}} and the closing brace. */
  private static String items(StringBuilder json, Recommendations recs) {
    json.append(",\"items\":[");
    for (int k = 0; k < recs.size(); k++) {
      if (k > 0) {
        json.append(',');
      }
      json.append("{\"item\":\"").append(escape(recs.itemId(k))).append("\",\"score\":").append(recs.score(k))
          .append('}');
    }
    return json.append("]}").toString();
  }

  private void similar(HttpExchange exchange) throws IOException {
    String item = parameter(exchange.getRequestURI(), "item");
    if (item == null || !current.get().data().items().contains(item)) {
      send(exchange, 404, "{\"error\":\"unknown item " + escape(String.valueOf(item)) + "\"}");
      return;
    }
    Recommendations recs = recommender.recommend(Request.similarTo(item).count(count(exchange.getRequestURI()))
        .build());
    StringBuilder json = new StringBuilder(32 + 40 * recs.size()).append("{\"item\":\"").append(escape(item))
        .append('"');
    send(exchange, 200, items(json, recs));
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
    send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
  }

  private void send(HttpExchange exchange, int status, byte[] body) throws IOException {
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
    return s.indexOf('\\') < 0 && s.indexOf('"') < 0 ? s : s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** The model serving now (for tests and the recall check). */
  ImplicitAlsModel model() {
    return current.get().model();
  }

  /** The data of the model serving now (for tests and the recall check). */
  Dataset data() {
    return current.get().data();
  }

  /**
   * Recall@n of the served recommendations (through the graph index) against the exact full scan of the same model
   * with the same rules, over {@code sample} seeded random users: the share of the exact top n that the service
   * returns.
   *
   * @param sample users to check, at least 1
   * @param n results per user, at least 1
   * @return the recall, in [0, 1]
   * @throws IllegalArgumentException if {@code sample} or {@code n} is below 1
   */
  double recallAgainstExactScan(int sample, int n) {
    if (sample < 1 || n < 1) {
      throw new IllegalArgumentException("sample and n must be >= 1, got " + sample + " and " + n);
    }
    Snapshot s = current.get();
    Recommender exact = Recommender.builder(s.model(), s.data()).userCacheSize(0).build();
    SplittableRandom random = new SplittableRandom(99);
    long found = 0;
    long wanted = 0;
    for (int k = 0; k < sample; k++) {
      Request request = Request.forUser("u" + random.nextInt(users)).count(n).build();
      Set<String> truth = new HashSet<>(exact.recommend(request).itemIds());
      for (String item : recommender.recommend(request).itemIds()) {
        found += truth.contains(item) ? 1 : 0;
      }
      wanted += truth.size();
    }
    return wanted == 0 ? 1.0 : (double) found / wanted;
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
   * @param args {@code --items N --users N --port P --threads T --cache USERS --index-dir DIR --search-width W
   *     --over-fetch F}
   * @throws IOException if the port cannot be bound
   */
  public static void main(String[] args) throws IOException {
    OptionalInt child = VectorRelaunch.ifNeeded(ReferenceService.class, args); // the walk's int8 kernel needs the module
    if (child.isPresent()) {
      System.exit(child.getAsInt());
    }
    Options d = Options.defaults();
    int items = d.items();
    int users = d.users();
    int port = d.port();
    int threads = d.threads();
    long cache = d.cacheSize();
    Path indexDir = null;
    int searchWidth = d.searchWidth();
    int overFetch = d.overFetch();
    for (int a = 0; a + 1 < args.length; a += 2) {
      switch (args[a]) {
        case "--items" -> items = Integer.parseInt(args[a + 1]);
        case "--users" -> users = Integer.parseInt(args[a + 1]);
        case "--port" -> port = Integer.parseInt(args[a + 1]);
        case "--threads" -> threads = Integer.parseInt(args[a + 1]);
        case "--cache" -> cache = Long.parseLong(args[a + 1]);
        case "--index-dir" -> indexDir = Path.of(args[a + 1]);
        case "--search-width" -> searchWidth = Integer.parseInt(args[a + 1]);
        case "--over-fetch" -> overFetch = Integer.parseInt(args[a + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[a]);
      }
    }
    long start = System.nanoTime();
    ReferenceService service = start(new Options(items, users, port, threads, cache, indexDir, searchWidth,
        overFetch));
    System.out.printf("serving %,d items to %,d users on http://127.0.0.1:%d with %d request threads, %,d cached "
        + "users (ready in %.1f s)%n", items, users, service.port(), threads, cache,
        (System.nanoTime() - start) / 1e9);
  }
}
