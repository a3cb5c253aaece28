package io.github.kindred.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.Query;
import io.github.kindred.model.RatingPredictor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FactorRatingTest {
  /**
   * Ratings 3 + u . v for planted rank-2 vectors with entries in [-1, 1], on about 60% of a 60 x 40 grid: the
   * biases alone cannot explain them, two factors can.
   */
  static Dataset planted() {
    return planted(3);
  }

  /** {@link #planted()} with ratings {@code offset + u . v} instead of {@code 3 + u . v}. */
  static Dataset planted(float offset) {
    SplittableRandom r = new SplittableRandom(11);
    double[][] u = new double[60][2];
    double[][] v = new double[40][2];
    for (double[] x : u) {
      x[0] = r.nextDouble(-1, 1);
      x[1] = r.nextDouble(-1, 1);
    }
    for (double[] x : v) {
      x[0] = r.nextDouble(-1, 1);
      x[1] = r.nextDouble(-1, 1);
    }
    InteractionLog.Builder b = InteractionLog.builder();
    for (int a = 0; a < u.length; a++) {
      for (int i = 0; i < v.length; i++) {
        if (r.nextDouble() < 0.6) {
          b.add("u" + a, "i" + i, (float) (offset + u[a][0] * v[i][0] + u[a][1] * v[i][1]));
        }
      }
    }
    return Dataset.builder(b.build()).binary(false).build();
  }

  static double trainingRmse(RatingPredictor p, InteractionMatrix m) {
    double se = 0;
    for (int u = 0; u < m.rows(); u++) {
      int[] items = m.row(u);
      float[] values = m.rowValues(u);
      for (int k = 0; k < items.length; k++) {
        double e = p.predict(u, items[k]) - values[k];
        se += e * e;
      }
    }
    return Math.sqrt(se / m.nnz());
  }

  @Test
  void biasedMfExplainsPlantedLowRankDataBetterThanBiases() {
    Dataset d = planted();
    double biases = trainingRmse(new BaselineTrainer(new BaselineConfig(0.1f, 0.1f, 20)).fit(d), d.matrix());
    double mf = trainingRmse(
        new BiasedMfTrainer(new BiasedMfConfig(2, 300, 0.02f, 0.001f, 1L)).fit(d), d.matrix());
    assertThat(biases).isGreaterThan(0.2);
    assertThat(mf).isLessThan(biases / 4);
  }

  /**
   * Negative ratings are ratings (Jester rates from -10 to 10), not bad input: biased MF centres on the mean, so
   * moving every rating from {@code 3 + u . v} to {@code -3 + u . v} (all in [-5, -1]) moves every prediction by
   * the same -6, up to float rounding, with the same seed.
   */
  @Test
  void biasedMfFitsNegativeRatingsAsAShiftedScale() {
    BiasedMfTrainer t = new BiasedMfTrainer(new BiasedMfConfig(2, 50, 0.02f, 0.001f, 1L));
    Dataset positive = planted(3);
    Dataset negative = planted(-3);
    BiasedMfModel p = t.fit(positive);
    BiasedMfModel n = t.fit(negative);
    InteractionMatrix m = negative.matrix();
    for (float x : m.values()) {
      assertThat(x).isBetween(-5f, -1f);
    }
    for (int u = 0; u < m.rows(); u++) {
      for (int i = 0; i < m.columns(); i++) {
        assertThat(n.predict(u, i)).isCloseTo(p.predict(u, i) - 6, within(1e-3f));
      }
    }
  }

  @Test
  void explicitAlsExplainsPlantedLowRankDataBetterThanBiases() {
    Dataset d = planted();
    double biases = trainingRmse(new BaselineTrainer(new BaselineConfig(0.1f, 0.1f, 20)).fit(d), d.matrix());
    double als = trainingRmse(
        new ExplicitAlsTrainer(new ExplicitAlsConfig(2, 30, 0.001f, 1L, 1)).fit(d), d.matrix());
    assertThat(als).isLessThan(biases / 4);
  }

  @Test
  void everyAlsUserVectorSolvesItsRegularisedNormalEquations() {
    Dataset d = planted();
    float lambda = 0.05f;
    int k = 3;
    ExplicitAlsModel m = new ExplicitAlsTrainer(new ExplicitAlsConfig(k, 5, lambda, 3L, 2)).fit(d);
    InteractionMatrix x = d.matrix();
    float[] q = new float[k];
    float[] p = new float[k];
    for (int u = 0; u < x.rows(); u++) {
      int[] items = x.row(u);
      float[] r = x.rowValues(u);
      // (sum z z^T + lambda n I) w = sum z (r - mu - b_i), with z = (q_i, 1) and w = (p_u, b_u).
      double[][] a = new double[k + 1][k + 1];
      double[] rhs = new double[k + 1];
      for (int t = 0; t < items.length; t++) {
        m.itemVector(items[t], q);
        double[] z = new double[k + 1];
        for (int f = 0; f < k; f++) {
          z[f] = q[f];
        }
        z[k] = 1;
        double target = r[t] - m.globalMean() - m.itemBias(items[t]);
        for (int i = 0; i <= k; i++) {
          rhs[i] += z[i] * target;
          for (int j = 0; j <= k; j++) {
            a[i][j] += z[i] * z[j];
          }
        }
      }
      m.userVector(u, p);
      double[] w = new double[k + 1];
      for (int f = 0; f < k; f++) {
        w[f] = p[f];
      }
      w[k] = m.userBias(u);
      for (int i = 0; i <= k; i++) {
        double lhs = lambda * items.length * w[i];
        for (int j = 0; j <= k; j++) {
          lhs += a[i][j] * w[j];
        }
        assertThat(lhs).as("user %d row %d", u, i).isCloseTo(rhs[i], within(1e-3 * (1 + Math.abs(rhs[i]))));
      }
    }
  }

  @Test
  void foldingInATrainingUsersHistoryReproducesItsAlsScores() {
    Dataset d = planted();
    ExplicitAlsModel m = new ExplicitAlsTrainer(new ExplicitAlsConfig(3, 5, 0.05f, 3L, 1)).fit(d);
    float[] known = new float[d.itemCount()];
    float[] folded = new float[d.itemCount()];
    for (int u = 0; u < 5; u++) {
      m.score(Query.forUser(u, d.matrix()), known);
      Query q = Query.forUser(u, d.matrix());
      m.score(Query.of(Query.ANONYMOUS, q.items(), q.weights()), folded);
      assertThat(folded).containsExactly(known, within(1e-3f));
    }
  }

  @Test
  void sameSeedGivesTheSameModelAndThreadsDoNotMatter() {
    Dataset d = planted();
    BiasedMfConfig mc = new BiasedMfConfig(4, 10, 0.01f, 0.02f, 5L);
    assertSamePredictions(new BiasedMfTrainer(mc).fit(d), new BiasedMfTrainer(mc).fit(d), d, true);
    assertSamePredictions(new BiasedMfTrainer(mc).fit(d), new BiasedMfTrainer(mc.withSeed(6L)).fit(d), d, false);
    ExplicitAlsConfig ac = new ExplicitAlsConfig(4, 4, 0.05f, 5L, 1);
    assertSamePredictions(new ExplicitAlsTrainer(ac).fit(d), new ExplicitAlsTrainer(ac.withThreads(3)).fit(d), d,
        true);
  }

  private static void assertSamePredictions(RatingPredictor a, RatingPredictor b, Dataset d, boolean same) {
    boolean allEqual = true;
    for (int u = 0; u < d.userCount(); u++) {
      for (int i = 0; i < d.itemCount(); i++) {
        allEqual &= Float.floatToIntBits(a.predict(u, i)) == Float.floatToIntBits(b.predict(u, i));
      }
    }
    assertThat(allEqual).isEqualTo(same);
  }

  @Test
  void predictionsStayInsideTheTrainingRange() {
    Dataset d = planted();
    BiasedMfModel m = new BiasedMfTrainer(new BiasedMfConfig(2, 20, 0.02f, 0.001f, 1L)).fit(d);
    for (int u = 0; u < d.userCount(); u++) {
      for (int i = 0; i < d.itemCount(); i++) {
        assertThat(m.predict(u, i)).isBetween(m.minRating(), m.maxRating());
      }
    }
  }

  @Test
  void invalidConfigurationIsRejected() {
    assertThatThrownBy(() -> new BiasedMfConfig(0, 1, 0.1f, 0f, 1L)).hasMessageContaining("factors");
    assertThatThrownBy(() -> new BiasedMfConfig(1, 1, 0f, 0f, 1L)).hasMessageContaining("learningRate");
    assertThatThrownBy(() -> new BiasedMfConfig(1, 1, 0.1f, -1f, 1L)).hasMessageContaining("regularization");
    assertThatThrownBy(() -> new ExplicitAlsConfig(1, 1, 0f, 1L, 1)).hasMessageContaining("regularization");
    assertThatThrownBy(() -> new ExplicitAlsConfig(1, 0, 0.1f, 1L, 1)).hasMessageContaining("iterations");
    assertThatThrownBy(() -> new ExplicitAlsConfig(1, 1, 0.1f, 1L, 0)).hasMessageContaining("threads");
  }
}
