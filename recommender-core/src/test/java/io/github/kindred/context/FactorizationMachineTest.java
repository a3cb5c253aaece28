package io.github.kindred.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Context;
import io.github.kindred.data.Dataset;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Query;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FactorizationMachineTest {
  @Test
  void linearTimeIdentityEqualsTheNaiveDoubleSum() {
    SplittableRandom rnd = new SplittableRandom(3);
    int k = 5;
    float[] v = new float[20 * k];
    for (int a = 0; a < v.length; a++) {
      v[a] = (float) rnd.nextGaussian();
    }
    int[] idx = {0, 3, 7, 8, 12, 19, 4};
    float[] x = {1f, 0.5f, -2f, 1f, 0.25f, 3f, 1f};
    // By hand for the first two inputs only: <v_0, v_3> * 1 * 0.5.
    double dot = 0;
    for (int f = 0; f < k; f++) {
      dot += (double) v[f] * v[3 * k + f];
    }
    assertThat(FmMath.pairwise(v, k, idx, x, 2)).isCloseTo(0.5 * dot, within(1e-5));
    assertThat(FmMath.pairwiseNaive(v, k, idx, x, 2)).isCloseTo(0.5 * dot, within(1e-5));
    for (int n = 0; n <= idx.length; n++) {
      assertThat(FmMath.pairwise(v, k, idx, x, n)).as("n = %d", n)
          .isCloseTo(FmMath.pairwiseNaive(v, k, idx, x, n), within(1e-4));
    }
  }

  /**
   * 40 users; by day each chooses 3 of the day items d0..d4 (user u prefers d(u mod 5) and its neighbours); at
   * night every user chooses n0 and nothing else. Items carry a category feature; users a district.
   */
  private static Dataset planted() {
    InteractionLog.Builder b = InteractionLog.builder();
    FeatureTable.Builder items = FeatureTable.builder();
    FeatureTable.Builder users = FeatureTable.builder();
    Context day = Context.of("time", "day");
    Context night = Context.of("time", "night");
    long t = 0;
    for (int u = 0; u < 40; u++) {
      String user = "u" + u;
      users.categorical(user, "district", u % 2 == 0 ? "north" : "south");
      for (int j = 0; j < 3; j++) {
        b.add(user, "d" + ((u + j) % 5), 1f, t++, "rating", day);
      }
      b.add(user, "n0", 1f, t++, "rating", night);
    }
    for (int i = 0; i < 5; i++) {
      items.categorical("d" + i, "category", "daytime");
    }
    items.categorical("n0", "category", "nighttime");
    items.numeric("n0", "hours", 2.0);
    items.numeric("d0", "hours", 4.0);
    return Dataset.builder(b.build()).binary(true).itemFeatures(items.build()).userFeatures(users.build()).build();
  }

  private static int rank(float[] scores, int item) {
    int r = 0;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] > scores[item]) {
        r++;
      }
    }
    return r;
  }

  @Test
  void learnsThatAnItemChosenOnlyAtNightRanksHigherAtNight() {
    Dataset data = planted();
    FactorizationMachineModel m = new FactorizationMachine(
        FactorizationMachineConfig.defaults().withFactors(8).withEpochs(60).withLearningRate(0.05f)).fit(data);
    int night = data.items().indexOf("n0");
    float[] s = new float[m.itemCount()];
    int nightRankAtNight = 0;
    int nightRankByDay = 0;
    for (int u = 0; u < data.userCount(); u++) {
      m.score(Query.forUser(u, data.matrix()).withContext(Context.of("time", "night")), s);
      nightRankAtNight += rank(s, night);
      m.score(Query.forUser(u, data.matrix()).withContext(Context.of("time", "day")), s);
      nightRankByDay += rank(s, night);
    }
    // At night n0 is every user's first item; by day at least three of the five day items come before it.
    assertThat(nightRankAtNight).isZero();
    assertThat(nightRankByDay).isGreaterThanOrEqualTo(3 * data.userCount());
  }

  @Test
  void scoringByTheIdentityEqualsTheDefinition() {
    Dataset data = planted();
    FactorizationMachineModel m = new FactorizationMachine(
        FactorizationMachineConfig.defaults().withFactors(6).withEpochs(3)).fit(data);
    float[] s = new float[m.itemCount()];
    Context[] contexts = {Context.EMPTY, Context.of("time", "night"), Context.of("time", "day", "other", "x"),
        Context.of("time", "dusk")};
    for (int u : new int[] {0, 7, Query.ANONYMOUS}) {
      for (Context c : contexts) {
        Query q = u == Query.ANONYMOUS ? Query.empty() : Query.forUser(u, data.matrix());
        m.score(q.withContext(c), s);
        for (int i = 0; i < m.itemCount(); i++) {
          assertThat((double) s[i]).as("user %d, %s, item %d", u, c, i)
              .isCloseTo(m.naiveScore(u, c, i), within(1e-4));
        }
      }
    }
  }

  @Test
  void sameSeedGivesTheSameModelAndWithoutContextTheContextIsIgnored() {
    Dataset data = planted();
    FactorizationMachineConfig config = FactorizationMachineConfig.defaults().withFactors(4).withEpochs(5);
    float[] a = new float[6];
    float[] b = new float[6];
    float[] c = new float[6];
    Query q = Query.forUser(3, data.matrix()).withContext(Context.of("time", "night"));
    new FactorizationMachine(config).fit(data).score(q, a);
    new FactorizationMachine(config).fit(data).score(q, b);
    new FactorizationMachine(config.withSeed(99)).fit(data).score(q, c);
    assertThat(b).containsExactly(a);
    assertThat(c).isNotEqualTo(a);

    FactorizationMachineModel plain = new FactorizationMachine(config.withoutContext()).fit(data);
    plain.score(q, a);
    plain.score(q.withContext(Context.EMPTY), b);
    assertThat(b).containsExactly(a);
  }

  @Test
  void invalidConfigurationIsRejected() {
    assertThatThrownBy(() -> FactorizationMachineConfig.defaults().withFactors(0)).hasMessageContaining("factors");
    assertThatThrownBy(() -> FactorizationMachineConfig.defaults().withEpochs(0)).hasMessageContaining("epochs");
    assertThatThrownBy(() -> FactorizationMachineConfig.defaults().withLearningRate(Float.NaN))
        .hasMessageContaining("learningRate");
    assertThatThrownBy(() -> FactorizationMachineConfig.defaults().withRegularization(-1f, 0f))
        .hasMessageContaining("regularization");
    Dataset data = planted();
    assertThatThrownBy(() -> new FactorizationMachine(
        FactorizationMachineConfig.defaults().withContextFeatures("weather")).fit(data))
        .hasMessageContaining("weather");
  }
}
