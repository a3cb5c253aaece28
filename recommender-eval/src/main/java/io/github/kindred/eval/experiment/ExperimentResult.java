package io.github.kindred.eval.experiment;

import io.github.kindred.eval.metric.RankingResult;
import io.github.kindred.eval.stats.Statistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The runs of an {@link Experiment} with their provenance (library version, configuration, seeds, data
 * fingerprints), and the statistics reports draw from them: spread over seeds, pooled per-user values, and paired
 * comparisons. Immutable; safe to share between threads.
 */
public final class ExperimentResult {
  /**
   * One fitted and evaluated (algorithm, dataset, seed).
   *
   * @param algorithm the algorithm specification as written
   * @param configuration the full configuration with defaults ({@link AlgorithmSpec#canonical()})
   * @param data the dataset name
   * @param seed the seed of the split (meaningless when {@code seeded} is false)
   * @param seeded whether the split was made with {@code seed} (false for a given split)
   * @param result the evaluation
   * @param fitSeconds wall-clock seconds of training
   */
  public record Run(String algorithm, String configuration, String data, long seed, boolean seeded,
      RankingResult result, double fitSeconds) {
    /** Validates presence. */
    public Run {
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(configuration, "configuration");
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(result, "result");
    }
  }

  /**
   * A paired comparison of two algorithms on one dataset and metric, over per-user values pooled across seeds.
   *
   * @param metric the metric name
   * @param a the first algorithm
   * @param b the second algorithm
   * @param meanA the mean of {@code a}
   * @param meanB the mean of {@code b}
   * @param difference bootstrap confidence interval of the mean difference {@code a - b}
   * @param tTest the paired t-test
   * @param wilcoxon the Wilcoxon signed-rank test
   */
  public record Comparison(String metric, String a, String b, double meanA, double meanB,
      Statistics.Interval difference, Statistics.PairedTest tTest, Statistics.PairedTest wilcoxon) {}

  private final List<Run> runs;
  private final Map<String, String> configuration;
  private final String version;
  private final Map<String, String> fingerprints;
  private final int[] cutoffs;
  private final int[] allCutoffs;
  private final long[] seeds;
  private final List<String> orderedConfiguration;
  private final List<String> orderedData;

  /**
   * Creates a result; {@link Experiment#run()} does this, and so may tools that assemble runs themselves.
   *
   * @param runs the runs, in order
   * @param configuration the experiment configuration to record
   * @param version the library version
   * @param fingerprints a data fingerprint per dataset name
   * @param cutoffs the reported cut-offs
   * @param allCutoffs every evaluated cut-off (a superset of {@code cutoffs})
   * @param seeds the seeds
   */
  public ExperimentResult(List<Run> runs, Map<String, String> configuration, String version,
      Map<String, String> fingerprints, int[] cutoffs, int[] allCutoffs, long[] seeds) {
    this.runs = List.copyOf(runs);
    this.configuration = Map.copyOf(configuration);
    this.version = Objects.requireNonNull(version, "version");
    this.fingerprints = Map.copyOf(fingerprints);
    this.cutoffs = cutoffs.clone();
    this.allCutoffs = allCutoffs.clone();
    this.seeds = seeds.clone();
    this.orderedConfiguration = new ArrayList<>(configuration.keySet());
    this.orderedData = new ArrayList<>(fingerprints.keySet());
  }

  /** Every run, in execution order. */
  public List<Run> runs() {
    return runs;
  }

  /** The configuration keys, in the order the experiment gave them. */
  public List<String> configurationKeys() {
    return List.copyOf(orderedConfiguration);
  }

  /** The configuration value of {@code key}, or null. */
  public String configuration(String key) {
    return configuration.get(key);
  }

  /** The library version. */
  public String version() {
    return version;
  }

  /** The data fingerprint of dataset {@code data}, or null. */
  public String fingerprint(String data) {
    return fingerprints.get(data);
  }

  /** The reported cut-offs. */
  public int[] cutoffs() {
    return cutoffs.clone();
  }

  /** Every evaluated cut-off. */
  public int[] allCutoffs() {
    return allCutoffs.clone();
  }

  /** The seeds. */
  public long[] seeds() {
    return seeds.clone();
  }

  /** Dataset names, in order. */
  public List<String> datasets() {
    return List.copyOf(orderedData);
  }

  /** Algorithm specifications as written, in order of first run. */
  public List<String> algorithms() {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (Run r : runs) {
      out.add(r.algorithm());
    }
    return List.copyOf(out);
  }

  /** The runs of {@code algorithm} on {@code data}, one per seed. */
  public List<Run> runs(String data, String algorithm) {
    List<Run> out = new ArrayList<>();
    for (Run r : runs) {
      if (r.data().equals(data) && r.algorithm().equals(algorithm)) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Mean and spread over seeds of {@code metric} (a per-user mean or an aggregate), or of {@code "fitSeconds"} or
   * {@code "recommendSeconds"}.
   *
   * @throws IllegalArgumentException if there is no such run or metric
   */
  public Statistics.Spread spread(String data, String algorithm, String metric) {
    List<Run> mine = requireRuns(data, algorithm);
    double[] x = new double[mine.size()];
    for (int i = 0; i < x.length; i++) {
      Run r = mine.get(i);
      x[i] = switch (metric) {
        case "fitSeconds" -> r.fitSeconds();
        case "recommendSeconds" -> r.result().seconds();
        default -> r.result().mean(metric);
      };
    }
    return Statistics.spread(x);
  }

  /** The per-user values of {@code metric} of every seed's run, concatenated in seed order. */
  public double[] pooled(String data, String algorithm, String metric) {
    List<double[]> parts = new ArrayList<>();
    int n = 0;
    for (Run r : requireRuns(data, algorithm)) {
      double[] v = r.result().perUser(metric);
      parts.add(v);
      n += v.length;
    }
    double[] out = new double[n];
    int at = 0;
    for (double[] v : parts) {
      System.arraycopy(v, 0, out, at, v.length);
      at += v.length;
    }
    return out;
  }

  /**
   * Compares algorithms {@code a} and {@code b} on {@code data} by per-user {@code metric}: both tests and a
   * bootstrap interval of the mean difference. The runs of one seed share a split, so users pair up.
   *
   * @throws IllegalArgumentException if a run is missing, the metric is not per-user, or the runs' users differ
   */
  public Comparison compare(String data, String a, String b, String metric, double level, int resamples,
      long seed) {
    List<Run> ra = requireRuns(data, a);
    List<Run> rb = requireRuns(data, b);
    if (ra.size() != rb.size()) {
      throw new IllegalArgumentException(a + " and " + b + " have different numbers of runs on " + data);
    }
    for (int i = 0; i < ra.size(); i++) {
      if (!Arrays.equals(ra.get(i).result().users(), rb.get(i).result().users())) {
        throw new IllegalArgumentException(a + " and " + b + " were evaluated on different users of " + data);
      }
    }
    double[] x = pooled(data, a, metric);
    double[] y = pooled(data, b, metric);
    return new Comparison(metric, a, b, Statistics.mean(x), Statistics.mean(y),
        Statistics.bootstrapDifference(x, y, level, resamples, seed), Statistics.pairedTTest(x, y),
        Statistics.wilcoxon(x, y));
  }

  private List<Run> requireRuns(String data, String algorithm) {
    List<Run> mine = runs(data, algorithm);
    if (mine.isEmpty()) {
      throw new IllegalArgumentException("no run of '" + algorithm + "' on '" + data + "'");
    }
    return mine;
  }
}
