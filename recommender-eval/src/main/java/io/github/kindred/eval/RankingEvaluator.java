package io.github.kindred.eval;

import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.math.TopN;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Full-ranking evaluation of a model against held-out interactions: for every user with test items, the model
 * scores every item, the user's training items are excluded (unless configured otherwise), the top {@code k} are
 * selected with {@link TopN} (ties broken by the smaller item index) and compared with the user's test items.
 *
 * <p>Protocol details, chosen to match the reference protocol of the project (datasets/README.md):
 * <ul>
 *   <li>Relevant items are all of the user's test items, whatever their rating.
 *   <li>Users whose test row is empty are not evaluated; averages are over the evaluated users.
 *   <li>Test items that never occur in the training data cannot be recommended by any model trained on it. By
 *       default they are dropped from the relevant sets (a user left with none is not evaluated), because no
 *       model could rank them; with {@link Builder#keepUnknownTestItems(boolean)} they stay relevant and count
 *       as misses in recall and nDCG. The default reproduces the reference popularity nDCG@10 of 0.2095.
 *   <li>Test users unknown to the training data are scored with an empty query ({@link Query#empty()}).
 * </ul>
 *
 * <p>Users are spread over a pool of threads, each with its own score buffer and {@link TopN}; every per-user value
 * is written to the user's own slot, so results do not depend on the thread count. An evaluator holds only its
 * validated configuration and is safe to share between threads.
 */
public final class RankingEvaluator {
  /** Users handed to a worker at a time: large enough to amortise the hand-off, small enough to balance. */
  private static final int BLOCK = 32;

  private final int[] cutoffs;
  private final boolean excludeSeen;
  private final boolean keepUnknownTestItems;
  private final int threads;

  private RankingEvaluator(Builder b) {
    this.cutoffs = b.cutoffs.clone();
    this.excludeSeen = b.excludeSeen;
    this.keepUnknownTestItems = b.keepUnknownTestItems;
    this.threads = b.threads;
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

  /**
   * Evaluates {@code model}.
   *
   * @param model the fitted model; it must score exactly the training matrix's items
   * @param train the matrix the model was trained on (its rows are the users' histories, and the items to exclude)
   * @param test the held-out matrix on the same indexes; rows and columns beyond the training matrix's are users
   *     and items unknown at training time
   * @return the per-user metric values at every cut-off, their means and catalogue coverage
   * @throws IllegalArgumentException if the model's item count differs from the training matrix's
   */
  public RankingResult evaluate(Model model, InteractionMatrix train, InteractionMatrix test) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    int items = train.columns();
    if (model.itemCount() != items) {
      throw new IllegalArgumentException(
          "the model scores " + model.itemCount() + " items but the training matrix has " + items);
    }
    int[] users = evaluatedUsers(test, items);
    int maxK = cutoffs[cutoffs.length - 1];
    int depth = Math.min(maxK, items);
    int[] lists = new int[users.length * depth];
    int[] lengths = new int[users.length];
    RankingMetric[] metrics = RankingMetric.values();
    double[][][] values = new double[metrics.length][cutoffs.length][users.length];
    long start = System.nanoTime();
    AtomicInteger nextBlock = new AtomicInteger();
    int workers = Math.max(1, Math.min(threads, (users.length + BLOCK - 1) / BLOCK));
    Runnable work = () -> {
      float[] scores = new float[items];
      TopN top = new TopN(depth);
      int[] ranked = new int[depth];
      for (int b = nextBlock.getAndIncrement(); b * BLOCK < users.length; b = nextBlock.getAndIncrement()) {
        int end = Math.min(users.length, (b + 1) * BLOCK);
        for (int p = b * BLOCK; p < end; p++) {
          int n = rank(model, train, users[p], scores, top, ranked);
          System.arraycopy(ranked, 0, lists, p * depth, n);
          lengths[p] = n;
          int[] relevant = relevantItems(test, users[p], items);
          for (int m = 0; m < metrics.length; m++) {
            for (int c = 0; c < cutoffs.length; c++) {
              values[m][c][p] = metrics[m].compute(ranked, n, relevant, cutoffs[c]);
            }
          }
        }
      }
    };
    runAll(work, workers);
    double seconds = (System.nanoTime() - start) / 1e9;
    double[] coverage = new double[cutoffs.length];
    for (int c = 0; c < cutoffs.length; c++) {
      coverage[c] = coverage(lists, lengths, depth, cutoffs[c], items);
    }
    return new RankingResult(users, cutoffs, values, coverage, items, seconds);
  }

  /** Fills {@code ranked} with the user's top list and returns its length. */
  private int rank(Model model, InteractionMatrix train, int user, float[] scores, TopN top, int[] ranked) {
    boolean known = user < train.rows();
    model.score(known ? Query.forUser(user, train) : Query.empty(), scores);
    if (excludeSeen && known) {
      int[] pointers = train.rowPointers();
      int[] columns = train.columnIndexes();
      for (int k = pointers[user]; k < pointers[user + 1]; k++) {
        scores[columns[k]] = Float.NEGATIVE_INFINITY;
      }
    }
    top.reset(ranked.length);
    for (int i = 0; i < scores.length; i++) {
      float s = scores[i];
      // TopN breaks ties with the held minimum by index; a strictly lower score can never enter.
      if (s >= top.threshold()) {
        top.offer(i, s);
      }
    }
    return top.drainTo(ranked, null);
  }

  /** The users to evaluate: those with at least one relevant item, ascending. */
  private int[] evaluatedUsers(InteractionMatrix test, int items) {
    int[] users = new int[test.rows()];
    int n = 0;
    for (int u = 0; u < test.rows(); u++) {
      if (relevantCount(test, u, items) > 0) {
        users[n++] = u;
      }
    }
    return Arrays.copyOf(users, n);
  }

  private int relevantCount(InteractionMatrix test, int user, int items) {
    int[] pointers = test.rowPointers();
    if (keepUnknownTestItems) {
      return pointers[user + 1] - pointers[user];
    }
    // Columns are ascending within a row, and unknown items have the highest indexes: count the prefix below them.
    int[] columns = test.columnIndexes();
    int count = 0;
    for (int k = pointers[user]; k < pointers[user + 1] && columns[k] < items; k++) {
      count++;
    }
    return count;
  }

  private int[] relevantItems(InteractionMatrix test, int user, int items) {
    int from = test.rowPointers()[user];
    return Arrays.copyOfRange(test.columnIndexes(), from, from + relevantCount(test, user, items));
  }

  /** Distinct items in the top {@code k} of any list, divided by the number of items. */
  static double coverage(int[] lists, int[] lengths, int depth, int k, int items) {
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

    private Builder() {}

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

    /** Whether a user's training items are excluded from their ranking; true by default. */
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

    /** Returns the evaluator. */
    public RankingEvaluator build() {
      return new RankingEvaluator(this);
    }
  }
}
