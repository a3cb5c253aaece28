package io.github.kindred.popularity;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import java.util.Arrays;
import java.util.Objects;

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

  /**
   * A popularity model from per-item counts computed elsewhere (a distributed trainer, another process): it scores
   * and persists exactly as the model {@link #fit} returns for data with those counts. The array is copied.
   *
   * @param users the user ids
   * @param items the item ids
   * @param counts one score per item (normally its number of distinct users), finite and {@code >= 0}
   * @return the model, saved under the algorithm name {@code "popularity"}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code counts} does not have one such score per item
   */
  public static Model model(IdIndex users, IdIndex items, float[] counts) {
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(items, "items");
    checkScores(counts, items, "counts", true);
    return new PopularityModel(users, items, counts.clone());
  }

  /** Checks that {@code scores} holds one finite score per item, non-negative if {@code nonNegative}. */
  static void checkScores(float[] scores, IdIndex items, String what, boolean nonNegative) {
    if (scores.length != items.size()) {
      throw new IllegalArgumentException(
          what + " has " + scores.length + " entries, expected one per item: " + items.size());
    }
    for (int i = 0; i < scores.length; i++) {
      if (!Float.isFinite(scores[i]) || (nonNegative && scores[i] < 0)) {
        throw new IllegalArgumentException(what + " of item " + i + " must be finite" + (nonNegative ? " and >= 0" : "")
            + ", got " + scores[i]);
      }
    }
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
