package io.github.kindred.segment;

import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.IdIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;

/**
 * Clusters users with k-means++ (Arthur and Vassilvitskii 2007) under Euclidean distance, using Commons Math's
 * {@link KMeansPlusPlusClusterer} seeded with a {@link Well19937c} generator from the configuration's seed, so the
 * same input and configuration give the same {@link Segmentation}. Empty clusters during the iterations are refilled
 * from the cluster of largest variance (Commons Math's default); clusters still empty at the end are dropped.
 *
 * <p>Input is either dense user vectors (a factor model's user factors, row-major) or a feature table aligned to a
 * dataset's users. Cost: {@code O(iterations x users x k x dimensions)} time and {@code O(users x dimensions)}
 * doubles of memory for the copy Commons Math works on. Stateless and thread-safe.
 */
public final class KMeansSegmenter {
  private KMeansSegmenter() {}

  /**
   * Clusters every user by their row of {@code vectors}.
   *
   * @param vectors {@code users x dimensions} row-major (for example {@code ImplicitAlsModel.userFactors()}), finite;
   *     not modified
   * @param dimensions length of each user's row, at least 1
   * @param config k, iterations and seed; k must not exceed the number of users
   * @return the segmentation of every user row, deterministic for the seed
   * @throws IllegalArgumentException if the length of {@code vectors} is not a multiple of {@code dimensions}, a
   *     value is not finite, or k exceeds the number of users
   */
  public static Segmentation cluster(float[] vectors, int dimensions, KMeansConfig config) {
    Objects.requireNonNull(vectors, "vectors");
    Objects.requireNonNull(config, "config");
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be >= 1, got " + dimensions);
    }
    if (vectors.length % dimensions != 0) {
      throw new IllegalArgumentException("vectors.length " + vectors.length + " is not a multiple of dimensions "
          + dimensions);
    }
    int users = vectors.length / dimensions;
    for (int k = 0; k < vectors.length; k++) {
      if (!Float.isFinite(vectors[k])) {
        throw new IllegalArgumentException("vectors[" + k + "] (user " + k / dimensions + ") is not finite: "
            + vectors[k]);
      }
    }
    int[] rows = new int[users];
    for (int u = 0; u < users; u++) {
      rows[u] = u;
    }
    return run(rows, dimensions, (row, out) -> {
      for (int d = 0; d < dimensions; d++) {
        out[d] = vectors[row * dimensions + d];
      }
    }, config);
  }

  /**
   * Clusters users by their feature profiles: user {@code u} is the dense row of {@code features} for the id
   * {@code users.idOf(u)} (one dimension per feature of the table, 0 where absent). Users the table does not
   * describe are not clustered and get segment -1. Consider {@link KMeansConfig#standardize()} when numeric fields
   * sit beside one-hot ones.
   *
   * <p>To give a segment to users who have features but no interactions yet (cold start), pass
   * {@code features.entities()} as {@code users}: serve with {@code segmentation.byUserId(features.entities())}, and
   * use {@link UserSegments#reindexed} to align the result with a dataset's users.
   *
   * @param features user features, for example {@code dataset.userFeatures()}; at least one feature
   * @param users the user ids the segmentation is indexed by, usually {@code dataset.users()}
   * @param config k, iterations and seed; k must not exceed the number of users the table describes
   * @return the segmentation indexed by {@code users}; a user the table does not describe has segment -1
   * @throws IllegalArgumentException if the table has no features or k exceeds the number of described users
   */
  public static Segmentation cluster(FeatureTable features, IdIndex users, KMeansConfig config) {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(config, "config");
    int dimensions = features.featureCount();
    if (dimensions == 0) {
      throw new IllegalArgumentException("features must have at least one feature, the table has none");
    }
    int[] tableRow = features.rowsFor(users);
    int[] pointers = features.pointers();
    int[] columns = features.featureIndexes();
    float[] values = features.values();
    return run(tableRow, dimensions, (row, out) -> {
      Arrays.fill(out, 0.0);
      for (int p = pointers[row]; p < pointers[row + 1]; p++) {
        out[columns[p]] = values[p];
      }
    }, config);
  }

  /** Writes the input vector of source row {@code row} into {@code out}. */
  @FunctionalInterface
  private interface RowReader {
    void read(int row, double[] out);
  }

  /** A user's point; identity equality, so that users with equal vectors stay distinct. */
  private static final class Point implements Clusterable {
    final int user;
    final double[] coordinates;

    Point(int user, double[] coordinates) {
      this.user = user;
      this.coordinates = coordinates;
    }

    @Override
    public double[] getPoint() {
      return coordinates;
    }
  }

  /**
   * Clusters the users whose {@code sourceRow} is >= 0, reading their vectors through {@code reader}.
   */
  private static Segmentation run(int[] sourceRow, int dimensions, RowReader reader, KMeansConfig config) {
    int users = sourceRow.length;
    List<Point> points = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      if (sourceRow[u] >= 0) {
        double[] x = new double[dimensions];
        reader.read(sourceRow[u], x);
        points.add(new Point(u, x));
      }
    }
    if (config.k() > points.size()) {
      throw new IllegalArgumentException("k must be <= the number of users to cluster (" + points.size()
          + "), got " + config.k());
    }
    // The original vectors are kept for the centroids; standardising replaces each point's coordinates.
    double[][] original = new double[points.size()][];
    for (int p = 0; p < original.length; p++) {
      original[p] = points.get(p).coordinates.clone();
    }
    double[] shift = null;
    double[] scale = null;
    if (config.standardize()) {
      shift = new double[dimensions];
      scale = new double[dimensions];
      standardize(points, dimensions, shift, scale);
    }
    KMeansPlusPlusClusterer<Point> clusterer = new KMeansPlusPlusClusterer<>(config.k(), config.maxIterations(),
        new EuclideanDistance(), new Well19937c(config.seed()));
    List<CentroidCluster<Point>> clusters;
    try {
      clusters = clusterer.cluster(points);
    } catch (ConvergenceException e) {
      throw new IllegalStateException("k-means could not refill an empty cluster (k = " + config.k() + ", "
          + points.size() + " users)", e);
    }
    // Number the non-empty clusters by their lowest user index, so that the numbering is canonical.
    List<int[]> memberLists = new ArrayList<>();
    for (CentroidCluster<Point> c : clusters) {
      List<Point> ps = c.getPoints();
      if (ps.isEmpty()) {
        continue;
      }
      int[] members = new int[ps.size()];
      for (int i = 0; i < members.length; i++) {
        members[i] = ps.get(i).user;
      }
      Arrays.sort(members);
      memberLists.add(members);
    }
    memberLists.sort((a, b) -> Integer.compare(a[0], b[0]));
    int[] segmentOfUser = new int[users];
    Arrays.fill(segmentOfUser, -1);
    for (int s = 0; s < memberLists.size(); s++) {
      for (int u : memberLists.get(s)) {
        segmentOfUser[u] = s;
      }
    }
    int segments = memberLists.size();
    double[] inputSums = new double[segments * dimensions];
    double[] clustered = new double[segments * dimensions];
    int[] sizes = new int[segments];
    for (int p = 0; p < original.length; p++) {
      Point point = points.get(p);
      int s = segmentOfUser[point.user];
      sizes[s]++;
      for (int d = 0; d < dimensions; d++) {
        inputSums[s * dimensions + d] += original[p][d];
        clustered[s * dimensions + d] += point.coordinates[d];
      }
    }
    float[] centroids = new float[segments * dimensions];
    for (int s = 0; s < segments; s++) {
      for (int d = 0; d < dimensions; d++) {
        centroids[s * dimensions + d] = (float) (inputSums[s * dimensions + d] / sizes[s]);
        clustered[s * dimensions + d] /= sizes[s];
      }
    }
    double inertia = 0;
    for (Point point : points) {
      int s = segmentOfUser[point.user];
      for (int d = 0; d < dimensions; d++) {
        double diff = point.coordinates[d] - clustered[s * dimensions + d];
        inertia += diff * diff;
      }
    }
    return new Segmentation(segmentOfUser, segments, dimensions, centroids, inertia, clustered, shift, scale);
  }

  /**
   * Scales every dimension of the points to mean 0 and standard deviation 1 (constant dimensions become 0), and
   * records each dimension's mean in {@code shift} and standard deviation in {@code scale}.
   */
  private static void standardize(List<Point> points, int dimensions, double[] shift, double[] scale) {
    int n = points.size();
    for (int d = 0; d < dimensions; d++) {
      double mean = 0;
      for (Point p : points) {
        mean += p.coordinates[d];
      }
      mean /= n;
      double variance = 0;
      for (Point p : points) {
        double diff = p.coordinates[d] - mean;
        variance += diff * diff;
      }
      double sd = Math.sqrt(variance / n);
      shift[d] = mean;
      scale[d] = sd;
      for (Point p : points) {
        p.coordinates[d] = sd > 0 ? (p.coordinates[d] - mean) / sd : 0.0;
      }
    }
  }
}
