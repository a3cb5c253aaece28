package io.github.kindred.serve.pipeline;

/**
 * The items one request considers, by item index: either every item the model scores ({@code 0..size()-1}, the
 * exact full scan and the default) or the list a {@link CandidateRetriever} proposed. Score stages and business
 * rules read and write the scores of exactly these items in the request's score array (indexed by item), and
 * selection picks the results among them.
 *
 * <p>A view over per-thread scratch memory: valid only during the call it is passed to, never to be kept or shared
 * between threads. Built by {@link CandidateStage}.
 */
public final class Candidates {
  private int[] items = new int[0];
  private int size;
  private boolean all;

  Candidates() {}

  /** Makes this the full range {@code 0..count-1}. */
  Candidates all(int count) {
    all = true;
    size = count;
    return this;
  }

  /** A buffer of at least {@code n} entries to retrieve into; then {@link #retrieved} sets the count. */
  int[] buffer(int n) {
    if (items.length < n) {
      items = new int[n];
    }
    return items;
  }

  /** Makes this the first {@code count} entries of {@link #buffer}. */
  Candidates retrieved(int count) {
    all = false;
    size = count;
    return this;
  }

  /**
   * The number of candidates.
   *
   * @return the count, >= 0
   */
  public int size() {
    return size;
  }

  /**
   * The item index of candidate {@code k}.
   *
   * @param k the position, {@code 0 <= k < size()}
   * @return the item index
   * @throws IndexOutOfBoundsException if {@code k} is out of range
   */
  public int item(int k) {
    if (k < 0 || k >= size) {
      throw new IndexOutOfBoundsException("candidate " + k + " of " + size);
    }
    return all ? k : items[k];
  }

  /**
   * Whether the candidates are every item the model scores (the exact full scan), so that a stage may loop over
   * {@code 0..size()-1} directly.
   *
   * @return whether this is the full range
   */
  public boolean isAll() {
    return all;
  }
}
