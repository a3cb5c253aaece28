package io.github.kindred.factorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.IdIndex;
import io.github.kindred.model.Query;
import org.junit.jupiter.api.Test;

class ImplicitAlsModelOfTest {
  @Test
  void aModelFromTrainedFactorsScoresAndFoldsInAsTheTrainedModel() {
    Dataset data = TestData.random(30, 12, 0.3, 5);
    ImplicitAlsConfig config = ImplicitAlsConfig.defaults().withFactors(4).withIterations(3).withThreads(1)
        .withSolver(AlsSolver.CHOLESKY);
    ImplicitAlsModel trained = new ImplicitAlsTrainer(config).fit(data);
    ImplicitAlsModel rebuilt = ImplicitAlsModel.of(config, data.users(), data.items(), trained.userFactors(),
        trained.itemFactors(), data.matrix().nnz());
    float[] a = new float[12];
    float[] b = new float[12];
    trained.score(Query.forUser(7, data.matrix()), a);
    rebuilt.score(Query.forUser(7, data.matrix()), b);
    assertThat(b).containsExactly(a);
    // fold-in reads the Gram matrix and the mean history length, both rebuilt from the arrays and the count
    Query anonymous = Query.of(Query.ANONYMOUS, new int[] {1, 4, 9}, new float[] {1f, 2f, 1f});
    trained.score(anonymous, a);
    rebuilt.score(anonymous, b);
    assertThat(b).containsExactly(a);
    assertThat(rebuilt.itemGram()).containsExactly(trained.itemGram());
  }

  @Test
  void rejectsFactorsOfTheWrongShapeOrNotFinite() {
    ImplicitAlsConfig config = ImplicitAlsConfig.defaults().withFactors(2);
    IdIndex users = IdIndex.of("u");
    IdIndex items = IdIndex.of("a", "b");
    assertThatThrownBy(() -> ImplicitAlsModel.of(config, users, items, new float[3], new float[4], 1))
        .hasMessageContaining("user factors have 3 entries, expected 1 x 2");
    assertThatThrownBy(() -> ImplicitAlsModel.of(config, users, items, new float[2], new float[2], 1))
        .hasMessageContaining("item factors have 2 entries, expected 2 x 2");
    assertThatThrownBy(() -> ImplicitAlsModel.of(config, users, items, new float[2],
        new float[] {0, 0, 0, Float.POSITIVE_INFINITY}, 1)).hasMessageContaining("item factor 1[1] is Infinity");
    assertThatThrownBy(() -> ImplicitAlsModel.of(config, users, items, new float[2], new float[4], -1))
        .hasMessageContaining("interactions must be >= 0, got -1");
  }
}
