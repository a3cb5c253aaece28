package io.github.kindred.eval.metric;

import io.github.kindred.eval.stats.Statistics;
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
 * slots are spread over the candidate items; 0 equal, towards 1 concentrated).
 *
 * <p>Users are spread over a pool of threads, each with its own score buffer and {@link TopN}; every per-user value
 * is written to the user's own slot and sampling uses a generator derived from the seed and the user, so results
 * do not depend on the thread count. An evaluator holds only its validated configuration and is safe to share
 * between threads.
 */
public final class RankingEvaluator {
  /** Users handed to a worker at a time: large enough to amortise the hand-off, small enough to balance. */
  private static final int BLOCK = 32;

  final int[] cutoffs;
  final boolean excludeSeen;
  final boolean keepUnknownTestItems;
  final int threads;
  final int[] candidates;
  final int negatives;
  final long seed;
  final boolean auc;
  final FeatureTable diversityFeatures;
  final ItemVectors diversityVectors;
  final int[] rowUsers;
  final Context[] rowContexts;
  final FeatureTable userFeatures;
  final IdIndex testUsers;

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
    EvaluationRun run = new EvaluationRun(this, model, train, test, foldIn);
    long start = System.nanoTime();
    AtomicInteger nextBlock = new AtomicInteger();
    int workers = Math.max(1, Math.min(threads, (run.users.length + BLOCK - 1) / BLOCK));
    Runnable work = () -> {
      RankingWorker w = new RankingWorker(run);
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
     * Ranks only these items (training indexes), for example the cold items of a {@link io.github.kindred.eval.split.ColdStart} split; only
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
