package io.github.kindred.bench.compare;

import io.github.kindred.factorization.BprConfig;
import io.github.kindred.factorization.BprTrainer;
import io.github.kindred.factorization.ImplicitAlsConfig;
import io.github.kindred.factorization.ImplicitAlsTrainer;
import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnTrainer;
import io.github.kindred.knn.Similarity;
import io.github.kindred.knn.UserKnnConfig;
import io.github.kindred.knn.UserKnnTrainer;
import io.github.kindred.linear.EaseConfig;
import io.github.kindred.linear.EaseTrainer;
import io.github.kindred.math.TopN;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.model.Trainer;
import io.github.kindred.popularity.PopularityTrainer;
import java.util.List;

/** Kindred's own models, scored through the {@link Model} contract with one reused score buffer. */
final class KindredContenders {
  private KindredContenders() {}

  /** Every Kindred model in the comparison. */
  static List<Contender> all(int threads, int factors) {
    return List.of(
        new Scored("Kindred popularity", new PopularityTrainer()),
        new Scored("Kindred item-kNN, cosine, 200",
            new ItemKnnTrainer(new ItemKnnConfig(200, Similarity.COSINE, 0f, threads))),
        new Scored("Kindred user-kNN, cosine, 50",
            new UserKnnTrainer(new UserKnnConfig(50, Similarity.COSINE, 0f, threads))),
        new Scored("Kindred EASE, lambda 500", new EaseTrainer(EaseConfig.defaults().withLambda(500f))),
        new Scored("Kindred BPR, " + factors + " factors",
            new BprTrainer(BprConfig.defaults().withFactors(factors).withThreads(threads))),
        new Scored("Kindred implicit ALS, " + factors + " factors",
            new ImplicitAlsTrainer(ImplicitAlsConfig.defaults().withFactors(factors).withThreads(threads))));
  }

  /** Any Kindred trainer: fit, then score every item and keep the top {@code n} outside the user's history. */
  static final class Scored implements Contender {
    private final String name;
    private final Trainer<? extends Model> trainer;
    private Model model;
    private Split split;
    private float[] scores;
    private final TopN top = new TopN(10);

    Scored(String name, Trainer<? extends Model> trainer) {
      this.name = name;
      this.trainer = trainer;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void fit(Split split) {
      this.split = split;
      model = trainer.fit(split.train());
      scores = new float[model.itemCount()];
    }

    @Override
    public int[] recommend(int user, int n) {
      model.score(Query.forUser(user, split.matrix()), scores);
      for (int i : split.trainItems(user)) {
        scores[i] = Float.NEGATIVE_INFINITY;
      }
      top.reset(n);
      for (int i = 0; i < scores.length; i++) {
        if (scores[i] >= top.threshold()) {
          top.offer(i, scores[i]);
        }
      }
      return top.drain();
    }
  }
}
