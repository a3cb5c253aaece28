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
    List<AlgorithmSpec> specs = specifications(registry);
    Dataset data = Dataset.builder(validation.train()).binary(true)
        .itemFeatures(itemFeatures).userFeatures(userFeatures).build();
    InteractionMatrix test = InteractionMatrix.of(validation.test(), DuplicatePolicy.SUM);
    List<Trial> trials = new ArrayList<>();
    for (AlgorithmSpec given : specs) {
      AlgorithmSpec spec = registry.resolve(given, data);
      long start = System.nanoTime();
      Model model = registry.create(spec).fit(data);
      double fit = (System.nanoTime() - start) / 1e9;
      RankingResult result = evaluator.evaluate(model, data.matrix(), test);
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
