package io.github.kindred.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnTrainer;
import io.github.kindred.knn.Similarity;
import io.github.kindred.popularity.PopularityTrainer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlgorithmRegistryTest {
  private final AlgorithmRegistry registry = AlgorithmRegistry.standard();

  @Test
  void buildsTrainersFromSpecificationsWithDefaults() {
    assertThat(registry.create("popularity")).isInstanceOf(PopularityTrainer.class);
    ItemKnnTrainer knn = (ItemKnnTrainer) registry.create(" ItemKNN:neighbors=50, similarity=Jaccard,threads=2 ");
    assertThat(knn.config()).isEqualTo(new ItemKnnConfig(50, Similarity.JACCARD, 0f, 2));
    AlgorithmSpec spec = registry.parse("itemknn:shrinkage=10,threads=1");
    assertThat(spec.name()).isEqualTo("itemknn");
    assertThat(spec.parameters()).containsEntry("neighbors", "200").containsEntry("shrinkage", "10");
    assertThat(spec.canonical()).isEqualTo("itemknn:neighbors=200,shrinkage=10,similarity=cosine,threads=1");
    assertThat(registry.names()).containsExactly("popularity", "itemknn");
  }

  @Test
  void errorsAreOneLineAndListTheValidChoices() {
    assertThatThrownBy(() -> registry.create("ease:lambda=500"))
        .hasMessage("unknown algorithm 'ease'; valid: popularity, itemknn");
    assertThatThrownBy(() -> registry.create("itemknn:k=5"))
        .hasMessage("unknown key 'k' for itemknn; valid: neighbors, shrinkage, similarity, threads");
    assertThatThrownBy(() -> registry.create("popularity:x=1"))
        .hasMessage("unknown key 'x' for popularity; valid: (none)");
    assertThatThrownBy(() -> registry.create("itemknn:neighbors"))
        .hasMessage("malformed parameter 'neighbors' in 'itemknn:neighbors'; expected key=value");
    assertThatThrownBy(() -> registry.create("itemknn:neighbors=5,neighbors=6"))
        .hasMessageContaining("key 'neighbors' given twice");
    assertThatThrownBy(() -> registry.create("itemknn:neighbors=many"))
        .hasMessage("itemknn: neighbors must be an integer, got 'many'");
    assertThatThrownBy(() -> registry.create("itemknn:neighbors=0"))
        .hasMessage("itemknn: neighbors must be >= 1, got 0");
    assertThatThrownBy(() -> registry.create("itemknn:similarity=pearson"))
        .hasMessage("itemknn: similarity must be one of cosine, jaccard, got 'pearson'");
    assertThatThrownBy(() -> registry.create("itemknn:shrinkage=NaN"))
        .hasMessage("itemknn: shrinkage must be finite, got 'NaN'");
  }

  @Test
  void extendingTakesOneEntry() {
    AlgorithmRegistry extended = registry.with(new AlgorithmRegistry.Entry("constant", "test entry",
        Map.of("flag", "false"), p -> {
          p.booleanValue("flag");
          return new PopularityTrainer();
        }));
    assertThat(extended.names()).containsExactly("popularity", "itemknn", "constant");
    assertThat(extended.create("constant:flag=TRUE")).isInstanceOf(PopularityTrainer.class);
    assertThatThrownBy(() -> extended.create("constant:flag=yes"))
        .hasMessage("constant: flag must be true or false, got 'yes'");
    assertThatThrownBy(() -> extended.with(extended.entries().get(0)))
        .hasMessage("algorithm 'popularity' is already registered");
    assertThatThrownBy(() -> new AlgorithmRegistry.Entry("Bad:Name", "", Map.of(), p -> null))
        .hasMessageContaining("lower case");
  }
}
