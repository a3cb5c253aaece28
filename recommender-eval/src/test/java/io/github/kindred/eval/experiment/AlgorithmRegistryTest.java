package io.github.kindred.eval.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.content.ContentConfig;
import io.github.kindred.content.ContentTrainer;
import io.github.kindred.content.FeatureWeighting;
import io.github.kindred.content.NumericScaling;
import io.github.kindred.context.ContextualPostFilter;
import io.github.kindred.context.ContextualPreFilter;
import io.github.kindred.context.FactorizationMachine;
import io.github.kindred.context.FactorizationMachineConfig;
import io.github.kindred.factorization.AlsSolver;
import io.github.kindred.factorization.BprConfig;
import io.github.kindred.factorization.BprTrainer;
import io.github.kindred.factorization.ImplicitAlsConfig;
import io.github.kindred.factorization.ImplicitAlsTrainer;
import io.github.kindred.hybrid.BlendTrainer;
import io.github.kindred.hybrid.FeatureMfConfig;
import io.github.kindred.hybrid.FeatureMfTrainer;
import io.github.kindred.hybrid.SwitchingTrainer;
import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnTrainer;
import io.github.kindred.knn.Similarity;
import io.github.kindred.knn.UserKnnConfig;
import io.github.kindred.knn.UserKnnTrainer;
import io.github.kindred.linear.EaseConfig;
import io.github.kindred.linear.EaseTrainer;
import io.github.kindred.popularity.TrendingTrainer;
import io.github.kindred.rating.BiasedMfConfig;
import io.github.kindred.rating.BiasedMfTrainer;
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
    assertThat(spec.canonical()).isEqualTo("itemknn:alpha=auto,neighbors=200,shrinkage=10,similarity=auto,threads=1");
    assertThat(registry.names()).startsWith("popularity", "itemknn");
  }

  @Test
  void everyRegisteredNameBuildsWithItsDefaults() {
    assertThat(registry.names()).containsExactly("popularity", "itemknn", "userknn", "trending", "ials", "bpr",
        "ease", "gfcf", "rp3beta", "baseline", "biasedmf", "als", "content", "featuremf", "hybrid", "fm",
        "postfilter", "prefilter",
        "tifuknn", "personalfreq", "sknn", "markov");
    for (String name : registry.names()) {
      assertThat(registry.create(name)).as(name).isNotNull();
    }
  }

  @Test
  void defaultsAreTheConfigurationRecordsDefaults() {
    ImplicitAlsTrainer ials = (ImplicitAlsTrainer) registry.create(
        "ials:factors=64,iterations=15,regularization=30,alpha=3,solver=cg");
    assertThat(ials.config()).isEqualTo(ImplicitAlsConfig.defaults());
    assertThat(((BprTrainer) registry.create("bpr")).config()).isEqualTo(BprConfig.defaults());
    assertThat(((EaseTrainer) registry.create("ease:lambda=500")).config()).isEqualTo(EaseConfig.defaults());
    assertThat(((UserKnnTrainer) registry.create("userknn")).config()).isEqualTo(UserKnnConfig.defaults());
    assertThat(((BiasedMfTrainer) registry.create("biasedmf")).config()).isEqualTo(BiasedMfConfig.defaults());
    assertThat(((ContentTrainer) registry.create("content")).config()).isEqualTo(ContentConfig.defaults());
    assertThat(((FeatureMfTrainer) registry.create("featuremf")).config()).isEqualTo(FeatureMfConfig.defaults());
    assertThat(((FactorizationMachine) registry.create("fm")).config())
        .isEqualTo(FactorizationMachineConfig.defaults());
  }

  @Test
  void keysMatchCaseInsensitivelyAndKeepTheirSpelling() {
    ImplicitAlsTrainer ials = (ImplicitAlsTrainer) registry.create(
        "ials:factors=8,ITERATIONS=3,solver=cholesky,cgsteps=5,regularization=2,alpha=1,seed=7,threads=1,"
            + "blocksize=0");
    assertThat(ials.config()).isEqualTo(new ImplicitAlsConfig(8, 3, 2f, 1f, 7L, 1, AlsSolver.CHOLESKY, 5,
        ImplicitAlsConfig.defaults().regularizationExponent()));
    assertThat(registry.parse("bpr:learningrate=0.1").parameters()).containsEntry("learningRate", "0.1");
    assertThat(((TrendingTrainer) registry.create("trending:halfLifeDays=2")).config().halfLifeSeconds())
        .isEqualTo(2 * 86_400.0);
    assertThat(((ContentTrainer) registry.create("content:fieldWeights=genre:2+title:0.5,idf=false")).config()
        .weighting()).isEqualTo(new FeatureWeighting(false, NumericScaling.Z_SCORE,
            Map.of("genre", 2f, "title", 0.5f), true));
  }

  @Test
  void hybridNestsSpecificationsInBrackets() {
    assertThat(registry.create("hybrid:parts=[itemknn:neighbors=10,similarity=jaccard]+content,weights=0.7+0.3"))
        .isInstanceOf(BlendTrainer.class);
    assertThat(registry.create("hybrid:parts=itemknn,cold=[popularity],threshold=3"))
        .isInstanceOf(SwitchingTrainer.class);
    assertThat(registry.create("hybrid:parts=[ease:lambda=500]")).isInstanceOf(EaseTrainer.class);
    assertThat(registry.parse("hybrid:parts=[itemknn:neighbors=10,shrinkage=1]+ease").parameters())
        .containsEntry("parts", "[itemknn:neighbors=10,shrinkage=1]+ease");
    assertThat(registry.create("postfilter:base=[ease:lambda=100],strength=0.5"))
        .isInstanceOf(ContextualPostFilter.class);
    assertThat(registry.create("prefilter:base=popularity,slices=task;task+hour,minEvents=10"))
        .isInstanceOf(ContextualPreFilter.class);
    assertThatThrownBy(() -> registry.create("hybrid:parts=[itemknn:k=1]"))
        .hasMessage("hybrid: parts 'itemknn:k=1': unknown key 'k' for itemknn; valid: neighbors, shrinkage, "
            + "similarity, threads, alpha");
    assertThatThrownBy(() -> registry.create("hybrid:parts=itemknn+ease,weights=1"))
        .hasMessage("hybrid: weights has 1 values for 2 parts");
    assertThatThrownBy(() -> registry.create("hybrid:parts=[itemknn:neighbors=3"))
        .hasMessage("unbalanced '[' in 'hybrid:parts=[itemknn:neighbors=3'");
    assertThatThrownBy(() -> registry.create("hybrid:parts=nothing"))
        .hasMessageStartingWith("hybrid: parts 'nothing': unknown algorithm 'nothing'; valid: popularity, itemknn");
  }

  @Test
  void errorsAreOneLineAndListTheValidChoices() {
    assertThatThrownBy(() -> AlgorithmRegistry.empty().create("ease:lambda=500"))
        .hasMessage("unknown algorithm 'ease'; valid: ");
    assertThatThrownBy(() -> registry.create("nope"))
        .hasMessage("unknown algorithm 'nope'; valid: " + String.join(", ", registry.names()));
    assertThatThrownBy(() -> registry.create("itemknn:k=5"))
        .hasMessage("unknown key 'k' for itemknn; valid: neighbors, shrinkage, similarity, threads, alpha");
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
        .hasMessage("itemknn: similarity must be one of cosine, jaccard, asymmetric, got 'pearson'");
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
    assertThat(extended.names()).endsWith("markov", "constant");
    assertThat(extended.create("constant:flag=TRUE")).isInstanceOf(PopularityTrainer.class);
    assertThatThrownBy(() -> extended.create("constant:flag=yes"))
        .hasMessage("constant: flag must be true or false, got 'yes'");
    assertThatThrownBy(() -> extended.with(extended.entries().get(0)))
        .hasMessage("algorithm 'popularity' is already registered");
    assertThatThrownBy(() -> new AlgorithmRegistry.Entry("Bad:Name", "", Map.of(), p -> null))
        .hasMessageContaining("lower case");
  }
}
