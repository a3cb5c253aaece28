package io.github.kindred.popularity;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import java.util.Arrays;

/**
 * Scores every item by the number of distinct users who interacted with it, the same for every query. Stateless
 * and thread-safe.
 */
public final class PopularityTrainer implements io.github.kindred.model.Trainer<Model> {
  /** Creates the trainer. */
  public PopularityTrainer() {}

  @Override
  public Model fit(Dataset data) {
    InteractionMatrix m = data.matrix();
    float[] counts = new float[m.columns()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = m.columnSize(i);
    }
    return new PopularityModel(data.users(), data.items(), counts);
  }

  /** The fitted popularity scores. */
  static final class PopularityModel implements Model {
    private final IdIndex users;
    private final IdIndex items;
    private final float[] popularity;

    PopularityModel(IdIndex users, IdIndex items, float[] popularity) {
      this.users = users;
      this.items = items;
      this.popularity = popularity;
    }

    @Override
    public IdIndex items() {
      return items;
    }

    @Override
    public IdIndex users() {
      return users;
    }

    @Override
    public void score(Query query, float[] scores) {
      Model.requireScoreLength(scores, popularity.length);
      System.arraycopy(popularity, 0, scores, 0, popularity.length);
    }

    float[] popularity() {
      return Arrays.copyOf(popularity, popularity.length);
    }
  }
}
