package io.github.kindred.eval.experiment;

import io.github.kindred.eval.metric.RankingEvaluator;
import io.github.kindred.eval.metric.RankingResult;
import io.github.kindred.eval.metric.RatingEvaluator;
import io.github.kindred.eval.split.ColdStart;
import io.github.kindred.eval.split.Split;
import io.github.kindred.data.Dataset;
import io.github.kindred.data.DuplicatePolicy;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.ItemVectors;
import io.github.kindred.model.Model;
import io.github.kindred.model.RatingPredictor;
import io.github.kindred.model.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Runs algorithms x datasets x seeds: each dataset is split once per seed (or used as given when it comes
 * pre-split), every algorithm is fitted on the same binary training data and evaluated with the same protocol, so
 * that per-user values are paired across algorithms. With {@link Task#RATING} the algorithms are fitted on the raw
 * ratings instead and measured by RMSE and MAE ({@link RatingEvaluator}). Configuration is validated when built
 * (every algorithm and split specification parsed), so a typo fails before hours of training.
 *
 * <p><b>Context.</b> When the test events carry context features, every user's test events are grouped by their
 * context and each (user, context) group is ranked separately with that context in the query
 * ({@link io.github.kindred.model.Query#withContext}), its relevant items being the group's test items; a user with
 * test events in three contexts thus contributes three rankings, and the overall means are over groups. Results
 * also report every per-user metric per context value ({@link RankingResult#byContext(String, String)}).
 *
 * <p>An experiment is immutable; {@link #run()} may be called from any thread and reports progress to the
 * listener from the calling thread.
 */
public final class Experiment {
  /** The cut-offs runs also evaluate when curves are requested, for the metric-against-cut-off chart. */
  private static final int[] CURVE = {1, 2, 5, 10, 20, 50};

  /** Receives progress: runs finished so far, the total, and a label of the run that just finished. */
  @FunctionalInterface
  public interface Listener {
    /** Called after each fitted and evaluated (algorithm, dataset, seed); must not throw. */
    void progress(int done, int total, String label);
  }

  /** What the algorithms are asked to do. */
  public enum Task {
    /** Rank items for each user from binary training data (the default). */
    RANKING,
    /**
     * Predict held-out ratings from the raw training ratings (the latest value of a repeated pair); reports RMSE
     * and MAE. Only models that implement {@link RatingPredictor} qualify.
     */
    RATING
  }

  private record Source(String name, InteractionLog log, Split split, FeatureTable itemFeatures,
      FeatureTable userFeatures) {}

  private final AlgorithmRegistry registry;
  private final List<AlgorithmSpec> algorithms;
  private final List<Source> sources;
  private final String splitSpec;
  private final long[] seeds;
  private final int[] cutoffs;
  private final boolean excludeSeen;
  private final String candidates;
  private final int sampled;
  private final boolean auc;
  private final boolean curves;
  private final int threads;
  private final Listener listener;
  private final Task task;

  private Experiment(Builder b) {
    this.registry = b.registry;
    this.algorithms = List.copyOf(b.algorithms);
    this.sources = List.copyOf(b.sources);
    this.splitSpec = b.split;
    this.seeds = b.seeds.clone();
    this.cutoffs = b.cutoffs.clone();
    this.excludeSeen = b.excludeSeen;
    this.candidates = b.candidates;
    this.sampled = b.sampled;
    this.auc = b.auc;
    this.curves = b.curves;
    this.threads = b.threads;
    this.listener = b.listener;
    this.task = b.task;
  }

  /** Returns a builder with the standard algorithm registry, cut-off 10, seed 0 and full ranking. */
  public static Builder builder() {
    return new Builder();
  }

  /** The configuration as ordered key-value pairs, recorded in reports. */
  public Map<String, String> configuration() {
    Map<String, String> c = new LinkedHashMap<>();
    List<String> algos = new ArrayList<>();
    for (AlgorithmSpec a : algorithms) {
      algos.add(a.canonical());
    }
    c.put("algorithms", String.join("; ", algos));
    List<String> data = new ArrayList<>();
    for (Source s : sources) {
      data.add(s.name + (s.split != null ? " (given split)" : ""));
    }
    c.put("datasets", String.join("; ", data));
    c.put("split", splitSpec == null ? "(given)" : splitSpec);
    c.put("cutoffs", Arrays.toString(cutoffs));
    c.put("excludeSeen", Boolean.toString(excludeSeen));
    c.put("candidates", candidates);
    c.put("task", task.name().toLowerCase(Locale.ROOT));
    c.put("trainingData", task == Task.RATING ? "raw ratings (latest value of a repeated pair)"
        : "binary (every interaction is a positive)");
    c.put("contextEvaluation", "test events with a context are ranked per (user, context) group, the context "
        + "passed in the query; byContext averages the groups having each feature=value");
    c.put("unknownTestItems", "dropped from the relevant sets");
    c.put("threads", Integer.toString(threads));
    return c;
  }

  /**
   * Runs every (dataset, seed, algorithm) in that nesting order.
   *
   * @throws IllegalArgumentException if a dataset cannot be split or fitted (the message names it)
   */
  public ExperimentResult run() {
    int perSource = algorithms.size();
    int total = 0;
    for (Source s : sources) {
      total += perSource * (s.split != null ? 1 : seeds.length);
    }
    // Deeper lists cost scoring time, so the extra cut-offs are computed only when a chart needs them.
    int[] all = curves ? IntStream.concat(Arrays.stream(cutoffs), Arrays.stream(CURVE)).sorted().distinct().toArray()
        : cutoffs.clone();
    List<ExperimentResult.Run> runs = new ArrayList<>();
    Map<String, String> fingerprints = new LinkedHashMap<>();
    int done = 0;
    for (Source source : sources) {
      fingerprints.put(source.name, source.split == null ? Fingerprint.of(source.log)
          : "train " + Fingerprint.of(source.split.train()) + ", test " + Fingerprint.of(source.split.test()));
      long[] runSeeds = source.split != null ? new long[] {seeds[0]} : seeds;
      for (long seed : runSeeds) {
        Split split = source.split != null ? source.split : split(source, seed);
        for (AlgorithmSpec spec : algorithms) {
          ExperimentResult.Run run = task == Task.RATING ? rating(source, split, seed, spec)
              : ranking(source, split, seed, all, spec);
          runs.add(run);
          done++;
          listener.progress(done, total, spec.text() + " on " + source.name
              + (source.split == null ? " (seed " + seed + ")" : ""));
        }
      }
    }
    return new ExperimentResult(runs, configuration(), Version.get(), fingerprints, cutoffs, all, seeds);
  }

  /** Fits one algorithm on the binary training data and ranks, per user or per (user, context) group. */
  private ExperimentResult.Run ranking(Source source, Split split, long seed, int[] all, AlgorithmSpec spec) {
    Dataset data = Dataset.builder(split.train()).binary(true).itemFeatures(source.itemFeatures)
        .userFeatures(source.userFeatures).build();
    InteractionMatrix foldIn = split.foldIn().size() == 0 ? null
        : InteractionMatrix.of(split.foldIn(), DuplicatePolicy.SUM);
    ContextGroups groups = split.test().contextNames().length == 0 ? null : ContextGroups.of(split.test());
    InteractionMatrix test = groups != null ? groups.matrix()
        : InteractionMatrix.of(split.test(), DuplicatePolicy.SUM);
    AlgorithmSpec used = registry.resolve(spec, data);
    Trainer<?> trainer = registry.create(used);
    long start = System.nanoTime();
    Model model = trainer.fit(data);
    double fit = (System.nanoTime() - start) / 1e9;
    RankingEvaluator.Builder b = evaluator(split, seed, all, model)
        .userFeatures(source.userFeatures.entities().size() == 0 ? null : source.userFeatures, split.test().users());
    if (groups != null) {
      b.rows(groups.users(), groups.contexts());
    }
    RankingResult result = b.build().evaluate(model, data.matrix(), test, foldIn);
    if (groups != null) {
      result = result.withContextGroups(groups.positions(result.users()));
    }
    return new ExperimentResult.Run(spec.text(), used.canonical(), source.name, seed, source.split == null, result,
        fit);
  }

  /** Fits one rating predictor on the raw training ratings and measures RMSE and MAE on the test ratings. */
  private ExperimentResult.Run rating(Source source, Split split, long seed, AlgorithmSpec spec) {
    Dataset data = Dataset.builder(split.train()).binary(false).duplicates(DuplicatePolicy.LATEST)
        .itemFeatures(source.itemFeatures).userFeatures(source.userFeatures).build();
    InteractionMatrix test = InteractionMatrix.of(split.test(), DuplicatePolicy.LATEST);
    AlgorithmSpec used = registry.resolve(spec, data);
    Trainer<?> trainer = registry.create(used);
    long start = System.nanoTime();
    Model model = trainer.fit(data);
    double fit = (System.nanoTime() - start) / 1e9;
    if (!(model instanceof RatingPredictor)) {
      throw new IllegalArgumentException("'" + spec.text() + "' does not predict ratings; --task rating needs a "
          + "rating predictor such as baseline, biasedmf or als");
    }
    start = System.nanoTime();
    RatingEvaluator.Result r = RatingEvaluator.evaluate(model, data.matrix(), test);
    double seconds = (System.nanoTime() - start) / 1e9;
    RankingResult result = r.asRankingResult(cutoffs, data.itemCount(), seconds);
    return new ExperimentResult.Run(spec.text(), used.canonical(), source.name, seed, source.split == null, result,
        fit);
  }

  private Split split(Source source, long seed) {
    try {
      return Splitters.create(splitSpec, seed).split(source.log);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source.name + ": " + e.getMessage(), e);
    }
  }

  /** The evaluator of one run; models with item vectors also get intra-list diversity over those vectors. */
  private RankingEvaluator.Builder evaluator(Split split, long seed, int[] all, Model model) {
    RankingEvaluator.Builder b = RankingEvaluator.builder().cutoffs(all).excludeSeen(excludeSeen).threads(threads)
        .auc(auc);
    if (model instanceof ItemVectors vectors) {
      b.diversityVectors(vectors);
    }
    if (candidates.equals("cold")) {
      b.candidates(ColdStart.itemsWithoutEvents(split));
    } else if (sampled > 0) {
      b.sampledNegatives(sampled, seed);
    }
    return b;
  }

  /** Configures an {@link Experiment}. Not thread-safe. */
  public static final class Builder {
    private AlgorithmRegistry registry = AlgorithmRegistry.standard();
    private final List<AlgorithmSpec> algorithms = new ArrayList<>();
    private final List<Source> sources = new ArrayList<>();
    private String split;
    private long[] seeds = {0};
    private int[] cutoffs = {10};
    private boolean excludeSeen = true;
    private String candidates = "all";
    private int sampled;
    private boolean auc;
    private boolean curves;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Listener listener = (done, total, label) -> { };
    private Task task = Task.RANKING;

    private Builder() {}

    /** The registry algorithm specifications are resolved in; {@link AlgorithmRegistry#standard()} by default. */
    public Builder registry(AlgorithmRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Adds an algorithm specification such as {@code itemknn:neighbors=200}.
     *
     * @throws IllegalArgumentException if it does not parse or a value is invalid
     */
    public Builder algorithm(String spec) {
      AlgorithmSpec parsed = registry.parse(spec);
      registry.create(parsed);
      algorithms.add(parsed);
      return this;
    }

    /** Adds a whole log, split with the {@link #split(String)} specification once per seed. */
    public Builder data(String name, InteractionLog log) {
      return data(name, log, FeatureTable.empty(), FeatureTable.empty());
    }

    /**
     * Adds a whole log with item and user features (keyed by the log's ids; they go into every training
     * {@link Dataset}, and the user features also into the queries of users unknown to training).
     */
    public Builder data(String name, InteractionLog log, FeatureTable itemFeatures, FeatureTable userFeatures) {
      sources.add(new Source(requireName(name), Objects.requireNonNull(log, "log"), null,
          Objects.requireNonNull(itemFeatures, "itemFeatures"), Objects.requireNonNull(userFeatures, "userFeatures")));
      return this;
    }

    /** Adds a given train/test split, run once (the first seed is recorded). */
    public Builder data(String name, Split split) {
      return data(name, split, FeatureTable.empty(), FeatureTable.empty());
    }

    /** Adds a given train/test split with item and user features, run once. */
    public Builder data(String name, Split split, FeatureTable itemFeatures, FeatureTable userFeatures) {
      sources.add(new Source(requireName(name), null, Objects.requireNonNull(split, "split"),
          Objects.requireNonNull(itemFeatures, "itemFeatures"), Objects.requireNonNull(userFeatures, "userFeatures")));
      return this;
    }

    /** The task: {@link Task#RANKING} (the default) or {@link Task#RATING}. */
    public Builder task(Task task) {
      this.task = Objects.requireNonNull(task, "task");
      return this;
    }

    /**
     * The split specification for whole logs, as for {@link Splitters#create(String, long)}.
     *
     * @throws IllegalArgumentException if it does not parse
     */
    public Builder split(String spec) {
      Splitters.create(spec, 0);
      this.split = spec.trim();
      return this;
    }

    /**
     * The seeds, each giving one split of every whole log; {0} by default.
     *
     * @throws IllegalArgumentException if none is given or one repeats
     */
    public Builder seeds(long... seeds) {
      if (seeds.length == 0 || Arrays.stream(seeds).distinct().count() != seeds.length) {
        throw new IllegalArgumentException("give at least one seed, each once, got " + Arrays.toString(seeds));
      }
      this.seeds = seeds.clone();
      return this;
    }

    /** The cut-offs reported; {10} by default. See {@link RankingEvaluator.Builder#cutoffs(int...)}. */
    public Builder cutoffs(int... cutoffs) {
      RankingEvaluator.builder().cutoffs(cutoffs);
      this.cutoffs = Arrays.stream(cutoffs).sorted().distinct().toArray();
      return this;
    }

    /** Whether users' training items are excluded from their rankings; true by default. */
    public Builder excludeSeen(boolean excludeSeen) {
      this.excludeSeen = excludeSeen;
      return this;
    }

    /**
     * The candidate protocol: {@code all} (full ranking, the default), {@code cold} (only the items without
     * training events, for cold-item splits) or {@code sampled:N} (each user's relevant items among N sampled
     * negatives, seeded by the run's seed; labelled "sampled" in every output).
     *
     * @throws IllegalArgumentException for any other value
     */
    public Builder candidates(String mode) {
      String m = mode.trim().toLowerCase(Locale.ROOT);
      if (m.equals("all") || m.equals("cold")) {
        this.sampled = 0;
      } else if (m.startsWith("sampled:")) {
        try {
          this.sampled = Integer.parseInt(m.substring("sampled:".length()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("sampled candidates need a count, as in sampled:100, got '" + mode + "'");
        }
        if (sampled < 1) {
          throw new IllegalArgumentException("sampled candidates need a count >= 1, got '" + mode + "'");
        }
      } else {
        throw new IllegalArgumentException("unknown candidates '" + mode + "'; valid: all, cold, sampled:N");
      }
      this.candidates = m;
      return this;
    }

    /** Whether to compute AUC (full ranking and candidate sets only); false by default. */
    public Builder auc(boolean auc) {
      this.auc = auc;
      return this;
    }

    /**
     * Whether runs also evaluate the cut-offs 1, 2, 5, 10, 20 and 50 (for the metric-against-cut-off chart of the
     * HTML report); false by default, since deeper lists take longer to select.
     */
    public Builder curves(boolean curves) {
      this.curves = curves;
      return this;
    }

    /** Evaluation threads; all available processors by default. */
    public Builder threads(int threads) {
      RankingEvaluator.builder().threads(threads);
      this.threads = threads;
      return this;
    }

    /** Receives progress; by default nothing does. */
    public Builder listener(Listener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Returns the experiment.
     *
     * @throws IllegalArgumentException if there is no algorithm or dataset, a whole log has no split
     *     specification, or AUC is combined with sampling
     */
    public Experiment build() {
      if (algorithms.isEmpty()) {
        throw new IllegalArgumentException("an experiment needs at least one algorithm");
      }
      if (sources.isEmpty()) {
        throw new IllegalArgumentException("an experiment needs at least one dataset");
      }
      for (Source s : sources) {
        if (s.log != null && split == null) {
          throw new IllegalArgumentException("dataset '" + s.name + "' is a whole log: give a split specification");
        }
      }
      if (auc && sampled > 0) {
        throw new IllegalArgumentException("AUC over sampled negatives is not supported; use full ranking");
      }
      return new Experiment(this);
    }

    private String requireName(String name) {
      Objects.requireNonNull(name, "name");
      for (Source s : sources) {
        if (s.name.equals(name)) {
          throw new IllegalArgumentException("dataset '" + name + "' is already added");
        }
      }
      return name;
    }
  }
}
