package io.github.kindred.graph;

/**
 * Configuration of the graph filter ({@link GraphFilterTrainer}): GF-CF's linear filter plus a weighted ideal
 * low-pass part, optionally followed by BSPM's sharpening.
 *
 * @param rank the number of singular vectors of the normalised matrix kept for the ideal low-pass part, at least 0;
 *     0 switches that part off (GF-CF uses 256 on Gowalla)
 * @param alpha the weight of the ideal low-pass part against the linear filter, finite and {@code >= 0} (GF-CF
 *     uses 0.3)
 * @param sharpen BSPM's sharpening time {@code T}: the scores {@code x} are moved along {@code dx/dt = -x P}
 *     (with {@code P} the normalised item graph) for time {@code T}, which raises what the blurring spread too
 *     evenly; finite and {@code >= 0}, 0 switches it off. Each step costs two passes over the training matrix per
 *     scored user
 * @param steps the number of explicit Euler steps the sharpening time is split into, at least 1
 * @param oversampling extra random directions of the randomised SVD beyond {@code rank}, at least 0; more make the
 *     kept singular vectors more exact (Halko et al. 2011 suggest 5 to 20 for a gap-free spectrum)
 * @param powerIterations power iterations of the randomised SVD, at least 0; each one costs two passes over the
 *     matrix and one orthonormalisation, and sharpens the separation of the kept directions from the rest
 * @param seed the seed of the random test matrix
 * @param threads worker threads of the fit, at least 1; the model does not depend on it
 * @param maxMemoryMb the working memory the fit may allocate, in MiB, at least 1: the randomised SVD needs about
 *     {@code 8 * (users + 2 * items) * (rank + oversampling)} bytes and the model
 *     {@code 4 * (nnz + items * rank)} more; a fit that needs more is refused before it allocates
 * @param solver how each sharpening step integrates {@code dx/dt = -x P}: {@link Solver#EULER} (one product with
 *     {@code P} per step) or {@link Solver#RK4} (classical Runge-Kutta, four products per step; BSPM's Gowalla
 *     setting is one RK4 step of time 2.5)
 * @param merge where the ideal low-pass part joins: {@link Merge#EARLY} adds it to the linear part before the
 *     sharpening (BSPM's {@code final_sharpening}), {@link Merge#LATE} sharpens the linear part alone and adds the
 *     low-pass part after
 */
