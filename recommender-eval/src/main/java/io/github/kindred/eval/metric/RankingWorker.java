package io.github.kindred.eval.metric;

import io.github.kindred.math.TopN;
import io.github.kindred.model.Query;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Ranks and measures users of one {@link EvaluationRun}, one worker per thread: it owns a score buffer, a selector,
 * the ranked list and the sampling and AUC buffers, and writes each user's values to the user's own slots of the
 * run, so that results do not depend on which worker took which user.
 */
final class RankingWorker {
  private static final RankingMetric[] METRICS = RankingMetric.values();

  private final EvaluationRun run;
  private final float[] scores;
  private final TopN top;
  private final int[] ranked;
  private final boolean[] marked;
  private final int[] sampled;
  private final float[] negativeScores;

  RankingWorker(EvaluationRun run) {
    this.run = run;
    this.scores = new float[Math.max(run.items, run.model.itemCount())];
    this.top = new TopN(run.depth);
    this.ranked = new int[run.depth];
    this.marked = new boolean[run.items];
    this.sampled = new int[run.negatives > 0 ? run.items : 0];
    this.negativeScores = run.aucs != null ? new float[run.items] : null;
  }

  void evaluate(int p) {
    int user = run.users[p];
    int[] relevant = run.relevantItems(user);
    int[] seen = score(user);
    int n = select(user, relevant, seen);
    System.arraycopy(ranked, 0, run.lists, p * run.depth, n);
    run.lengths[p] = n;
    for (int m = 0; m < METRICS.length; m++) {
      for (int c = 0; c < run.cutoffs.length; c++) {
        run.values[m][c][p] = METRICS[m].compute(ranked, n, relevant, run.cutoffs[c]);
      }
    }
    for (int c = 0; c < run.cutoffs.length; c++) {
      int depthK = Math.min(n, run.cutoffs[c]);
      double novelty = 0;
      double arp = 0;
      for (int r = 0; r < depthK; r++) {
        double share = Math.max(run.popularity[ranked[r]], 1f) / run.trainUsers;
        novelty -= Math.log(share) / Math.log(2);
        arp += run.popularity[ranked[r]];
      }
      run.beyond[0][c][p] = depthK == 0 ? 0 : novelty / depthK;
      run.beyond[1][c][p] = depthK == 0 ? 0 : arp / depthK;
      if (run.similarity != null) {
        run.beyond[2][c][p] = diversity(depthK);
      }
    }
    if (run.aucs != null) {
      run.aucs[p] = auc(relevant);
    }
  }

  /**
   * Scores every item for test row {@code row}, excludes seen items, and returns them (the items excluded or
   * not). A row is a user, or with {@link RankingEvaluator.Builder#rows} a (user, context) group whose query carries the context.
   */
  private int[] score(int row) {
    int user = run.rowUsers == null ? row : run.rowUsers[row];
    Query query;
    if (user < run.train.rows()) {
      query = Query.forUser(user, run.train);
    } else if (run.foldIn != null && user < run.foldIn.rows() && run.foldIn.rowSize(user) > 0) {
      int[] history = run.foldIn.row(user);
      float[] weights = run.foldIn.rowValues(user);
      int known = 0;
      for (int h = 0; h < history.length; h++) {
        if (history[h] < run.items) {
          history[known] = history[h];
          weights[known++] = weights[h];
        }
      }
      query = Query.of(Query.ANONYMOUS, Arrays.copyOf(history, known), Arrays.copyOf(weights, known));
    } else {
      query = Query.empty();
    }
    if (user >= run.train.rows() && run.userFeatures != null) {
      String id = run.testUsers.idOf(user);
      if (run.userFeatures.entities().indexOf(id) >= 0) {
        query = query.withUserFeatures(run.userFeatures, id);
      }
    }
    if (run.rowContexts != null) {
      query = query.withContext(run.rowContexts[row]);
    }
    run.model.score(query, scores);
    int[] seen = query.items();
    if (run.excludeSeen) {
      for (int i : seen) {
        scores[i] = Float.NEGATIVE_INFINITY;
      }
    }
    return seen;
  }

  /** Selects the top list among the candidates of the protocol into {@code ranked}; returns its length. */
  private int select(int user, int[] relevant, int[] seen) {
    top.reset(run.depth);
    if (run.negatives > 0) {
      int n = sample(user, relevant, seen);
      for (int k = 0; k < n; k++) {
        offer(sampled[k]);
      }
    } else if (run.catalogue != null) {
      for (int i : run.catalogue) {
        offer(i);
      }
    } else {
      for (int i = 0; i < run.items; i++) {
        offer(i);
      }
    }
    return top.drainTo(ranked, null);
  }

