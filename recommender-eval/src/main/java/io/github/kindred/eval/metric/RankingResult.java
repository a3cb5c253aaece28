package io.github.kindred.eval.metric;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a {@link RankingEvaluator} run: per-user values of every metric by name ({@code "ndcg@10"},
 * {@code "novelty@10"}, {@code "auc"}, ...; kept for paired statistics), aggregate metrics over all users
 * ({@code "coverage@10"}, {@code "gini@10"}), and how it was measured. Immutable; safe to share between threads.
 */
public final class RankingResult {
  private final int[] users;
  private final int[] cutoffs;
  private final Map<String, double[]> perUser;
  private final Map<String, Double> aggregates;
  private final int itemCount;
  private final double seconds;
  private final String protocol;
  private final boolean sampled;
  private final Map<String, int[]> contextGroups;

  RankingResult(int[] users, int[] cutoffs, Map<String, double[]> perUser, Map<String, Double> aggregates,
      int itemCount, double seconds, String protocol, boolean sampled) {
    this(users, cutoffs, perUser, aggregates, itemCount, seconds, protocol, sampled, Map.of());
  }

  private RankingResult(int[] users, int[] cutoffs, Map<String, double[]> perUser, Map<String, Double> aggregates,
      int itemCount, double seconds, String protocol, boolean sampled, Map<String, int[]> contextGroups) {
    this.users = users;
    this.cutoffs = cutoffs;
    this.perUser = perUser;
    this.aggregates = aggregates;
    this.itemCount = itemCount;
    this.seconds = seconds;
    this.protocol = protocol;
    this.sampled = sampled;
    this.contextGroups = contextGroups;
  }

  /**
   * Returns a copy that also reports metrics per context value: {@code groups} maps a label such as
   * {@code "timeOfDay=evening"} to the positions (in {@link #users()}) of the evaluated rows whose context has that
   * value.
   *
   * @param groups the positions of the rows of each context label; copied
   * @return a new result with the same metrics and these groups
   */
  public RankingResult withContextGroups(Map<String, int[]> groups) {
    Map<String, int[]> copy = new TreeMap<>();
    groups.forEach((k, v) -> copy.put(k, v.clone()));
    return new RankingResult(users, cutoffs, perUser, aggregates, itemCount, seconds, protocol, sampled,
        Collections.unmodifiableMap(copy));
  }

  /** The context labels ({@code feature=value}) that {@link #byContext(String)} reports, sorted; often empty. */
  public List<String> contextLabels() {
    return List.copyOf(contextGroups.keySet());
  }

  /** Number of evaluated rows whose context has the value of {@code label}. */
  public int contextCount(String label) {
    int[] g = contextGroups.get(label);
    return g == null ? 0 : g.length;
  }

  /**
   * The mean of per-user metric {@code name} over the evaluated rows whose context has the value of
   * {@code label} ({@code feature=value}); 0 if there are none.
   *
   * @throws IllegalArgumentException if there is no such per-user metric
   */
  public double byContext(String label, String name) {
    double[] v = perUser.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no per-user metric '" + name + "'; available: "
          + String.join(", ", perUser.keySet()));
    }
    int[] g = contextGroups.get(label);
    if (g == null || g.length == 0) {
      return 0.0;
    }
    double sum = 0;
    for (int p : g) {
      sum += v[p];
    }
    return sum / g.length;
  }

  /** Whether {@code name} is a per-user metric (and can be reported per context). */
  public boolean hasPerUser(String name) {
    return perUser.containsKey(name);
  }

  /** The evaluated user indexes (users with at least one relevant test item), ascending. */
  public int[] users() {
    return users.clone();
  }

  /** Number of evaluated users. */
  public int userCount() {
    return users.length;
  }

  /** The cut-offs, ascending. */
  public int[] cutoffs() {
    return cutoffs.clone();
  }

  /** Number of items that could be recommended (the training matrix's columns). */
  public int itemCount() {
    return itemCount;
  }

  /** Wall-clock seconds spent scoring, ranking and measuring all users. */
  public double seconds() {
    return seconds;
  }

  /** The candidate protocol, for example {@code "full ranking"} or {@code "sampled: ..."}. */
  public String protocol() {
    return protocol;
  }

  /** Whether the ranking was over sampled negatives (results not comparable with full ranking). */
  public boolean sampled() {
    return sampled;
  }

  /** The names of the per-user metrics, in order: cut-offs ascending, then AUC if computed. */
  public List<String> perUserNames() {
    return List.copyOf(perUser.keySet());
  }

  /** The names of the aggregate metrics (coverage and Gini at each cut-off). */
  public List<String> aggregateNames() {
    return List.copyOf(aggregates.keySet());
  }

  /**
   * The values of per-user metric {@code name} for every evaluated user, aligned with {@link #users()}.
   *
   * @throws IllegalArgumentException if there is no such per-user metric
   */
  public double[] perUser(String name) {
    double[] v = perUser.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "no per-user metric '" + name + "'; available: " + String.join(", ", perUser.keySet()));
    }
    return v.clone();
  }

  /** As {@link #perUser(String)} for {@code metric} at cut-off {@code k}. */
  public double[] perUser(RankingMetric metric, int k) {
    requireCutoff(k);
    return perUser(metric.at(k));
  }

  /**
   * The mean of per-user metric {@code name} over the evaluated users (0 if there are none), or the value of
   * aggregate metric {@code name}.
   *
   * @throws IllegalArgumentException if there is no such metric
   */
  public double mean(String name) {
    Double aggregate = aggregates.get(name);
    if (aggregate != null) {
      return aggregate;
    }
    double[] v = perUser.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no metric '" + name + "'; available: "
          + String.join(", ", perUser.keySet()) + ", " + String.join(", ", aggregates.keySet()));
    }
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    return v.length == 0 ? 0.0 : sum / v.length;
  }

  /** The mean of {@code metric} at cut-off {@code k}. */
  public double mean(RankingMetric metric, int k) {
    requireCutoff(k);
    return mean(metric.at(k));
  }

  /** Distinct items in the top {@code k} of all evaluated users, divided by {@link #itemCount()}. */
  public double coverage(int k) {
    requireCutoff(k);
    return aggregates.get("coverage@" + k);
  }

  /** The Gini coefficient of the exposure of candidate items in the top {@code k} of all users. */
  public double gini(int k) {
    requireCutoff(k);
    return aggregates.get("gini@" + k);
  }

  /** Every metric's mean (per-user metrics) or value (aggregates) by name, per-user metrics first. */
  public Map<String, Double> summary() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String name : perUser.keySet()) {
      out.put(name, mean(name));
    }
    out.putAll(aggregates);
    return Collections.unmodifiableMap(out);
  }

  private void requireCutoff(int k) {
    if (Arrays.binarySearch(cutoffs, k) < 0) {
      throw new IllegalArgumentException("cut-off " + k + " was not evaluated; cut-offs: " + Arrays.toString(cutoffs));
    }
  }
}
