package io.github.kindred.eval.metric;

import io.github.kindred.data.Context;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.eval.stats.Statistics;
import io.github.kindred.model.Model;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of one {@link RankingEvaluator#evaluate} call: the evaluator's configuration, the inputs, the derived
 * tables (candidates, evaluated users, item popularity) and the output slot of every user, which the
 * {@link RankingWorker}s fill and {@link #result(double)} turns into a {@link RankingResult}.
 */
final class EvaluationRun {
  private static final RankingMetric[] METRICS = RankingMetric.values();

  final int[] cutoffs;
  final boolean keepUnknownTestItems;
  final int negatives;
  final long seed;
  final boolean excludeSeen;
  final int[] rowUsers;
  final Context[] rowContexts;
  final FeatureTable userFeatures;
  final IdIndex testUsers;
  private final String protocol;
  final Model model;
  final InteractionMatrix train;
  final InteractionMatrix test;
  final InteractionMatrix foldIn;
  final int items;
  final int depth;
  final boolean[] isCandidate;
  final int[] catalogue;
  final int[] users;
  final int[] lists;
  final int[] lengths;
  final double[][][] values;
  final double[][][] beyond;
  final double[] aucs;
  final float[] popularity;
  final double trainUsers;
  final ItemSimilarity similarity;

  EvaluationRun(RankingEvaluator evaluator, Model model, InteractionMatrix train, InteractionMatrix test,
      InteractionMatrix foldIn) {
    this.cutoffs = evaluator.cutoffs;
    this.keepUnknownTestItems = evaluator.keepUnknownTestItems;
    this.negatives = evaluator.negatives;
    this.seed = evaluator.seed;
    this.excludeSeen = evaluator.excludeSeen;
    this.rowUsers = evaluator.rowUsers;
    this.rowContexts = evaluator.rowContexts;
    this.userFeatures = evaluator.userFeatures;
    this.testUsers = evaluator.testUsers;
    this.protocol = evaluator.protocol();
    int[] candidates = evaluator.candidates;
    this.model = model;
    this.train = train;
    this.test = test;
    this.foldIn = foldIn;
    this.items = train.columns();
    if (candidates == null) {
      isCandidate = null;
      catalogue = null;
    } else {
      isCandidate = new boolean[items];
      for (int c : candidates) {
        if (c < 0 || c >= items) {
          throw new IllegalArgumentException("candidate item " + c + " not in [0, " + items + ")");
        }
        isCandidate[c] = true;
      }
      int[] list = new int[items];
      int n = 0;
      for (int i = 0; i < items; i++) {
        if (isCandidate[i]) {
          list[n++] = i;
        }
      }
      catalogue = Arrays.copyOf(list, n);
    }
    this.users = evaluatedUsers();
    int maxK = cutoffs[cutoffs.length - 1];
    this.depth = Math.min(maxK, catalogue == null ? items : catalogue.length);
    this.lists = new int[users.length * Math.max(depth, 1)];
    this.lengths = new int[users.length];
    this.values = new double[METRICS.length][cutoffs.length][users.length];
    this.similarity = evaluator.diversityVectors != null ? ItemSimilarity.of(evaluator.diversityVectors, items)
        : evaluator.diversityFeatures != null ? ItemSimilarity.of(evaluator.diversityFeatures, model.items())
        : null;
    this.beyond = new double[similarity == null ? 2 : 3][cutoffs.length][users.length];
    this.aucs = evaluator.auc ? new double[users.length] : null;
    this.popularity = new float[items];
    int active = 0;
    for (int u = 0; u < train.rows(); u++) {
      active += train.rowSize(u) > 0 ? 1 : 0;
    }
    for (int i = 0; i < items; i++) {
      popularity[i] = train.columnSize(i);
    }
    this.trainUsers = Math.max(active, 1);
  }

  private int[] evaluatedUsers() {
    int[] out = new int[test.rows()];
    int n = 0;
    for (int u = 0; u < test.rows(); u++) {
      if (relevantCount(u) > 0) {
        out[n++] = u;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private boolean isRelevantItem(int item) {
    if (item >= items) {
      return keepUnknownTestItems;
    }
    return isCandidate == null || isCandidate[item];
  }

  int relevantCount(int user) {
    int[] pointers = test.rowPointers();
    int[] columns = test.columnIndexes();
    int count = 0;
    for (int k = pointers[user]; k < pointers[user + 1]; k++) {
      count += isRelevantItem(columns[k]) ? 1 : 0;
    }
    return count;
  }

  /** The user's relevant items, ascending (test rows are sorted). */
  int[] relevantItems(int user) {
    int[] pointers = test.rowPointers();
    int[] columns = test.columnIndexes();
    int[] out = new int[relevantCount(user)];
    int n = 0;
    for (int k = pointers[user]; k < pointers[user + 1]; k++) {
      if (isRelevantItem(columns[k])) {
        out[n++] = columns[k];
      }
    }
    return out;
  }

  RankingResult result(double seconds) {
    Map<String, double[]> perUser = new LinkedHashMap<>();
    Map<String, Double> aggregates = new LinkedHashMap<>();
    String[] beyondNames = {"novelty", "arp", "ild"};
    for (int c = 0; c < cutoffs.length; c++) {
      int k = cutoffs[c];
      for (int m = 0; m < METRICS.length; m++) {
        perUser.put(METRICS[m].at(k), values[m][c]);
      }
      for (int b = 0; b < beyond.length; b++) {
        perUser.put(beyondNames[b] + "@" + k, beyond[b][c]);
      }
      aggregates.put("coverage@" + k, coverage(k));
      aggregates.put("gini@" + k, gini(k));
    }
    if (aucs != null) {
      perUser.put("auc", aucs);
    }
    return new RankingResult(users, cutoffs, perUser, aggregates, items, seconds, protocol, negatives > 0);
  }

  /** Distinct items in the top {@code k} of any list, divided by the number of items. */
  double coverage(int k) {
    boolean[] seen = new boolean[items];
    int distinct = 0;
    for (int p = 0; p < lengths.length; p++) {
      int n = Math.min(k, lengths[p]);
      for (int r = 0; r < n; r++) {
        int item = lists[p * depth + r];
        if (!seen[item]) {
          seen[item] = true;
          distinct++;
        }
      }
    }
    return items == 0 ? 0.0 : distinct / (double) items;
  }

  /** Gini coefficient of how often each candidate item appears in a top-k list. */
  double gini(int k) {
    long[] exposure = new long[items];
    for (int p = 0; p < lengths.length; p++) {
      int n = Math.min(k, lengths[p]);
      for (int r = 0; r < n; r++) {
        exposure[lists[p * depth + r]]++;
      }
    }
    long[] x;
    if (catalogue == null) {
      x = exposure;
    } else {
      x = new long[catalogue.length];
      for (int c = 0; c < catalogue.length; c++) {
        x[c] = exposure[catalogue[c]];
      }
    }
    return Statistics.gini(x);
  }
}
