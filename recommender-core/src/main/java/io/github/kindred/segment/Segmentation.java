package io.github.kindred.segment;

import java.util.Arrays;
import java.util.Objects;

/**
 * A clustering of users: the segment of every user index, the size and centroid of every segment. Segments are
 * numbered {@code 0..segmentCount()-1} in order of their lowest user index (segment 0 holds user 0 if user 0 was
 * clustered), so the numbering depends only on the partition, not on the order the algorithm found the clusters in.
 * A user that was not clustered (for example a user a feature table does not describe) has segment -1 and no name.
 *
 * <p>Segment {@code s} is named {@code "cluster-" + s}. Immutable and safe to share between threads.
 */
public final class Segmentation implements UserSegments {
  /** The prefix of every segment name. */
  public static final String NAME_PREFIX = "cluster-";

  private final int[] segmentOfUser;
  private final int[] sizes;
  private final int dimensions;
  private final float[] centroids;
  private final double inertia;
  private final String[] names;
  /** Centroids in the clustered space, and the per-dimension shift and scale into it (null if unscaled). */
  private final double[] clusteredCentroids;
  private final double[] shift;
  private final double[] scale;

  /**
   * Wraps arrays the caller hands over (not copied).
   *
   * @param segmentOfUser segment of every user, -1 for none
   * @param segmentCount number of segments, each non-empty
   * @param dimensions length of every centroid
   * @param centroids {@code segmentCount x dimensions} row-major
   * @param inertia sum of squared distances of the clustered users to their centroid
   * @param clusteredCentroids {@code segmentCount x dimensions} row-major, in the clustered space
   * @param shift subtracted from each input dimension before clustering, or null
   * @param scale each shifted dimension is divided by it (0 means the dimension became 0), or null
   */
  Segmentation(int[] segmentOfUser, int segmentCount, int dimensions, float[] centroids, double inertia,
      double[] clusteredCentroids, double[] shift, double[] scale) {
    this.segmentOfUser = segmentOfUser;
    this.sizes = new int[segmentCount];
    for (int s : segmentOfUser) {
      if (s >= 0) {
        sizes[s]++;
      }
    }
    this.dimensions = dimensions;
    this.centroids = centroids;
    this.inertia = inertia;
    this.clusteredCentroids = clusteredCentroids;
    this.shift = shift;
    this.scale = scale;
    this.names = new String[segmentCount];
    for (int s = 0; s < segmentCount; s++) {
      names[s] = NAME_PREFIX + s;
    }
  }

  @Override
  public int userCount() {
    return segmentOfUser.length;
  }

  /** {@return number of (non-empty) segments: at most the configured k, fewer when the users had fewer distinct points} */
  public int segmentCount() {
    return sizes.length;
  }

  /** {@return length of every centroid: the dimensions of the input} */
  public int dimensions() {
    return dimensions;
  }

  /**
   * The segment of user {@code user}.
   *
   * @param user the user index, in [0, {@link #userCount()})
   * @return the segment in {@code 0..segmentCount()-1}, or -1 if the user was not clustered
   * @throws IndexOutOfBoundsException if {@code user} is out of range
   */
  public int segment(int user) {
    return segmentOfUser[Objects.checkIndex(user, segmentOfUser.length)];
  }

  /** {@return a copy of the segment of every user index (-1 for none)} */
  public int[] segments() {
    return segmentOfUser.clone();
  }

  /**
   * The name of segment {@code segment}.
   *
   * @param segment the segment number, in [0, {@link #segmentCount()})
   * @return {@code "cluster-" + segment}
   * @throws IndexOutOfBoundsException if {@code segment} is out of range
   */
  public String name(int segment) {
    return names[Objects.checkIndex(segment, names.length)];
  }

  @Override
  public String nameOf(int user) {
    int s = segment(user);
    return s < 0 ? null : names[s];
  }

  /**
   * {@return the number of users in the segment, at least 1}
   *
   * @param segment the segment number, in [0, {@link #segmentCount()})
   * @throws IndexOutOfBoundsException if {@code segment} is out of range
   */
  public int size(int segment) {
    return sizes[Objects.checkIndex(segment, sizes.length)];
  }

  /** {@return a copy of the size of every segment} */
  public int[] sizes() {
    return sizes.clone();
  }

  /**
   * Returns the members of a segment. O(users).
   *
   * @param segment the segment number, in [0, {@link #segmentCount()})
   * @return a new array of the segment's user indexes, ascending
   * @throws IndexOutOfBoundsException if {@code segment} is out of range
   */
  public int[] members(int segment) {
    int[] out = new int[size(segment)];
    int n = 0;
    for (int u = 0; u < segmentOfUser.length; u++) {
      if (segmentOfUser[u] == segment) {
        out[n++] = u;
      }
    }
    return out;
  }

  /**
   * {@return a copy of the segment's centroid, the mean of its members' input vectors, in the input's units}
   *
   * @param segment the segment number, in [0, {@link #segmentCount()})
   * @throws IndexOutOfBoundsException if {@code segment} is out of range
   */
  public float[] centroid(int segment) {
    int s = Objects.checkIndex(segment, sizes.length);
    return Arrays.copyOfRange(centroids, s * dimensions, (s + 1) * dimensions);
  }

  /** {@return a copy of all centroids, {@code segmentCount() x dimensions()} row-major} */
  public float[] centroids() {
    return centroids.clone();
  }

  /**
   * The sum over clustered users of the squared Euclidean distance from their vector to their segment's centroid,
   * in the space that was clustered (standardised if the configuration asked for it). Lower is tighter; compare it
   * across k (the "elbow") to choose a number of segments.
   *
   * @return the inertia, &gt;= 0
   */
  public double inertia() {
    return inertia;
  }

  /**
   * The segment whose centroid is nearest (Euclidean, in the clustered space, so standardised if the configuration
   * asked for it) to {@code vector}: assigns a user who was not clustered, for example a new user's folded-in factor
   * vector. Ties go to the smaller segment. Allocates nothing; {@code O(segments x dimensions)}.
   *
   * @param vector a vector in the input's units, at least {@link #dimensions()} long (only that prefix is read)
   * @return the nearest segment, in [0, {@link #segmentCount()})
   * @throws IllegalArgumentException if {@code vector} is shorter than {@link #dimensions()} or a value read is not
   *     finite
   */
  public int nearest(float[] vector) {
    if (vector.length < dimensions) {
      throw new IllegalArgumentException("vector must have " + dimensions + " dimensions, got " + vector.length);
    }
    for (int d = 0; d < dimensions; d++) {
      if (!Float.isFinite(vector[d])) {
        throw new IllegalArgumentException("vector[" + d + "] is not finite: " + vector[d]);
      }
    }
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int s = 0; s < sizes.length; s++) {
      double distance = 0;
      for (int d = 0; d < dimensions; d++) {
        double x = vector[d];
        if (shift != null) {
          x = scale[d] > 0 ? (x - shift[d]) / scale[d] : 0.0;
        }
        double diff = x - clusteredCentroids[s * dimensions + d];
        distance += diff * diff;
      }
      if (distance < bestDistance) {
        bestDistance = distance;
        best = s;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return "Segmentation[users=" + segmentOfUser.length + ", segments=" + sizes.length + ", sizes="
        + Arrays.toString(sizes) + "]";
  }
}
