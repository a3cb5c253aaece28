package io.github.kindred.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.IdIndex;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeansSegmenterTest {
  /** Centres of three planted clusters, 20 apart; each member sits 1 away from its centre. */
  private static final float[][] CENTRES = {{0f, 0f}, {20f, 0f}, {0f, 20f}};
  private static final float[][] OFFSETS = {{1f, 0f}, {-1f, 0f}, {0f, 1f}, {0f, -1f}};

  /** Users 0..11: user u belongs to planted cluster u % 3 and sits at offset (u / 3) from its centre. */
  private static float[] planted() {
    float[] v = new float[12 * 2];
    for (int u = 0; u < 12; u++) {
      float[] c = CENTRES[u % 3];
      float[] o = OFFSETS[u / 3];
      v[2 * u] = c[0] + o[0];
      v[2 * u + 1] = c[1] + o[1];
    }
    return v;
  }

  @Test
  void recoversPlantedClustersExactly() {
    for (long seed : new long[] {1L, 7L, 42L}) {
      Segmentation s = KMeansSegmenter.cluster(planted(), 2, KMeansConfig.of(3).withSeed(seed));
      // Segments are numbered by their lowest user: users 0, 1, 2 open segments 0, 1, 2.
      assertThat(s.segments()).containsExactly(0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2);
      assertThat(s.segmentCount()).isEqualTo(3);
      assertThat(s.sizes()).containsExactly(4, 4, 4);
      assertThat(s.members(1)).containsExactly(1, 4, 7, 10);
      // The four offsets cancel, so each centroid is its planted centre.
      assertThat(s.centroid(0)).containsExactly(0f, 0f);
      assertThat(s.centroid(1)).containsExactly(20f, 0f);
      assertThat(s.centroid(2)).containsExactly(0f, 20f);
      assertThat(s.centroids()).containsExactly(0f, 0f, 20f, 0f, 0f, 20f);
      // Every user is at distance 1 from its centroid.
      assertThat(s.inertia()).isCloseTo(12.0, within(1e-9));
      assertThat(s.nameOf(5)).isEqualTo("cluster-2");
      assertThat(s.name(0)).isEqualTo("cluster-0");
    }
  }

  @Test
  void assignsNewVectorsToTheNearestCentroid() {
    Segmentation s = KMeansSegmenter.cluster(planted(), 2, KMeansConfig.of(3));
    assertThat(s.nearest(new float[] {19f, 3f})).isEqualTo(1);
    assertThat(s.nearest(new float[] {-2f, 15f})).isEqualTo(2);
    // (10, 0) is 10 from centroids 0 and 1: the tie goes to segment 0.
    assertThat(s.nearest(new float[] {10f, 0f})).isEqualTo(0);
    // Standardised 1-D clusters {0, 2} and {10, 12}: centroids 1 and 11 in input units, midpoint 6.
    Segmentation scaled = KMeansSegmenter.cluster(new float[] {0f, 2f, 10f, 12f}, 1,
        KMeansConfig.of(2).withStandardize(true));
    assertThat(scaled.nearest(new float[] {5.9f})).isZero();
    assertThat(scaled.nearest(new float[] {6.1f})).isEqualTo(1);
    assertThatThrownBy(() -> s.nearest(new float[] {1f})).hasMessageContaining("vector must have 2 dimensions");
    assertThatThrownBy(() -> s.nearest(new float[] {1f, Float.NaN})).hasMessageContaining("vector[1]");
  }

  @Test
  void sameSeedGivesSameSegmentation() {
    SplittableRandom r = new SplittableRandom(3);
    float[] v = new float[300 * 4];
    for (int k = 0; k < v.length; k++) {
      v[k] = (float) r.nextDouble();
    }
    KMeansConfig config = new KMeansConfig(6, 50, 99L, false);
    Segmentation a = KMeansSegmenter.cluster(v, 4, config);
    Segmentation b = KMeansSegmenter.cluster(v.clone(), 4, config);
    assertThat(a.segments()).containsExactly(b.segments());
    assertThat(a.centroids()).containsExactly(b.centroids());
    assertThat(a.inertia()).isEqualTo(b.inertia());
    assertThat(a.segmentCount()).isEqualTo(6);
  }

  @Test
  void standardizesForClusteringButReportsCentroidsInInputUnits() {
    // 1-D values 0, 2, 10, 12: clusters {0, 2} and {10, 12}. The mean is 6 and the standard deviation sqrt(26),
    // so each user is 1 / sqrt(26) from its standardised centroid: inertia 4 / 26 there, 4 unscaled.
    float[] v = {0f, 2f, 10f, 12f};
    Segmentation scaled = KMeansSegmenter.cluster(v, 1, KMeansConfig.of(2).withStandardize(true));
    assertThat(scaled.segments()).containsExactly(0, 0, 1, 1);
    assertThat(scaled.centroids()).containsExactly(1f, 11f);
    assertThat(scaled.inertia()).isCloseTo(4.0 / 26.0, within(1e-12));
    Segmentation plain = KMeansSegmenter.cluster(v, 1, KMeansConfig.of(2));
    assertThat(plain.inertia()).isCloseTo(4.0, within(1e-12));
  }

  @Test
  void clustersFeatureProfilesAndLeavesUndescribedUsersOut() {
    FeatureTable features = FeatureTable.builder()
        .categorical("a", "plan", "pro").tags("a", "likes", "plumbing", "heating")
        .categorical("b", "plan", "free").tags("b", "likes", "cleaning")
        .categorical("d", "plan", "pro").tags("d", "likes", "plumbing", "heating")
        .categorical("e", "plan", "free").tags("e", "likes", "cleaning")
        .build();
    IdIndex users = IdIndex.of("a", "b", "c", "d", "e");
    Segmentation s = KMeansSegmenter.cluster(features, users, KMeansConfig.of(2));
    assertThat(s.segments()).containsExactly(0, 1, -1, 0, 1);
    assertThat(s.nameOf(2)).isNull();
    assertThat(s.sizes()).containsExactly(2, 2);
    // Features in order of first appearance: plan=pro, likes=plumbing, likes=heating, plan=free, likes=cleaning.
    assertThat(s.centroid(0)).containsExactly(1f, 1f, 1f, 0f, 0f);
    assertThat(s.centroid(1)).containsExactly(0f, 0f, 0f, 1f, 1f);
    assertThat(s.byUserId(users).apply("d")).isEqualTo("cluster-0");
    assertThat(s.byUserId(users).apply("c")).isNull();
    assertThat(s.byUserId(users).apply("zz")).isNull();
  }

  @Test
  void identicalPointsGiveFewerSegmentsThanK() {
    float[] v = {5f, 5f, 5f, 5f, 5f, 5f};
    Segmentation s = KMeansSegmenter.cluster(v, 2, KMeansConfig.of(3));
    assertThat(s.sizes()).containsExactly(3);
    assertThat(s.segments()).containsExactly(0, 0, 0);
  }

  @Test
  void rejectsBadConfigurationAndInput() {
    assertThatThrownBy(() -> new KMeansConfig(0, 10, 1L, false)).hasMessageContaining("k must be >= 1, got 0");
    assertThatThrownBy(() -> new KMeansConfig(2, 0, 1L, false)).hasMessageContaining("maxIterations");
    assertThatThrownBy(() -> KMeansSegmenter.cluster(new float[] {1f, 2f}, 2, KMeansConfig.of(2)))
        .hasMessageContaining("k must be <= the number of users to cluster (1), got 2");
    assertThatThrownBy(() -> KMeansSegmenter.cluster(new float[] {1f, 2f, 3f}, 2, KMeansConfig.of(1)))
        .hasMessageContaining("dimensions");
    assertThatThrownBy(() -> KMeansSegmenter.cluster(new float[] {1f, Float.NaN}, 1, KMeansConfig.of(1)))
        .hasMessageContaining("vectors[1]");
    assertThatThrownBy(() -> KMeansSegmenter.cluster(FeatureTable.empty(), IdIndex.of("a"), KMeansConfig.of(1)))
        .hasMessageContaining("features");
  }
}
