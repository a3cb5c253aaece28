package io.github.kindred.eval;

import io.github.kindred.data.Context;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.math.TopN;
import io.github.kindred.model.ItemVectors;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Top-k evaluation of a model against held-out interactions: for every user with test items, the model scores every
 * item, the user's training items are excluded (unless configured otherwise), the top {@code k} candidates are
 * selected with {@link TopN} (ties broken by the smaller item index) and compared with the user's test items.
 *
 * <p>Protocol details, chosen to match the reference protocol of the project (datasets/README.md):
 * <ul>
 *   <li>Relevant items are all of the user's test items, whatever their rating.
 *   <li>Users without relevant items are not evaluated; averages are over the evaluated users.
 *   <li>Test items that never occur in the training data cannot be recommended by any model trained on it. By
 *       default they are dropped from the relevant sets (a user left with none is not evaluated), because no
 *       model could rank them; with {@link Builder#keepUnknownTestItems(boolean)} they stay relevant and count
 *       as misses. On the MovieLens-100K reference split (38 of 1,682 items occur only in test) dropping them
 *       reproduces the reference popularity figures (recall@10 0.1055; keeping them gives 0.1054).
 *   <li>Users unknown to the training data are scored from their fold-in events when a fold-in matrix is given
 *       (strong generalisation), else from an empty query ({@link Query#empty()}); fold-in items are excluded like
 *       training items.
 * </ul>
 *
 * <p>Candidate protocols: all items (full ranking, the default); a fixed candidate set such as the cold items
 * ({@link Builder#candidates(int[])}), in which case only candidates are ranked and only relevant candidates count;
 * or sampled negatives ({@link Builder#sampledNegatives(int, long)}): each user's relevant items ranked among a
 * number of random items the user has not interacted with. Sampled results overstate quality and are not
 * comparable with full ranking (Krichene and Rendle 2020), so they are available only on request and
 * {@link RankingResult#protocol()} labels them.
 *
 * <p>Besides the {@link RankingMetric}s at every cut-off, the result holds per user: AUC over the candidates (on
 * request), novelty@k (mean self-information {@code -log2(p_i)} of the recommended items, {@code p_i} the share of
 * training users who interacted with item i, items without any counted as one user), average recommended
 * popularity arp@k (mean number of training users of the recommended items) and, when item features or vectors are
 * given, intra-list diversity ild@k (mean {@code 1 - cosine} over pairs of recommended items, 0 for fewer than two);
 * and over all users: catalogue coverage@k and the Gini coefficient of exposure gini@k (how unequally the top-k
 * slots are spread over the candidate items; 0 equal, towards 1 concentrated). When seen items are not excluded
 * (the repeat-allowed protocol of next-basket data), the recall is also split per user into recall-repeat@k (hits
 * on items in the user's history over the relevant items) and recall-explore@k (hits on new items), which sum to
 * recall@k, and repeat-share@k is the share of all hits that fell on previously consumed items.
 *
 * <p>Users are spread over a pool of threads, each with its own score buffer and {@link TopN}; every per-user value
 * is written to the user's own slot and sampling uses a generator derived from the seed and the user, so results
 * do not depend on the thread count. An evaluator holds only its validated configuration and is safe to share
 * between threads.
 */
public final class RankingEvaluator {
  /** Users handed to a worker at a time: large enough to amortise the hand-off, small enough to balance. */
  private static final int BLOCK = 32;
  private static final RankingMetric[] METRICS = RankingMetric.values();

  private final int[] cutoffs;
  private final boolean excludeSeen;
  private final boolean keepUnknownTestItems;
  private final int threads;
  private final int[] candidates;
  private final int negatives;
  private final long seed;
  private final boolean auc;
  private final FeatureTable diversityFeatures;
  private final ItemVectors diversityVectors;
  private final int[] rowUsers;
  private final Context[] rowContexts;
  private final FeatureTable userFeatures;
  private final IdIndex testUsers;

  private RankingEvaluator(Builder b) {
    this.cutoffs = b.cutoffs.clone();
    this.excludeSeen = b.excludeSeen;
    this.keepUnknownTestItems = b.keepUnknownTestItems;
    this.threads = b.threads;
    this.candidates = b.candidates == null ? null : b.candidates.clone();
    this.negatives = b.negatives;
    this.seed = b.seed;
    this.auc = b.auc;
    this.diversityFeatures = b.diversityFeatures;
    this.diversityVectors = b.diversityVectors;
    this.rowUsers = b.rowUsers;
    this.rowContexts = b.rowContexts;
    this.userFeatures = b.userFeatures;
    this.testUsers = b.testUsers;
  }

  /** Returns a builder: cut-off 10, seen items excluded, unknown test items dropped, all available processors. */
  public static Builder builder() {
    return new Builder();
  }

  /** The cut-offs, ascending. */
  public int[] cutoffs() {
    return cutoffs.clone();
  }

  /** Whether a user's training items are excluded from their ranking. */
  public boolean excludeSeen() {
    return excludeSeen;
  }

  /** Whether test items unknown to the training data stay in the relevant sets. */
  public boolean keepUnknownTestItems() {
    return keepUnknownTestItems;
  }

  /** Number of worker threads. */
  public int threads() {
    return threads;
  }

  /** A one-line description of the candidate protocol, as {@link RankingResult#protocol()} reports it. */
  public String protocol() {
    if (negatives > 0) {
      return "sampled: relevant items among " + negatives + " sampled negatives per user, seed " + seed;
    }
    return candidates == null ? "full ranking" : "candidates: " + candidates.length + " items";
  }

  /** As {@link #evaluate(Model, InteractionMatrix, InteractionMatrix, InteractionMatrix)} without fold-in. */
  public RankingResult evaluate(Model model, InteractionMatrix train, InteractionMatrix test) {
    return evaluate(model, train, test, null);
  }

  /**
   * Evaluates {@code model}.
   *
   * @param model the fitted model; it must score at least the training matrix's items (items it appends after
   *     them, such as feature-only items, are not ranked)
   * @param train the matrix the model was trained on (its rows are the users' histories, and the items to exclude)
   * @param test the held-out matrix on the same indexes; rows and columns beyond the training matrix's are users
   *     and items unknown at training time
   * @param foldIn the revealed events of users unknown to training, on the test matrix's indexes, or null
   * @return the per-user metric values at every cut-off, their means and the aggregate metrics
   * @throws IllegalArgumentException if the model scores fewer items than the training matrix has, or a
   *     candidate index is out of range
   */
  public RankingResult evaluate(Model model, InteractionMatrix train, InteractionMatrix test,
      InteractionMatrix foldIn) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    int items = train.columns();
    // Feature-aware models may append items known only from features after the training items; those cannot be
    // in the training matrix, so they are scored but never ranked, keeping the protocol's candidate set.
    if (model.itemCount() < items) {
      throw new IllegalArgumentException(
          "the model scores " + model.itemCount() + " items but the training matrix has " + items);
    }
    Run run = new Run(model, train, test, foldIn);
    long start = System.nanoTime();
    AtomicInteger nextBlock = new AtomicInteger();
    int workers = Math.max(1, Math.min(threads, (run.users.length + BLOCK - 1) / BLOCK));
    Runnable work = () -> {
      Run.Worker w = run.new Worker();
      for (int b = nextBlock.getAndIncrement(); b * BLOCK < run.users.length; b = nextBlock.getAndIncrement()) {
        int end = Math.min(run.users.length, (b + 1) * BLOCK);
        for (int p = b * BLOCK; p < end; p++) {
          w.evaluate(p);
        }
      }
    };
    runAll(work, workers);
    double seconds = (System.nanoTime() - start) / 1e9;
    return run.result(seconds);
  }

  /** The state of one evaluation: inputs, derived tables and the output slots of every user. */
  private final class Run {
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
    /** With seen items allowed: per user, recall from previously consumed (0) and from new items (1). */
    final double[][][] split;
    /** With seen items allowed: hits on previously consumed items, and all hits, over all users per cut-off. */
    final long[] repeatHits;
    final long[] allHits;
    final double[] aucs;
    final float[] popularity;
    final double trainUsers;
    final ItemSimilarity similarity;

    Run(Model model, InteractionMatrix train, InteractionMatrix test, InteractionMatrix foldIn) {
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
      this.similarity = diversityVectors != null ? ItemSimilarity.of(diversityVectors, items)
          : diversityFeatures != null ? ItemSimilarity.of(diversityFeatures, model.items()) : null;
      this.beyond = new double[similarity == null ? 2 : 3][cutoffs.length][users.length];
      this.split = excludeSeen ? null : new double[2][cutoffs.length][users.length];
      this.repeatHits = excludeSeen ? null : new long[cutoffs.length];
      this.allHits = excludeSeen ? null : new long[cutoffs.length];
      this.aucs = auc ? new double[users.length] : null;
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
        if (split != null) {
          perUser.put("recall-repeat@" + k, split[0][c]);
          perUser.put("recall-explore@" + k, split[1][c]);
          long all;
          long rep;
          synchronized (repeatHits) {
            all = allHits[c];
            rep = repeatHits[c];
          }
          aggregates.put("repeat-share@" + k, all == 0 ? 0.0 : (double) rep / all);
        }
      }
      if (aucs != null) {
        perUser.put("auc", aucs);
      }
      return new RankingResult(users, cutoffs, perUser, aggregates, items, seconds, protocol(), negatives > 0);
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

    /** Per-thread scratch: a score buffer, a selector, the ranked list and sampling and AUC buffers. */
    final class Worker {
      final float[] scores = new float[Math.max(items, model.itemCount())];
      final TopN top = new TopN(depth);
      final int[] ranked = new int[depth];
      final boolean[] marked = new boolean[items];
      final int[] sampled = new int[negatives > 0 ? items : 0];
      final float[] negativeScores = auc ? new float[items] : null;

      void evaluate(int p) {
        int user = users[p];
        int[] relevant = relevantItems(user);
        int[] seen = score(user);
        int n = select(user, relevant, seen);
        System.arraycopy(ranked, 0, lists, p * depth, n);
        lengths[p] = n;
        for (int m = 0; m < METRICS.length; m++) {
          for (int c = 0; c < cutoffs.length; c++) {
            values[m][c][p] = METRICS[m].compute(ranked, n, relevant, cutoffs[c]);
          }
        }
        for (int c = 0; c < cutoffs.length; c++) {
          int depthK = Math.min(n, cutoffs[c]);
          double novelty = 0;
          double arp = 0;
          for (int r = 0; r < depthK; r++) {
            double share = Math.max(popularity[ranked[r]], 1f) / trainUsers;
            novelty -= Math.log(share) / Math.log(2);
            arp += popularity[ranked[r]];
          }
          if (split != null) {
            splitHits(c, p, depthK, relevant, seen);
          }
          beyond[0][c][p] = depthK == 0 ? 0 : novelty / depthK;
          beyond[1][c][p] = depthK == 0 ? 0 : arp / depthK;
          if (similarity != null) {
            beyond[2][c][p] = diversity(depthK);
          }
        }
        if (aucs != null) {
          aucs[p] = auc(relevant);
        }
      }

      /**
       * Splits the hits in the top {@code depthK} into items the user consumed before (in the query's history) and
       * new ones: recall-repeat + recall-explore = recall, and the share of repeat hits over all users.
       */
      private void splitHits(int c, int p, int depthK, int[] relevant, int[] seen) {
        int[] sortedSeen = seen.clone();
        Arrays.sort(sortedSeen);
        int repeat = 0;
        int explore = 0;
        for (int r = 0; r < depthK; r++) {
          if (Arrays.binarySearch(relevant, ranked[r]) >= 0) {
            if (Arrays.binarySearch(sortedSeen, ranked[r]) >= 0) {
              repeat++;
            } else {
              explore++;
            }
          }
        }
        split[0][c][p] = relevant.length == 0 ? 0 : repeat / (double) relevant.length;
        split[1][c][p] = relevant.length == 0 ? 0 : explore / (double) relevant.length;
        synchronized (repeatHits) {
          repeatHits[c] += repeat;
          allHits[c] += repeat + explore;
        }
      }

      /**
       * Scores every item for test row {@code row}, excludes seen items, and returns them (the items excluded or
       * not). A row is a user, or with {@link Builder#rows} a (user, context) group whose query carries the context.
       */
      private int[] score(int row) {
        int user = rowUsers == null ? row : rowUsers[row];
        Query query;
        if (user < train.rows()) {
          query = Query.forUser(user, train);
        } else if (foldIn != null && user < foldIn.rows() && foldIn.rowSize(user) > 0) {
          int[] history = foldIn.row(user);
          float[] weights = foldIn.rowValues(user);
          int known = 0;
          for (int h = 0; h < history.length; h++) {
            if (history[h] < items) {
              history[known] = history[h];
              weights[known++] = weights[h];
            }
          }
          query = Query.of(Query.ANONYMOUS, Arrays.copyOf(history, known), Arrays.copyOf(weights, known));
        } else {
          query = Query.empty();
        }
        if (user >= train.rows() && userFeatures != null) {
          String id = testUsers.idOf(user);
          if (userFeatures.entities().indexOf(id) >= 0) {
            query = query.withUserFeatures(userFeatures, id);
          }
        }
        if (rowContexts != null) {
          query = query.withContext(rowContexts[row]);
        }
        model.score(query, scores);
        int[] seen = query.items();
        if (excludeSeen) {
          for (int i : seen) {
            scores[i] = Float.NEGATIVE_INFINITY;
          }
        }
        return seen;
      }

      /** Selects the top list among the candidates of the protocol into {@code ranked}; returns its length. */
      private int select(int user, int[] relevant, int[] seen) {
        top.reset(depth);
        if (negatives > 0) {
          int n = sample(user, relevant, seen);
          for (int k = 0; k < n; k++) {
            offer(sampled[k]);
          }
        } else if (catalogue != null) {
          for (int i : catalogue) {
            offer(i);
          }
        } else {
          for (int i = 0; i < items; i++) {
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
          if (i < items) {
            sampled[n++] = i;
            marked[i] = true;
          }
        }
        for (int i : seen) {
          marked[i] = true;
        }
        int[] pointers = test.rowPointers();
        int[] columns = test.columnIndexes();
        for (int k = pointers[user]; k < pointers[user + 1]; k++) {
          if (columns[k] < items) {
            marked[columns[k]] = true;
          }
        }
        int[] pool = catalogue;
        int size = pool == null ? items : pool.length;
        int available = 0;
        for (int c = 0; c < size; c++) {
          available += marked[pool == null ? c : pool[c]] ? 0 : 1;
        }
        int want = Math.min(negatives, available);
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (user + 1L)));
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
          if (columns[k] < items) {
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
          if (r < items) {
            marked[r] = true;
          }
        }
        int size = catalogue == null ? items : catalogue.length;
        for (int c = 0; c < size; c++) {
          int i = catalogue == null ? c : catalogue[c];
          if (!marked[i] && scores[i] != Float.NEGATIVE_INFINITY) {
            negativeScores[nNeg++] = scores[i];
          }
        }
        for (int r : relevant) {
          if (r < items) {
            marked[r] = false;
          }
        }
        if (nNeg == 0) {
          return 1.0;
        }
        Arrays.sort(negativeScores, 0, nNeg);
        double correct = 0;
        for (int r : relevant) {
          if (r >= items || scores[r] == Float.NEGATIVE_INFINITY || (isCandidate != null && !isCandidate[r])) {
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
            sum += 1 - similarity.cosine(ranked[a], ranked[b]);
          }
        }
        return sum / (n * (n - 1) / 2.0);
      }
    }
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

  private static void runAll(Runnable work, int workers) {
    if (workers == 1) {
      work.run();
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "kindred-eval-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        futures.add(pool.submit(work));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("evaluation interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("evaluation failed: " + cause, cause);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Configures a {@link RankingEvaluator}. Not thread-safe. */
  public static final class Builder {
    private int[] cutoffs = {10};
    private boolean excludeSeen = true;
    private boolean keepUnknownTestItems;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int[] candidates;
    private int negatives;
    private long seed;
    private boolean auc;
    private FeatureTable diversityFeatures;
    private ItemVectors diversityVectors;
    private int[] rowUsers;
    private Context[] rowContexts;
    private FeatureTable userFeatures;
    private IdIndex testUsers;

    private Builder() {}

    /**
     * Evaluates groups instead of users: row {@code r} of the test matrix passed to {@code evaluate} holds the
     * relevant items of a request by user {@code users[r]} (an index of the training, fold-in and user-feature
     * look-ups) in context {@code contexts[r]}, which the query carries ({@link Query#withContext}). Used for
     * context-aware evaluation, one row per (user, context) of the test events. Null (the default) makes every
     * test row its own user without context.
     *
     * @throws IllegalArgumentException if the arrays differ in length or a user index is negative
     */
    public Builder rows(int[] users, Context[] contexts) {
      if (users == null && contexts == null) {
        this.rowUsers = null;
        this.rowContexts = null;
        return this;
      }
      Objects.requireNonNull(users, "users");
      Objects.requireNonNull(contexts, "contexts");
      if (users.length != contexts.length) {
        throw new IllegalArgumentException(users.length + " row users but " + contexts.length + " row contexts");
      }
      for (int i = 0; i < users.length; i++) {
        if (users[i] < 0) {
          throw new IllegalArgumentException("row " + i + " has user index " + users[i]);
        }
        Objects.requireNonNull(contexts[i], "context of row " + i);
      }
      this.rowUsers = users.clone();
      this.rowContexts = contexts.clone();
      return this;
    }

    /**
     * Features of users unknown to training (cold users): a user at or beyond the training matrix's rows whose id
     * in {@code testUsers} (the test log's user index) is in {@code table} is queried with those features
     * ({@link Query#withUserFeatures}), so that feature-aware models can score them. Null switches it off.
     */
    public Builder userFeatures(FeatureTable table, IdIndex testUsers) {
      if (table != null) {
        Objects.requireNonNull(testUsers, "testUsers");
      }
      this.userFeatures = table;
      this.testUsers = table == null ? null : testUsers;
      return this;
    }

    /**
     * The cut-offs to compute every metric at; 10 by default.
     *
     * @throws IllegalArgumentException if none is given or one is below 1
     */
    public Builder cutoffs(int... cutoffs) {
      if (cutoffs.length == 0) {
        throw new IllegalArgumentException("at least one cut-off is needed");
      }
      int[] sorted = Arrays.stream(cutoffs).sorted().distinct().toArray();
      if (sorted[0] < 1) {
        throw new IllegalArgumentException("cut-offs must be >= 1, got " + sorted[0]);
      }
      this.cutoffs = sorted;
      return this;
    }

    /** Whether a user's training (or fold-in) items are excluded from their ranking; true by default. */
    public Builder excludeSeen(boolean excludeSeen) {
      this.excludeSeen = excludeSeen;
      return this;
    }

    /**
     * Whether test items that do not occur in the training data stay in the relevant sets (counting as misses);
     * false by default (they are dropped). See the class documentation.
     */
    public Builder keepUnknownTestItems(boolean keep) {
      this.keepUnknownTestItems = keep;
      return this;
    }

    /**
     * Worker threads; all available processors by default. Results do not depend on it.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Ranks only these items (training indexes), for example the cold items of a {@link ColdStart} split; only
     * relevant items among them count. Null (the default) ranks all items.
     */
    public Builder candidates(int[] items) {
      this.candidates = items == null ? null : items.clone();
      return this;
    }

    /**
     * Ranks each user's relevant items among {@code count} sampled items the user has not interacted with, drawn
     * with {@code seed} (from the candidate set if one is given). Results are labelled "sampled". 0 (the default)
     * switches sampling off.
     *
     * @throws IllegalArgumentException if {@code count < 0}
     */
    public Builder sampledNegatives(int count, long seed) {
      if (count < 0) {
        throw new IllegalArgumentException("sampled negatives must be >= 0, got " + count);
      }
      this.negatives = count;
      this.seed = seed;
      return this;
    }

    /**
     * Whether to compute each user's AUC over the candidates (costs a sort of the candidate scores per user); false
     * by default. Not available with sampled negatives.
     */
    public Builder auc(boolean auc) {
      this.auc = auc;
      return this;
    }

    /** Item features for intra-list diversity (cosine over feature rows, matched to the model's item ids). */
    public Builder diversityFeatures(FeatureTable features) {
      this.diversityFeatures = features;
      return this;
    }

    /** Item vectors for intra-list diversity (cosine), taking precedence over features. */
    public Builder diversityVectors(ItemVectors vectors) {
      this.diversityVectors = vectors;
      return this;
    }

    /**
     * Returns the evaluator.
     *
     * @throws IllegalArgumentException if AUC is requested together with sampled negatives
     */
    public RankingEvaluator build() {
      if (auc && negatives > 0) {
        throw new IllegalArgumentException("AUC over sampled negatives is not supported; use full ranking");
      }
      return new RankingEvaluator(this);
    }
  }
}