public record GraphFilterConfig(int rank, float alpha, float sharpen, int steps, int oversampling,
    int powerIterations, long seed, int threads, int maxMemoryMb, Solver solver, Merge merge) {
  /** The default memory limit: 4 GiB. */
  public static final int DEFAULT_MAX_MEMORY_MB = 4096;

  /**
   * Validates every parameter.
   *
   * @param rank the number of singular vectors of the normalised matrix kept for the ideal low-pass part, at least 0;
   *     0 switches that part off (GF-CF uses 256 on Gowalla)
   * @param alpha the weight of the ideal low-pass part against the linear filter, finite and {@code >= 0} (GF-CF
   *     uses 0.3)
   * @param sharpen BSPM's sharpening time {@code T}: the scores {@code x} are moved along {@code dx/dt = -x P}
   *     (with {@code P} the normalised item graph) for time {@code T}, which raises what the blurring spread too
   *     evenly; finite and {@code >= 0}, 0 switches it off. Each step costs two passes over the training matrix per
   *     scored user
   * @param steps the number of explicit Euler steps the sharpening time is split into, at least 1
   * @param oversampling extra random directions of the randomised SVD beyond {@code rank}, at least 0; more make the
   *     kept singular vectors more exact (Halko et al. 2011 suggest 5 to 20 for a gap-free spectrum)
   * @param powerIterations power iterations of the randomised SVD, at least 0; each one costs two passes over the
   *     matrix and one orthonormalisation, and sharpens the separation of the kept directions from the rest
   * @param seed the seed of the random test matrix
   * @param threads worker threads of the fit, at least 1; the model does not depend on it
   * @param maxMemoryMb the working memory the fit may allocate, in MiB, at least 1: the randomised SVD needs about
   *     {@code 8 * (users + 2 * items) * (rank + oversampling)} bytes and the model
   *     {@code 4 * (nnz + items * rank)} more; a fit that needs more is refused before it allocates
   * @param solver how each sharpening step integrates {@code dx/dt = -x P}, not null
   * @param merge where the ideal low-pass part joins the linear part, before or after the sharpening, not null
   * @throws IllegalArgumentException naming the first parameter out of range and its value
   */
  public GraphFilterConfig {
    if (rank < 0) {
      throw new IllegalArgumentException("rank must be >= 0, got " + rank);
    }
    if (!(alpha >= 0) || Float.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
    }
    if (!(sharpen >= 0) || Float.isInfinite(sharpen)) {
      throw new IllegalArgumentException("sharpen must be finite and >= 0, got " + sharpen);
    }
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1, got " + steps);
    }
    if (oversampling < 0) {
      throw new IllegalArgumentException("oversampling must be >= 0, got " + oversampling);
    }
    if (powerIterations < 0) {
      throw new IllegalArgumentException("powerIterations must be >= 0, got " + powerIterations);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (maxMemoryMb < 1) {
      throw new IllegalArgumentException("maxMemoryMb must be >= 1, got " + maxMemoryMb);
    }
    if (solver == null) {
      throw new IllegalArgumentException("solver must be euler or rk4, got null");
    }
    if (merge == null) {
      throw new IllegalArgumentException("merge must be early or late, got null");
    }
  }

  /**
   * A configuration with Euler sharpening steps and the early merge (the settings before the solver and merge
   * options existed).
   *
   * @param rank the rank of the spectral (ideal low-pass) part, 0 for none
   * @param alpha the weight of the spectral part
   * @param sharpen the total sharpening time, 0 for none
   * @param steps the number of sharpening steps
   * @param oversampling extra random directions of the randomised SVD
   * @param powerIterations power iterations of the randomised SVD
   * @param seed the seed of the randomised SVD
   * @param threads the worker threads of the fit and of batch scoring
   * @param maxMemoryMb the working memory the fit may allocate, in MiB, at least 1: the randomised SVD needs about
   *     {@code 8 * (users + 2 * items) * (rank + oversampling)} bytes and the model
   *     {@code 4 * (nnz + items * rank)} more; a fit that needs more is refused before it allocates
   * @throws IllegalArgumentException naming the first parameter out of range and its value
   */
  public GraphFilterConfig(int rank, float alpha, float sharpen, int steps, int oversampling, int powerIterations,
      long seed, int threads, int maxMemoryMb) {
    this(rank, alpha, sharpen, steps, oversampling, powerIterations, seed, threads, maxMemoryMb, Solver.EULER,
        Merge.EARLY);
  }

  /** How a sharpening step integrates {@code dx/dt = -x P} over its share {@code h} of the sharpening time. */
  public enum Solver {
    /** Explicit Euler: {@code x <- x (I - h P)}, one product with {@code P}. */
    EULER,
    /**
     * Classical fourth-order Runge-Kutta. For this linear ODE its four stages sum to the degree-4 Taylor polynomial
     * {@code x <- x (I - hP + (hP)^2/2 - (hP)^3/6 + (hP)^4/24)}, four products with {@code P}.
     */
    RK4
  }

  /** Where the ideal low-pass part joins the linear filter. */
  public enum Merge {
    /** Before the sharpening: both parts are sharpened (BSPM's {@code final_sharpening = True}). */
    EARLY,
    /** After the sharpening: only the linear part is sharpened, the low-pass part is added unchanged. */
    LATE
  }

  /**
   * GF-CF's published setting (rank 256, alpha 0.3, no sharpening), with 16 oversampled directions, 3 power
   * iterations, seed 42, one thread and {@link #DEFAULT_MAX_MEMORY_MB}.
   *
   * @return the default configuration
   */
  public static GraphFilterConfig defaults() {
    return new GraphFilterConfig(256, 0.3f, 0f, 1, 16, 3, 42L, 1, DEFAULT_MAX_MEMORY_MB);
  }

  /**
   * Settings picked from simple statistics of the training data, for a fit with no hyper-parameters given.
   *
   * <p>The rank of the low-pass part grows with the catalogue: about {@code items / 160}, between 32 and 256
   * (256 at Gowalla's 41k items as in GF-CF; the spectrum of a small catalogue holds less signal beyond its first
   * few dozen directions, and a high rank there only copies the training data back). Sharpening is switched on for
   * sparse data (density below 0.5%), where the blurred scores are flattest, and left off for dense data such as
   * MovieLens 100K (6.3%).
   *
   * @param users number of users, at least 1
   * @param items number of items, at least 1
   * @param interactions number of distinct user-item pairs, at least 0
   * @param threads worker threads, at least 1
   * @return the configuration for data of that shape
   * @throws IllegalArgumentException if a count is out of range
   */
  public static GraphFilterConfig forData(int users, int items, long interactions, int threads) {
    if (users < 1 || items < 1 || interactions < 0) {
      throw new IllegalArgumentException("need users >= 1, items >= 1 and interactions >= 0, got " + users
          + ", " + items + ", " + interactions);
    }
    double density = interactions / ((double) users * items);
    int rank = Math.max(32, Math.min(256, items / 160));
    float sharpen = density < 0.005 ? DEFAULT_SPARSE_SHARPEN : 0f;
    return defaults().withRank(rank).withSharpen(sharpen).withThreads(threads);
  }

  /** The sharpening time {@link #forData} picks for sparse data. */
  static final float DEFAULT_SPARSE_SHARPEN = 0.5f;

  /**
   * Returns a copy with another rank.
   *
   * @param rank the new rank
   * @return the copy
   */
  public GraphFilterConfig withRank(int rank) {
    return new GraphFilterConfig(rank, alpha, sharpen, steps, oversampling, powerIterations, seed, threads,
        maxMemoryMb, solver, merge);
  }

  /**
   * Returns a copy with another low-pass weight.
   *
   * @param alpha the new weight
   * @return the copy
   */
  public GraphFilterConfig withAlpha(float alpha) {
    return new GraphFilterConfig(rank, alpha, sharpen, steps, oversampling, powerIterations, seed, threads,
        maxMemoryMb, solver, merge);
  }

  /**
   * Returns a copy with another sharpening time.
   *
   * @param sharpen the new sharpening time
   * @return the copy
   */
  public GraphFilterConfig withSharpen(float sharpen) {
    return new GraphFilterConfig(rank, alpha, sharpen, steps, oversampling, powerIterations, seed, threads,
        maxMemoryMb, solver, merge);
  }

  /**
   * Returns a copy with another number of sharpening steps.
   *
   * @param steps the new step count
   * @return the copy
   */
  public GraphFilterConfig withSteps(int steps) {
    return new GraphFilterConfig(rank, alpha, sharpen, steps, oversampling, powerIterations, seed, threads,
        maxMemoryMb, solver, merge);
  }

  /**
   * Returns a copy with another sharpening solver.
   *
   * @param solver the new solver
   * @return the copy
   */
  public GraphFilterConfig withSolver(Solver solver) {
    return new GraphFilterConfig(rank, alpha, sharpen, steps, oversampling, powerIterations, seed, threads,
        maxMemoryMb, solver, merge);
  }

  /**
   * Returns a copy with another merge point of the low-pass part.
   *
   * @param merge the new merge point
   * @return the copy
   */
  public GraphFilterConfig withMerge(Merge merge) {
    return new GraphFilterConfig(rank, alpha, sharpen, steps, oversampling, powerIterations, seed, threads,
        maxMemoryMb, solver, merge);
  }

  /**
   * Returns a copy with another seed.
   *
   * @param seed the new seed
   * @return the copy
   */
  public GraphFilterConfig withSeed(long seed) {
    return new GraphFilterConfig(rank, alpha, sharpen, steps, oversampling, powerIterations, seed, threads,
        maxMemoryMb, solver, merge);
  }

  /**
   * Returns a copy with another thread count.
   *
   * @param threads the new thread count
   * @return the copy
   */
  public GraphFilterConfig withThreads(int threads) {
    return new GraphFilterConfig(rank, alpha, sharpen, steps, oversampling, powerIterations, seed, threads,
        maxMemoryMb, solver, merge);
  }

  /**
   * Returns a copy with another memory limit.
   *
   * @param maxMemoryMb the new limit in MiB
   * @return the copy
   */
  public GraphFilterConfig withMaxMemoryMb(int maxMemoryMb) {
    return new GraphFilterConfig(rank, alpha, sharpen, steps, oversampling, powerIterations, seed, threads,
        maxMemoryMb, solver, merge);
  }

  /**
   * Bytes a fit on data of this shape allocates: the SVD's double work matrices (one {@code users x l} and two
   * {@code items x l}, {@code l = rank + oversampling}) and the model's float arrays.
   */
  long fitBytes(long users, long items, long interactions) {
    long l = rank == 0 ? 0 : Math.min(rank + (long) oversampling, Math.min(users, items));
    return 8L * (users + 2 * items) * l + 4L * items * rank + 12L * interactions + 16L * (users + items);
  }
}