  private void offer(int i) {
    float s = scores[i];
    // TopN breaks ties with the held minimum by index; a strictly lower score can never enter.
    if (s >= top.threshold()) {
      top.offer(i, s);
    }
  }

  /**
   * Fills {@code sampled} with the user's rankable relevant items and up to {@code negatives} items drawn
   * without replacement from the catalogue, excluding everything the user has in training, test or fold-in.
   * The generator is derived from the seed and the user, so the draw does not depend on threads.
   */
  private int sample(int user, int[] relevant, int[] seen) {
    int n = 0;
    for (int i : relevant) {
      if (i < run.items) {
        sampled[n++] = i;
        marked[i] = true;
      }
    }
    for (int i : seen) {
      marked[i] = true;
    }
    int[] pointers = run.test.rowPointers();
    int[] columns = run.test.columnIndexes();
    for (int k = pointers[user]; k < pointers[user + 1]; k++) {
      if (columns[k] < run.items) {
        marked[columns[k]] = true;
      }
    }
    int[] pool = run.catalogue;
    int size = pool == null ? run.items : pool.length;
    int available = 0;
    for (int c = 0; c < size; c++) {
      available += marked[pool == null ? c : pool[c]] ? 0 : 1;
    }
    int want = Math.min(run.negatives, available);
    SplittableRandom random = new SplittableRandom(run.seed ^ (0x9E3779B97F4A7C15L * (user + 1L)));
    int drawn = 0;
    int start = n;
    while (drawn < want) {
      int c = random.nextInt(size);
      int item = pool == null ? c : pool[c];
      if (!marked[item]) {
        marked[item] = true;
        sampled[n++] = item;
        drawn++;
      }
    }
    for (int k = 0; k < n; k++) {
      marked[sampled[k]] = false;
    }
    for (int i : seen) {
      marked[i] = false;
    }
    for (int k = pointers[user]; k < pointers[user + 1]; k++) {
      if (columns[k] < run.items) {
        marked[columns[k]] = false;
      }
    }
    Arrays.sort(sampled, start, n);
    return n;
  }

  /**
   * The share of (relevant, non-relevant candidate) pairs the scores order correctly, ties counting half.
   * Relevant items that cannot be ranked (excluded, not candidates, unknown) count as ranked below every
   * non-relevant candidate.
   */
  private double auc(int[] relevant) {
    int nNeg = 0;
    for (int r : relevant) {
      if (r < run.items) {
        marked[r] = true;
      }
    }
    int size = run.catalogue == null ? run.items : run.catalogue.length;
    for (int c = 0; c < size; c++) {
      int i = run.catalogue == null ? c : run.catalogue[c];
      if (!marked[i] && scores[i] != Float.NEGATIVE_INFINITY) {
        negativeScores[nNeg++] = scores[i];
      }
    }
    for (int r : relevant) {
      if (r < run.items) {
        marked[r] = false;
      }
    }
    if (nNeg == 0) {
      return 1.0;
    }
    Arrays.sort(negativeScores, 0, nNeg);
    double correct = 0;
    for (int r : relevant) {
      if (r >= run.items || scores[r] == Float.NEGATIVE_INFINITY || (run.isCandidate != null && !run.isCandidate[r])) {
        continue;
      }
      float s = scores[r];
      int below = lowerBound(negativeScores, nNeg, s);
      int notAbove = upperBound(negativeScores, nNeg, s);
      correct += below + 0.5 * (notAbove - below);
    }
    return correct / ((double) relevant.length * nNeg);
  }

  private double diversity(int n) {
    if (n < 2) {
      return 0.0;
    }
    double sum = 0;
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        sum += 1 - run.similarity.cosine(ranked[a], ranked[b]);
      }
    }
    return sum / (n * (n - 1) / 2.0);
  }

/** Number of entries of sorted {@code a[0..n)} strictly below {@code s}. */
private static int lowerBound(float[] a, int n, float s) {
  int lo = 0;
  int hi = n;
  while (lo < hi) {
    int mid = (lo + hi) >>> 1;
    if (a[mid] < s) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** Number of entries of sorted {@code a[0..n)} at most {@code s}. */
private static int upperBound(float[] a, int n, float s) {
  int lo = 0;
  int hi = n;
  while (lo < hi) {
    int mid = (lo + hi) >>> 1;
    if (a[mid] <= s) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}
}
