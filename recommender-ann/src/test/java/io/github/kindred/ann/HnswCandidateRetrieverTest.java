package io.github.kindred.ann;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.factorization.ImplicitAlsConfig;
import io.github.kindred.factorization.ImplicitAlsModel;
import io.github.kindred.factorization.ImplicitAlsTrainer;
import io.github.kindred.model.Model;
import io.github.kindred.popularity.PopularityTrainer;
import io.github.kindred.serve.Recommendations;
import io.github.kindred.serve.Recommender;
import io.github.kindred.serve.Request;
import io.github.kindred.serve.pipeline.CandidateRetriever;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HnswCandidateRetrieverTest {
  private static Dataset data() {
    SplittableRandom random = new SplittableRandom(5);
    InteractionLog.Builder log = InteractionLog.builder();
    for (int u = 0; u < 300; u++) {
      int group = random.nextInt(10);
      for (int k = 0; k < 12; k++) {
        log.add("u" + u, "i" + (group + 10 * random.nextInt(60)), 1f);
      }
    }
    return Dataset.builder(log.build()).binary(true).build();
  }

  @Test
  void asTheCandidateStageItGivesTheFullScansAnswersWhenItsSearchCoversTheCatalogue() {
    // searchWidth >= items makes the graph search visit every node (see HnswItemIndexTest), so the pipeline with
    // the retriever must answer exactly as the pipeline without it: same items, same scores, for known users and
    // for a session folded in.
    Dataset data = data();
    ImplicitAlsModel model = new ImplicitAlsTrainer(ImplicitAlsConfig.defaults().withFactors(16).withIterations(5))
        .fit(data);
    AnnConfig config = AnnConfig.defaults().withExactBelow(0).withSearchWidth(data.itemCount());
    Recommender exact = Recommender.builder(model, data).build();
    Recommender approximate = Recommender.builder(model, data)
        .candidateRetriever(HnswCandidateRetriever.factory(config), 4).build();
    for (int u = 0; u < 300; u += 17) {
      Request request = Request.forUser("u" + u).count(10).build();
      Recommendations a = approximate.recommend(request);
      Recommendations e = exact.recommend(request);
      assertThat(a.itemIds()).containsExactlyElementsOf(e.itemIds());
      assertThat(a.scores()).containsExactly(e.scores());
    }
    Request session = Request.forSession("i3", "i13", "i23").count(10).build();
    assertThat(approximate.recommend(session).itemIds()).containsExactlyElementsOf(
        exact.recommend(session).itemIds());
  }

  @Test
  void theFactoryLeavesModelsWithoutItemVectorsAndSmallCataloguesToTheFullScan() {
    Dataset data = data();
    Model popularity = new PopularityTrainer().fit(data);
    assertThat(HnswCandidateRetriever.factory(AnnConfig.defaults().withExactBelow(0)).build(popularity)).isNull();
    ImplicitAlsModel model = new ImplicitAlsTrainer(ImplicitAlsConfig.defaults().withFactors(8).withIterations(2))
        .fit(data);
    assertThat(HnswCandidateRetriever.factory(AnnConfig.defaults()).build(model)).isNull();
    assertThat(HnswCandidateRetriever.factory(AnnConfig.defaults().withExactBelow(0)).build(model))
        .isInstanceOf(HnswCandidateRetriever.class);
  }

  @Test
  void theFileFactoryLoadsTheIndexOfThisModelAndRebuildsForAnotherGeneration(@TempDir Path dir) throws IOException {
    Dataset data = data();
    ImplicitAlsConfig als = ImplicitAlsConfig.defaults().withFactors(8).withIterations(2);
    ImplicitAlsModel model = new ImplicitAlsTrainer(als).fit(data);
    Path file = dir.resolve("model.kindred.hnsw");
    // Saved with search width 7; the factory is configured with 9: a loaded index keeps the width it was saved with.
    HnswItemIndex.build(model, AnnConfig.defaults().withExactBelow(0).withSearchWidth(7)).save(file);
    CandidateRetriever.Factory factory = HnswCandidateRetriever.factory(
        AnnConfig.defaults().withExactBelow(0).withSearchWidth(9), file);
    HnswCandidateRetriever loaded = (HnswCandidateRetriever) factory.build(model);
    assertThat(loaded.index().config().searchWidth()).isEqualTo(7);
    // Another generation (other factors): the stale file is replaced by a new build with the factory's config.
    ImplicitAlsModel next = new ImplicitAlsTrainer(als.withIterations(3)).fit(data);
    HnswCandidateRetriever rebuilt = (HnswCandidateRetriever) factory.build(next);
    assertThat(rebuilt.index().config().searchWidth()).isEqualTo(9);
    assertThat(HnswItemIndex.load(file, next).config().searchWidth()).isEqualTo(9);
    assertThat(Files.exists(dir.resolve("model.kindred.hnsw.partial"))).isFalse();
    // A corrupt file is rebuilt too, not served.
    Files.write(file, new byte[] {1, 2, 3});
    assertThat(((HnswCandidateRetriever) factory.build(model)).index().config().searchWidth()).isEqualTo(9);
    assertThat(HnswItemIndex.load(file, model).approximate()).isTrue();
  }

  @Test
  void theFileFactoryCreatesMissingDirectoriesForANewIndex(@TempDir Path dir) throws IOException {
    ImplicitAlsModel model = new ImplicitAlsTrainer(ImplicitAlsConfig.defaults().withFactors(8).withIterations(2))
        .fit(data());
    Path file = dir.resolve("not/yet/there/model.kindred.hnsw");
    CandidateRetriever.Factory factory = HnswCandidateRetriever.factory(
        AnnConfig.defaults().withExactBelow(0).withSearchWidth(9), file);
    assertThat(factory.build(model)).isInstanceOf(HnswCandidateRetriever.class);
    assertThat(HnswItemIndex.load(file, model).config().searchWidth()).isEqualTo(9);
  }
}
