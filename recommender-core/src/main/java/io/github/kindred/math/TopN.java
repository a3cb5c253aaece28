package io.github.kindred.math;

/**
 * Selects the {@code n} best (index, score) pairs from a stream of candidates with a bounded binary heap on two
 * parallel primitive arrays: no boxing, no full sort, {@code O(m log n)} for {@code m} candidates.
 *
 * <p>Order is by score descending, ties broken by the smaller index, so results are deterministic. NaN and
 * negative-infinity scores are never selected: set a candidate's score to {@link Float#NEGATIVE_INFINITY} to
 * exclude it.
 *
 * <p>An instance is mutable scratch space for one thread; reuse it across requests with {@link #reset(int)}. The
 * static {@link #select(float[], int)} allocates only its result.
 */
public final class TopN {
  private int[] ids;
  private float[] scores;
  private int capacity;
  private int size;

  /**
   * Creates a selector for up to {@code n} results.
   *
   * @param n the capacity, &gt;= 0 (0 keeps nothing)
   * @throws IllegalArgumentException if {@code n < 0}
   */
  public TopN(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    ids = new int[Math.max(n, 1)];
    scores = new float[Math.max(n, 1)];
    capacity = n;
  }

  /**
   * Empties the selector and sets its capacity to {@code n}, growing its arrays if needed (they never shrink, so a
   * reused selector allocates nothing after its largest request).
   *
   * @param n the new capacity, &gt;= 0
   * @throws IllegalArgumentException if {@code n < 0}
   */
  public void reset(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    if (n > ids.length) {
      ids = new int[n];
      scores = new float[n];
    }
    capacity = n;
    size = 0;
  }

  /** {@return the number of pairs held, at most the capacity} */
  public int size() {
    return size;
  }

  /**
   * The score a new candidate must beat to enter once the selector is full: the worst score held, or negative
   * infinity while there is room. Callers of fused loops compare against it before calling {@link #offer}.
   *
   * @return the entry threshold; a candidate equal to it may still enter if its index is smaller
   */
  public float threshold() {
    return size < capacity ? Float.NEGATIVE_INFINITY : scores[0];
  }

  /**
   * Offers a candidate; returns whether it was kept.
   *
   * @param id the candidate's index, &gt;= 0
   * @param score the candidate's score; NaN and negative infinity are never kept
   * @return true if the candidate is now held (possibly evicting the worst pair), false if it was rejected
   */
  public boolean offer(int id, float score) {
    if (!(score > Float.NEGATIVE_INFINITY) || capacity == 0) {
      return false;
    }
    if (size < capacity) {
      int i = size++;
      ids[i] = id;
      scores[i] = score;
      siftUp(i);
      return true;
    }
    if (worse(id, score, ids[0], scores[0])) {
      return false;
    }
    ids[0] = id;
    scores[0] = score;
    siftDown(0);
    return true;
  }

  /** Whether (a, sa) ranks below (b, sb): lower score, or equal score and larger index. */
  private static boolean worse(int a, float sa, int b, float sb) {
    return sa < sb || (sa == sb && a > b);
  }

  private void siftUp(int i) {
    int id = ids[i];
    float s = scores[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!worse(id, s, ids[parent], scores[parent])) {
        break;
      }
      ids[i] = ids[parent];
      scores[i] = scores[parent];
      i = parent;
    }
    ids[i] = id;
    scores[i] = s;
  }

  private void siftDown(int i) {
    int id = ids[i];
    float s = scores[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && worse(ids[right], scores[right], ids[child], scores[child])) {
        child = right;
      }
      if (!worse(ids[child], scores[child], id, s)) {
        break;
      }
      ids[i] = ids[child];
      scores[i] = scores[child];
      i = child;
    }
    ids[i] = id;
    scores[i] = s;
  }

  /**
   * Moves the held pairs, best first, into {@code outIds} and {@code outScores} (either may be null) and empties
   * the selector. Returns the number written.
   *
   * @param outIds receives the indexes at positions {@code [0, size())}, or null
   * @param outScores receives the scores, aligned with {@code outIds}, or null
   * @return the number of pairs written, the former {@link #size()}
   * @throws ArrayIndexOutOfBoundsException if a non-null output is shorter than {@link #size()}
   */
  public int drainTo(int[] outIds, float[] outScores) {
    int n = size;
    for (int k = n - 1; k >= 0; k--) {
      if (outIds != null) {
        outIds[k] = ids[0];
      }
      if (outScores != null) {
        outScores[k] = scores[0];
      }
      size--;
      if (size > 0) {
        ids[0] = ids[size];
        scores[0] = scores[size];
        siftDown(0);
      }
    }
    return n;
  }

  /**
   * Removes and returns the index of the worst pair held (the lowest score, the larger index on ties), so that a
   * caller can consume the candidates without an output array.
   *
   * @return the worst held index
   * @throws IllegalStateException if the selector is empty
   */
  public int pollWorst() {
    if (size == 0) {
      throw new IllegalStateException("the selector is empty");
    }
    int id = ids[0];
    size--;
    if (size > 0) {
      ids[0] = ids[size];
      scores[0] = scores[size];
      siftDown(0);
    }
    return id;
  }

  /** {@return a new array of the held indexes, best first; the selector is emptied} */
  public int[] drain() {
    int[] out = new int[size];
    drainTo(out, null);
    return out;
  }

  /**
   * Returns the indexes of the {@code n} highest scores in {@code scores}, best first, ties by smaller index;
   * fewer if fewer scores are above negative infinity.
   *
   * @param scores the scores of indexes {@code 0..scores.length-1}; NaN and negative infinity are never selected
   * @param n how many to select, &gt;= 0
   * @return a new array of at most {@code n} indexes
   * @throws IllegalArgumentException if {@code n < 0}
   */
  public static int[] select(float[] scores, int n) {
    return select(scores, scores.length, n);
  }

  /**
   * As {@link #select(float[], int)}, over the first {@code length} scores only.
   *
   * @param scores the scores; only {@code scores[0..length)} are read
   * @param length how many leading scores compete, in [0, {@code scores.length}]
   * @param n how many to select, &gt;= 0
   * @return a new array of at most {@code n} indexes
   * @throws IllegalArgumentException if {@code n < 0}
   */
  public static int[] select(float[] scores, int length, int n) {
    TopN top = new TopN(n);
    for (int i = 0; i < length; i++) {
      float s = scores[i];
      // offer() breaks ties against the worst held pair by index; a strictly lower score cannot enter.
      if (s >= top.threshold()) {
        top.offer(i, s);
      }
    }
    return top.drain();
  }
}
