package io.github.kindred.ann;

/**
 * Configuration of an {@link HnswItemIndex}.
 *
 * @param maxConnections the graph's neighbours per node on the upper levels (twice as many on the bottom level),
 *     in {@code [2, 512]}; Malkov and Yashunin suggest 5 to 48, more for higher intrinsic dimension; 16 is Lucene's
 *     default and the default here, but at 1,000,000 isotropic items x 64 (recommender-bench's AnnLatency) 32 reached
 *     recall@10 0.95 at search width 260 with 12,800 nodes visited per request where 16 needed width 600 and 14,600
 *     (p50 about 1.5 against 2.0 ms), for twice the build (1,050 s against 510 s wall on 2 threads) and 78 MB of
 *     adjacency instead of 60
 * @param beamWidth the candidate list kept while a node is inserted (efConstruction), in {@code [1, 3200]}; larger
 *     builds a better graph more slowly
 * @param searchWidth the candidate list kept while a query is answered (ef), at least 1; the search keeps
 *     {@code max(searchWidth, n)} candidates for a top-n request and re-scores all of them exactly, so that recall
 *     rises and speed falls with it
 * @param exactBelow catalogues with fewer items than this are not indexed: every request is an exact scan, which is
 *     faster there and has no error (100,000 x 64 floats, 25.6 MB, are scanned in about 2.5 ms); at least 0
 * @param buildThreads threads inserting nodes concurrently, at least 1; one thread builds the same graph for the
 *     same seed every time, several threads build a graph of the same quality in less time whose exact shape depends
 *     on their scheduling
 * @param seed the seed of the random level of every node
 */
public record AnnConfig(int maxConnections, int beamWidth, int searchWidth, int exactBelow, int buildThreads,
    long seed) {
  /** Lucene's largest accepted neighbour count. */
  public static final int MAX_CONNECTIONS = 512;

  /** Lucene's largest accepted beam width. */
  public static final int MAX_BEAM_WIDTH = 3200;

  /**
   * Validates every parameter.
   *
   * @param maxConnections see the record component
   * @param beamWidth see the record component
   * @param searchWidth see the record component
   * @param exactBelow see the record component
   * @param buildThreads see the record component
   * @param seed see the record component
   * @throws IllegalArgumentException naming the first parameter out of range and its value
   */
  public AnnConfig {
    if (maxConnections < 2 || maxConnections > MAX_CONNECTIONS) {
      throw new IllegalArgumentException("maxConnections must be in [2, " + MAX_CONNECTIONS + "], got "
          + maxConnections);
    }
    if (beamWidth < 1 || beamWidth > MAX_BEAM_WIDTH) {
      throw new IllegalArgumentException("beamWidth must be in [1, " + MAX_BEAM_WIDTH + "], got " + beamWidth);
    }
    if (searchWidth < 1) {
      throw new IllegalArgumentException("searchWidth must be >= 1, got " + searchWidth);
    }
    if (exactBelow < 0) {
      throw new IllegalArgumentException("exactBelow must be >= 0, got " + exactBelow);
    }
    if (buildThreads < 1) {
      throw new IllegalArgumentException("buildThreads must be >= 1, got " + buildThreads);
    }
  }

  /**
   * Returns 16 connections, beam width 100, search width 100, exact below 50,000 items, one build thread, seed 42.
   *
   * @return the default configuration
   */
  public static AnnConfig defaults() {
    return new AnnConfig(16, 100, 100, 50_000, 1, 42L);
  }

  /**
   * Returns a copy with another neighbour count.
   *
   * @param maxConnections see the record component
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public AnnConfig withMaxConnections(int maxConnections) {
    return new AnnConfig(maxConnections, beamWidth, searchWidth, exactBelow, buildThreads, seed);
  }

  /**
   * Returns a copy with another beam width.
   *
   * @param beamWidth see the record component
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public AnnConfig withBeamWidth(int beamWidth) {
    return new AnnConfig(maxConnections, beamWidth, searchWidth, exactBelow, buildThreads, seed);
  }

  /**
   * Returns a copy with another search width.
   *
   * @param searchWidth see the record component
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public AnnConfig withSearchWidth(int searchWidth) {
    return new AnnConfig(maxConnections, beamWidth, searchWidth, exactBelow, buildThreads, seed);
  }

  /**
   * Returns a copy with another exact-scan threshold.
   *
   * @param exactBelow see the record component
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public AnnConfig withExactBelow(int exactBelow) {
    return new AnnConfig(maxConnections, beamWidth, searchWidth, exactBelow, buildThreads, seed);
  }

  /**
   * Returns a copy with another build thread count.
   *
   * @param buildThreads see the record component
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public AnnConfig withBuildThreads(int buildThreads) {
    return new AnnConfig(maxConnections, beamWidth, searchWidth, exactBelow, buildThreads, seed);
  }

  /**
   * Returns a copy with another seed.
   *
   * @param seed see the record component
   * @return the copy
   */
  public AnnConfig withSeed(long seed) {
    return new AnnConfig(maxConnections, beamWidth, searchWidth, exactBelow, buildThreads, seed);
  }
}
