package io.github.kindred.ann;

import io.github.kindred.math.FactorScoring;
import io.github.kindred.math.TopN;
import io.github.kindred.model.DotProductScoring;
import io.github.kindred.persist.ModelFormatException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntPredicate;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.util.hnsw.HnswConcurrentMergeBuilder;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * Top-N retrieval by dot product over a row-major item matrix, approximate through an HNSW graph for large
 * catalogues and exact below {@link AnnConfig#exactBelow()} items.
 *
 * <p>How: a factor model ranks items by the inner product {@code u . x}, which is not a metric. The graph is built
 * and searched on the inner product itself, as in ip-NSW (Morozov and Babenko, "Non-metric similarity graphs for
 * maximum inner product search", NeurIPS 2018): every node links to the items of the largest inner product with it
 * (subject to Lucene's diversity rule), and the greedy search climbs the inner product with the query. The inner
 * product is divided by {@code |u| M} (for items, {@code M^2}), with {@code M} the largest item norm, and mapped to a
 * positive score as Lucene's {@code MAXIMUM_INNER_PRODUCT} does; both maps are increasing, so the order is the inner
 * product's. Measured and not kept: the reduction to nearest neighbours on the unit sphere by one extra coordinate
 * per item (Bachrach et al., RecSys 2014) reached recall@10 0.22 against 0.9975 for ip-NSW (20,000 Gaussian items x
 * 32 with norms spread five-fold, default settings): it crowds the items near one pole, away from every query. A
 * graph built on the cosine and searched on the inner product reached 0.87. The
 * model's factor array is used in place, never copied.
 *
 * <p>The search walks the graph on int8 codes of the items ({@code ItemCodes}: one byte per factor and a scale
 * per item, 68 MB at 1,000,000 x 64, made when the index is built or loaded) rather than the float factors: the walk
 * touches a few thousand random items per request, and at 64 factors a code is one cache line against four. It
 * keeps the {@code max(searchWidth, n)} best candidates by their int8 score, and the best {@code max(4 n, 40)} of
 * those are re-scored with the model's own dot product ({@link FactorScoring#dot}), so that every returned score
 * equals the exact scan's score of that item bit for bit, and only the membership of the top n is approximate.
 *
 * <p>Filters: the excluded items and the accept predicate are applied inside the graph search (rejected items are
 * traversed but never collected). When fewer than {@code n} acceptable candidates come back (a filter that accepts
 * only a small part of the catalogue), the request falls back to the exact scan with the same filters, so that a
 * selective filter costs time, never results.
 *
 * <p>Immutable after {@link #build} and safe for any number of concurrent searches; the item matrix must not be
 * modified while the index is in use. Each searching thread keeps its scratch (a visited bit per item, 125 KB at
 * 1,000,000 items; the beam, grown to the widest search it ran; the query's codes) for as long as the index and the thread live,
 * so that a search allocates nothing once its thread has searched before (but a filter wrapper when items are
 * excluded); the exact path allocates nothing.
 */
public final class HnswItemIndex {
  private final float[] itemFactors;
  private final int items;
  private final int dimensions;
  private final AnnConfig config;
  /** {@code 1 / M^2}. */
  private final float inverseSquaredMaxNorm;
  private final float maxNorm;
  /**
   * Of the walk's best candidates by their int8 score, this many per result wanted are re-scored exactly (at least
   * {@link #MIN_RESCORED}). Measured at 1,000,000 x 64 (AnnLatency): re-scoring the best 20 of a width-800 beam
   * for a top 10 gave the recall of re-scoring all 800 (0.9651), the best 10 gave 0.9529; 4 per result leaves
   * room for coarser codes of other data.
   */
  static final int RESCORED_PER_RESULT = 4;
  static final int MIN_RESCORED = 40;
  /** The walk over {@link #graph} and the items' int8 codes; null for an exact index. */
  private final GraphSearcher searcher;
  private final long searchBytes;

  private HnswItemIndex(float[] itemFactors, int items, int dimensions, AnnConfig config, float maxNorm, CompactGraph graph) {
    this.itemFactors = itemFactors;
    this.items = items;
    this.dimensions = dimensions;
    this.config = config;
    this.maxNorm = maxNorm;
    float inverseMaxNorm = maxNorm > 0 ? 1f / maxNorm : 0f;
    this.inverseSquaredMaxNorm = inverseMaxNorm * inverseMaxNorm;
    this.searcher = graph == null ? null : new GraphSearcher(graph, itemFactors, dimensions);
    this.searchBytes = searcher == null ? 0L : searcher.bytes();
  }

  /**
   * Indexes the item factors of a dot-product model (used in place, not copied).
   *
   * @param model the model; its item count is {@code itemFactors().length / dimensions()}
   * @param config the index configuration
   * @return the index
   * @throws IllegalArgumentException if a factor is NaN or infinite
   * @throws NullPointerException if an argument is null
   */
  public static HnswItemIndex build(DotProductScoring model, AnnConfig config) {
    Objects.requireNonNull(model, "model");
    float[] factors = model.itemFactors();
    int dimensions = model.dimensions();
    return build(factors, dimensions < 1 ? 0 : factors.length / dimensions, dimensions, config);
  }

  /**
   * Indexes {@code items} row-major item vectors of length {@code dimensions} (used in place, not copied). Takes
   * {@code O(items log items)} graph insertions (measured: see recommender-bench's {@code AnnRetrievalBenchmark});
   * an exact index (fewer than {@link AnnConfig#exactBelow()} items, or every vector zero) is built in one pass over
   * the norms.
   *
   * @param itemFactors row-major, at least {@code items * dimensions} floats
   * @param items number of items, at least 0
   * @param dimensions vector length, at least 1
   * @param config the index configuration
   * @return the index
   * @throws IllegalArgumentException if a count is out of range, the array is too short, or a factor is NaN or
   *     infinite (naming the item)
   * @throws NullPointerException if an argument is null
   */
  public static HnswItemIndex build(float[] itemFactors, int items, int dimensions, AnnConfig config) {
    Objects.requireNonNull(itemFactors, "itemFactors");
    Objects.requireNonNull(config, "config");
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be >= 1, got " + dimensions);
    }
    if (items < 0) {
      throw new IllegalArgumentException("items must be >= 0, got " + items);
    }
    if ((long) items * dimensions > itemFactors.length) {
      throw new IllegalArgumentException("itemFactors has " + itemFactors.length + " floats, fewer than " + items
          + " items x " + dimensions + " dimensions");
    }
    float maxSquared = 0f;
    for (int i = 0, off = 0; i < items; i++, off += dimensions) {
      float s = FactorScoring.dot(itemFactors, off, itemFactors, off, dimensions);
      if (!Float.isFinite(s)) {
        throw new IllegalArgumentException("item " + i + " has a NaN or infinite factor (or a norm beyond float "
            + "range)");
      }
      maxSquared = Math.max(maxSquared, s);
    }
    float maxNorm = (float) Math.sqrt(maxSquared);
    if (items < config.exactBelow() || maxNorm == 0f) {
      return new HnswItemIndex(itemFactors, items, dimensions, config, maxNorm, null);
    }
    HnswItemIndex unindexed = new HnswItemIndex(itemFactors, items, dimensions, config, maxNorm, null);
    CompactGraph graph;
    try {
      graph = CompactGraph.copyOf(unindexed.buildGraph());
    } catch (IOException e) {
      // Lucene declares IOException for its on-disk graphs; on-heap vectors never throw it.
      throw new UncheckedIOException(e);
    }
    return new HnswItemIndex(itemFactors, items, dimensions, config, maxNorm, graph);
  }

  /** An index from a file's parts, checked by {@link IndexFile}. */
  static HnswItemIndex restore(float[] itemFactors, int items, int dimensions, AnnConfig config, float maxNorm,
      CompactGraph graph) {
    return new HnswItemIndex(itemFactors, items, dimensions, config, maxNorm, graph);
  }

  /**
   * Writes the index (its graph, configuration and a fingerprint of the item factors, not the factors themselves)
   * to {@code file}, replacing it; typically beside the model file, so that serving loads the graph with
   * {@link #load(Path, DotProductScoring)} instead of building it again. About 4 bytes per edge: 0.14 GB at
   * 1,000,000 items with the default 16 connections.
   *
   * @param file the file to write
   * @throws IOException if the file cannot be written
   * @throws NullPointerException if {@code file} is null
   */
  public void save(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      write(out);
    }
  }

  /**
   * Writes the index to {@code out} (flushed, not closed); see {@link #save(Path)}.
   *
   * @param out the stream to write to
   * @throws IOException if the stream fails
   * @throws NullPointerException if {@code out} is null
   */
  public void write(OutputStream out) throws IOException {
    IndexFile.write(this, Objects.requireNonNull(out, "out"));
  }

  /**
   * Loads an index written by {@link #save(Path)} for the item factors of {@code model} (used in place).
   *
   * @param file the index file
   * @param model the model whose item factors the index was built on
   * @return the index, identical in its searches to the one saved
   * @throws ModelFormatException if the file is not an index, is of another format version, is truncated or
   *     corrupt, or was built on other item factors (another model or generation)
   * @throws IOException if the file cannot be read
   * @throws NullPointerException if an argument is null
   */
  public static HnswItemIndex load(Path file, DotProductScoring model) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(model, "model");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, model);
    }
  }

  /**
   * Reads an index written by {@link #write(OutputStream)} for the item factors of {@code model}; the stream is
   * read to its end and not closed.
   *
   * @param in the stream
   * @param model the model whose item factors the index was built on
   * @return the index
   * @throws ModelFormatException if the stream is not an index, is of another format version, is truncated or
   *     corrupt, or was built on other item factors
   * @throws IOException if the stream fails
   * @throws NullPointerException if an argument is null
   */
  public static HnswItemIndex read(InputStream in, DotProductScoring model) throws IOException {
    Objects.requireNonNull(model, "model");
    float[] factors = model.itemFactors();
    int dimensions = model.dimensions();
    return read(in, factors, dimensions < 1 ? 0 : factors.length / dimensions, dimensions);
  }

  /**
   * Reads an index written by {@link #write(OutputStream)} for {@code items} row-major vectors (used in place).
   *
   * @param in the stream, read to its end and not closed
   * @param itemFactors row-major, at least {@code items * dimensions} floats: the vectors the index was built on
   * @param items number of items
   * @param dimensions vector length
   * @return the index
   * @throws ModelFormatException if the stream is not an index, is of another format version, is truncated or
   *     corrupt, or was built on other vectors or sizes
   * @throws IOException if the stream fails
   * @throws IllegalArgumentException if the array is shorter than {@code items * dimensions}
   * @throws NullPointerException if an argument is null
   */
  public static HnswItemIndex read(InputStream in, float[] itemFactors, int items, int dimensions)
      throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(itemFactors, "itemFactors");
    if (items < 0 || dimensions < 1 || (long) items * dimensions > itemFactors.length) {
      throw new IllegalArgumentException("itemFactors has " + itemFactors.length + " floats for " + items
          + " items x " + dimensions + " dimensions");
    }
    return IndexFile.read(in, itemFactors, items, dimensions);
  }

  float[] itemFactors() {
    return itemFactors;
  }

  float maxNorm() {
    return maxNorm;
  }

  /** Null for an exact index. */
  GraphSearcher searcher() {
    return searcher;
  }

  /** Null for an exact index. */
  CompactGraph graph() {
    return searcher == null ? null : searcher.itemGraph();
  }

  private OnHeapHnswGraph buildGraph() throws IOException {
    RandomVectorScorerSupplier scorers = new ItemScorers();
    HnswGraphBuilder builder = HnswGraphBuilder.create(scorers, config.maxConnections(), config.beamWidth(),
        config.seed(), items);
    if (config.buildThreads() == 1) {
      return builder.build(items);
    }
    ExecutorService pool = Executors.newFixedThreadPool(config.buildThreads(), task -> {
      Thread thread = new Thread(task, "kindred-hnsw-build");
      thread.setDaemon(true);
      return thread;
    });
    try {
      return new HnswConcurrentMergeBuilder(new TaskExecutor(pool), config.buildThreads(), scorers,
          config.maxConnections(), config.beamWidth(), builder.getGraph(), null).build(items);
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Number of items indexed.
   *
   * @return the item count
   */
  public int items() {
    return items;
  }

  /**
   * Length of every item and query vector.
   *
   * @return the dimensions
   */
  public int dimensions() {
    return dimensions;
  }

  /**
   * The configuration the index was built with.
   *
   * @return the configuration
   */
  public AnnConfig config() {
    return config;
  }

  /**
   * Whether searches go through the graph (false: every search is the exact scan).
   *
   * @return true for a graph index
   */
  public boolean approximate() {
    return searcher != null;
  }

  /**
   * Bytes of the index beyond the model's own factors (0 for an exact index): the graph's adjacency tables (with
   * the nodes renamed in breadth-first order for the search; {@link #save} writes them under the item names), the
   * order, and the items' int8 codes that the search reads (one byte per factor and a float per item);
   * each searching thread keeps besides its scratch, mostly one bit per item.
   *
   * @return the index's own memory in bytes, array headers not counted
   */
  public long indexBytes() {
    return searchBytes;
  }

  /**
   * Offers the best {@code n} items for the query vector {@code user} to {@code out} (which is not reset first),
   * scored by their exact dot product with {@code user}; approximate when {@link #approximate()}.
   *
   * @param user the query vector, at least {@link #dimensions()} long, finite
   * @param n the number of results wanted, at least 0
   * @param excludedSorted ascending item indexes never to return (for example the user's history), may be empty
   * @param accept a predicate an item must pass to be returned (a business filter), or null for every item; it is
   *     called from the calling thread only
   * @param out receives the results; its capacity should be at least {@code n}
   * @throws IllegalArgumentException if {@code n < 0}, the query is too short or holds a NaN or infinite value
   * @throws NullPointerException if {@code user}, {@code excludedSorted} or {@code out} is null
   */
  public void search(float[] user, int n, int[] excludedSorted, IntPredicate accept, TopN out) {
    search(user, n, config.searchWidth(), excludedSorted, accept, out);
  }

  /**
   * As {@link #search(float[], int, int[], IntPredicate, TopN)} with another search width for this request only:
   * a service can trade recall for time per request (a larger width visits more of the graph).
   *
   * @param user the query vector, at least {@link #dimensions()} long, finite
   * @param n the number of results wanted, at least 0
   * @param searchWidth the candidates kept by the graph search, at least 1 ({@code max(searchWidth, n)} are kept)
   * @param excludedSorted ascending item indexes never to return, may be empty
   * @param accept a predicate an item must pass to be returned, or null for every item
   * @param out receives the results; its capacity should be at least {@code n}
   * @throws IllegalArgumentException if {@code n < 0}, {@code searchWidth < 1}, the query is too short or holds a
   *     NaN or infinite value
   * @throws NullPointerException if {@code user}, {@code excludedSorted} or {@code out} is null
   */
  public void search(float[] user, int n, int searchWidth, int[] excludedSorted, IntPredicate accept, TopN out) {
    checkQuery(user, n, excludedSorted, out);
    if (searchWidth < 1) {
      throw new IllegalArgumentException("searchWidth must be >= 1, got " + searchWidth);
    }
    if (searcher == null || n == 0) {
      scan(user, excludedSorted, accept, out);
      return;
    }
    if (FactorScoring.dot(user, 0, user, 0, dimensions) == 0f) {
      // Every item scores 0: the graph has no direction to follow; the scan returns the tie-broken order.
      scan(user, excludedSorted, accept, out);
      return;
    }
    int width = Math.max(searchWidth, n);
    GraphSearcher.Scratch found = searcher.search(user, width, accepter(excludedSorted, accept));
    if (found.resultCount < n) {
      scan(user, excludedSorted, accept, out);
      return;
    }
    long[] results = found.results;
    int rescored = Math.min(found.resultCount, Math.max(RESCORED_PER_RESULT * n, MIN_RESCORED));
    // As in the walk: touch every candidate's cache lines first so that their misses overlap.
    float touched = 0f;
    for (int k = 0; k < rescored; k++) {
      int off = GraphSearcher.Scratch.node(results[k]) * dimensions;
      int last = off + dimensions - 1;
      touched += itemFactors[last];
      for (int f = off; f < last; f += 16) {
        touched += itemFactors[f];
      }
    }
    found.sink += Float.floatToRawIntBits(touched);
    for (int k = 0; k < rescored; k++) {
      int item = GraphSearcher.Scratch.node(results[k]);
      float score = FactorScoring.dot(user, 0, itemFactors, item * dimensions, dimensions);
      if (score >= out.threshold()) {
        out.offer(item, score);
      }
    }
  }

  /**
   * The exact reference of {@link #search}: scans every item with the same filters and offers the true top items.
   *
   * @param user the query vector, at least {@link #dimensions()} long, finite
   * @param n the number of results wanted, at least 0 (checked; the capacity of {@code out} decides how many are
   *     kept)
   * @param excludedSorted ascending item indexes never to return, may be empty
   * @param accept a predicate an item must pass to be returned, or null for every item
   * @param out receives the results
   * @throws IllegalArgumentException if {@code n < 0}, the query is too short or holds a NaN or infinite value
   * @throws NullPointerException if {@code user}, {@code excludedSorted} or {@code out} is null
   */
  public void exactSearch(float[] user, int n, int[] excludedSorted, IntPredicate accept, TopN out) {
    checkQuery(user, n, excludedSorted, out);
    scan(user, excludedSorted, accept, out);
  }

  private void checkQuery(float[] user, int n, int[] excludedSorted, TopN out) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(excludedSorted, "excludedSorted");
    Objects.requireNonNull(out, "out");
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    if (user.length < dimensions) {
      throw new IllegalArgumentException("user vector has " + user.length + " values, the index " + dimensions);
    }
    for (int f = 0; f < dimensions; f++) {
      if (!Float.isFinite(user[f])) {
        throw new IllegalArgumentException("user vector value " + f + " is " + user[f]);
      }
    }
  }

  private void scan(float[] user, int[] excludedSorted, IntPredicate accept, TopN out) {
    if (accept == null) {
      FactorScoring.scoreTopN(itemFactors, items, dimensions, user, excludedSorted, out);
      return;
    }
    float threshold = out.threshold();
    int e = 0;
    for (int i = 0, off = 0; i < items; i++, off += dimensions) {
      while (e < excludedSorted.length && excludedSorted[e] < i) {
        e++;
      }
      if (e < excludedSorted.length && excludedSorted[e] == i || !accept.test(i)) {
        continue;
      }
      float s = FactorScoring.dot(user, 0, itemFactors, off, dimensions);
      if (s >= threshold) {
        out.offer(i, s);
        threshold = out.threshold();
      }
    }
  }

  /** The graph walk's filter: not excluded and accepted; null when nothing is filtered. */
  private static IntPredicate accepter(int[] excludedSorted, IntPredicate accept) {
    if (excludedSorted.length == 0) {
      return accept;
    }
    return accept == null
        ? item -> Arrays.binarySearch(excludedSorted, item) < 0
        : item -> Arrays.binarySearch(excludedSorted, item) < 0 && accept.test(item);
  }

  /**
   * Lucene's map of an inner product to a positive score ({@code VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT}):
   * {@code 1 / (1 - d)} below zero, {@code d + 1} above; increasing and continuous at 0.
   */
  private static float positive(float dot) {
    return dot < 0f ? 1f / (1f - dot) : dot + 1f;
  }

  /** Build-time similarity of two items: their inner product over {@code M^2}, made positive. */
  private float itemSimilarity(int a, int b) {
    return positive(FactorScoring.dot(itemFactors, a * dimensions, itemFactors, b * dimensions, dimensions)
        * inverseSquaredMaxNorm);
  }

  /** The build-time scorers: item against item. Stateless, so one instance serves every thread. */
  private final class ItemScorers implements RandomVectorScorerSupplier {
    @Override
    public RandomVectorScorer scorer(int ord) {
      return new RandomVectorScorer() {
        @Override
        public float score(int node) {
          return itemSimilarity(ord, node);
        }

        @Override
        public int maxOrd() {
          return items;
        }
      };
    }

    @Override
    public RandomVectorScorerSupplier copy() {
      return this;
    }
  }
}
