package io.github.kindred.factorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.math.FactorScoring;
import io.github.kindred.model.Query;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The contract servers rely on to fuse scoring with top-N: the ALS score is exactly a dot product. */
class ImplicitAlsDotProductTest {
  @Test
  void knownUserScoresAreDotProductsOfUserVectorAndItemFactorRows() {
    SplittableRandom random = new SplittableRandom(5);
    InteractionLog.Builder log = InteractionLog.builder();
    for (int e = 0; e < 600; e++) {
      log.add("u" + random.nextInt(40), "i" + random.nextInt(60), 1f);
    }
    Dataset data = Dataset.builder(log.build()).binary(true).build();
    ImplicitAlsModel model = new ImplicitAlsTrainer(
        ImplicitAlsConfig.defaults().withFactors(8).withIterations(3).withThreads(1)).fit(data);
    float[] factors = model.itemFactors();
    int k = model.dimensions();
    assertThat(factors).hasSize(data.itemCount() * k);
    float[] user = new float[k];
    float[] scores = new float[data.itemCount()];
    for (int u = 0; u < data.userCount(); u += 5) {
      model.userVector(u, user);
      model.score(Query.forUser(u, data.matrix()), scores);
      for (int i = 0; i < data.itemCount(); i++) {
        assertThat(scores[i]).isCloseTo(FactorScoring.dot(user, 0, factors, i * k, k), within(1e-5f));
      }
    }
  }
}
