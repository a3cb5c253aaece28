package io.github.kindred.eval.experiment;

import io.github.kindred.eval.metric.RankingEvaluator;
import io.github.kindred.eval.metric.RankingResult;
import io.github.kindred.eval.split.Split;
import io.github.kindred.eval.split.Splits;
import io.github.kindred.data.Dataset;
import io.github.kindred.data.DuplicatePolicy;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.Model;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * Grid and random search over an algorithm's parameters on a validation split, choosing by a named metric (higher
 * is better). The validation split should be carved from the training data only (for example
 * {@code Splitters.create("user-ratio:ratio=0.2", seed).split(train)}), so that the test set stays unseen until the
 * chosen configuration is measured on it. Every trial is kept. Immutable and thread-safe.
 *
 * @param algorithm the registered algorithm name, for example {@code itemknn}
 * @param grid each tuned key with its candidate values, in order; other keys keep their defaults
 * @param randomTrials 0 for the full grid, else the number of distinct grid points drawn at random (all of them if
 *     the grid is smaller)
 * @param seed the seed of the random draw
 * @param metric the metric to maximise, for example {@code ndcg@10}
 */
public record HyperparameterSearch(String algorithm, Map<String, List<String>> grid, int randomTrials, long seed,
    String metric) {
  /** Validates and copies the fields. */
  public HyperparameterSearch {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(metric, "metric");
    if (grid.isEmpty()) {
      throw new IllegalArgumentException("the grid needs at least one key");
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    grid.forEach((k, v) -> {
      if (v.isEmpty()) {
        throw new IllegalArgumentException("grid key '" + k + "' has no values");
      }
      copy.put(k, List.copyOf(v));
    });
    grid = Collections.unmodifiableMap(copy);
    if (randomTrials < 0) {
      throw new IllegalArgumentException("randomTrials must be >= 0, got " + randomTrials);
    }
  }

  /**
   * One evaluated configuration.
   *
   * @param spec the specification tried
   * @param value the metric's value on the validation split
   * @param fitSeconds wall-clock seconds of training
   * @param result the full evaluation
   */
  public record Trial(AlgorithmSpec spec, double value, double fitSeconds, RankingResult result) {}

  /** The specifications to try, in grid order (or random draw order), each validated by {@code registry}. */
  public List<AlgorithmSpec> specifications(AlgorithmRegistry registry) {
    List<String> keys = new ArrayList<>(grid.keySet());
    int total = 1;
    for (String k : keys) {
      total = Math.multiplyExact(total, grid.get(k).size());
    }
    List<Integer> points = new ArrayList<>();
    for (int p = 0; p < total; p++) {
      points.add(p);
    }
    if (randomTrials > 0 && randomTrials < total) {
      int[] order = Splits.permutation(total, new SplittableRandom(seed));
      points.clear();
      for (int t = 0; t < randomTrials; t++) {
        points.add(order[t]);
      }
    }
    List<AlgorithmSpec> out = new ArrayList<>();
    for (int point : points) {
      // Mixed-radix decoding of the grid point, the last key varying fastest.
      String[] chosen = new String[keys.size()];
      int rest = point;
      for (int k = keys.size() - 1; k >= 0; k--) {
        List<String> values = grid.get(keys.get(k));
        chosen[k] = keys.get(k) + "=" + values.get(rest % values.size());
        rest /= values.size();
      }
      String spec = algorithm + ":" + String.join(",", chosen);
      AlgorithmSpec parsed = registry.parse(spec);
      registry.create(parsed);
      out.add(parsed);
    }
    return out;
  }

  /**
   * Fits every configuration on the validation split's training part and evaluates it on its test part.
   *
   * @param registry where the algorithm is registered
   * @param validation the validation split (carved from training data)
   * @param evaluator the evaluator; its cut-offs must include the metric's
   * @param listener told after each trial (done, total, specification)
   * @return every trial, in the order tried
   * @throws IllegalArgumentException if a configuration is invalid or the metric is not computed
   */
  public List<Trial> run(AlgorithmRegistry registry, Split validation, RankingEvaluator evaluator,
      Experiment.Listener listener) {
    return run(registry, validation, FeatureTable.empty(), FeatureTable.empty(), evaluator, listener);
  }

  /**
   * As {@link #run(AlgorithmRegistry, Split, RankingEvaluator, Experiment.Listener)}, with item and user features
   * in the training data (for content, feature-aware and context models).
   *
   * @param itemFeatures item features, possibly empty
   * @param userFeatures user features, possibly empty
   */
  public List<Trial> run(AlgorithmRegistry registry, Split validation, FeatureTable itemFeatures,
      FeatureTable userFeatures, RankingEvaluator evaluator, Experiment.Listener listener) {
    return run(registry, validation, itemFeatures, userFeatures, evaluator, listener, Budget.NONE);
  }

  /**
   * A wall-clock limit on a search: a trial is started only if the time used so far plus the longest trial so
   * far (fit and evaluation) stays within {@code nanos}; the first trial always runs. Predicting by the longest
   * trial keeps the search within the limit when trials cost about the same, as grid points of one algorithm on
   * one split do, and errs on the early side when they do not.
   *
   * @param nanos the limit in nanoseconds, {@code > 0}, or {@link Long#MAX_VALUE} for none
   * @param clock reads the time in nanoseconds ({@code System::nanoTime}; tests pass a fake clock)
   */
  public record Budget(long nanos, LongSupplier clock) {
    /** No limit, on the system clock. */
    public static final Budget NONE = new Budget(Long.MAX_VALUE, System::nanoTime);

    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException if {@code nanos <= 0}
     * @throws NullPointerException if {@code clock} is null
     */
    public Budget {
      if (nanos <= 0) {
        throw new IllegalArgumentException("budget must be > 0, got " + nanos + " ns");
      }
      Objects.requireNonNull(clock, "clock");
    }

    /**
     * Whether a trial predicted to take {@code longest} may start after {@code used}.
     *
     * @param used nanoseconds used so far
     * @param longest the longest trial so far in nanoseconds (0 before the first)
     * @return true if the trial fits
     */
    public boolean allows(long used, long longest) {
      return longest == 0 || (nanos - used >= longest);
    }
  }

  /**
   * As {@link #run(AlgorithmRegistry, Split, FeatureTable, FeatureTable, RankingEvaluator, Experiment.Listener)},
   * stopping before a trial that {@code budget} predicts would exceed it ({@link Budget#allows}). The listener
   * hears each finished trial with the total planned; a search cut short returns fewer trials than
   * {@link #specifications} lists.
   *
   * @param budget the wall-clock limit and its clock
   * @return the trials run, in order, at least one
   */
  public List<Trial> run(AlgorithmRegistry registry, Split validation, FeatureTable itemFeatures,
      FeatureTable userFeatures, RankingEvaluator evaluator, Experiment.Listener listener, Budget budget) {
    Objects.requireNonNull(budget, "budget");
    long begin = budget.clock().getAsLong();
    long longest = 0;
    List<AlgorithmSpec> specs = specifications(registry);
    Dataset data = Dataset.builder(validation.train()).binary(true)
        .itemFeatures(itemFeatures).userFeatures(userFeatures).build();
    InteractionMatrix test = InteractionMatrix.of(validation.test(), DuplicatePolicy.SUM);
    List<Trial> trials = new ArrayList<>();
    for (AlgorithmSpec given : specs) {
      long trialStart = budget.clock().getAsLong();
      if (!budget.allows(trialStart - begin, longest)) {
        break;
      }
      AlgorithmSpec spec = registry.resolve(given, data);
      long start = budget.clock().getAsLong();
      Model model = registry.create(spec).fit(data);
      double fit = (budget.clock().getAsLong() - start) / 1e9;
      RankingResult result = evaluator.evaluate(model, data.matrix(), test);
      longest = Math.max(longest, budget.clock().getAsLong() - trialStart);
      trials.add(new Trial(spec, result.mean(metric), fit, result));
      listener.progress(trials.size(), specs.size(), spec.text());
    }
    return trials;
  }

  /** The trial with the highest value; the earliest on ties. */
  public static Trial best(List<Trial> trials) {
    if (trials.isEmpty()) {
      throw new IllegalArgumentException("no trials");
    }
    Trial best = trials.get(0);
    for (Trial t : trials) {
      if (t.value() > best.value()) {
        best = t;
      }
    }
    return best;
  }
}
