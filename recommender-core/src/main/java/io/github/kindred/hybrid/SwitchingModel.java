package io.github.kindred.hybrid;

import io.github.kindred.data.IdIndex;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Chooses one model per request by the length of the query's history: fewer than {@code threshold} history items
 * go to the cold model (for example content-based, feature-aware or popularity), the others to the warm model
 * (a collaborative one). Items beyond the chosen model's item range score {@link Float#NEGATIVE_INFINITY}, which
 * top-N selection never returns.
 *
 * <p>Immutable and thread-safe when the parts are; adds no cost to the chosen model's scoring beyond the fill of
 * the missing items.
 */
public final class SwitchingModel implements Model {
  private final Model cold;
  private final Model warm;
  private final int threshold;
  private final IdIndex items;
  private final IdIndex users;

  private SwitchingModel(Model cold, Model warm, int threshold, IdIndex items, IdIndex users) {
    this.cold = cold;
    this.warm = warm;
    this.threshold = threshold;
    this.items = items;
    this.users = users;
  }

  /**
   * Switches between {@code cold} and {@code warm}.
   *
   * @param cold the model for short histories, for example popularity or a content model
   * @param warm the model from {@code threshold} history items on
   * @param threshold the history length from which the warm model answers, at least 1
   * @return the switching model, over the longer of the two item indexes
   * @throws IllegalArgumentException if the threshold is below 1 or the item spaces disagree
   */
  public static SwitchingModel of(Model cold, Model warm, int threshold) {
    checkThreshold(threshold);
    List<Model> parts = List.of(Objects.requireNonNull(cold, "cold"), Objects.requireNonNull(warm, "warm"));
    return new SwitchingModel(cold, warm, threshold, ItemSpaces.common(parts), ItemSpaces.users(parts));
  }

  static void checkThreshold(int threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be >= 1, got " + threshold);
    }
  }

  /** {@return the model for short histories} */
  public Model cold() {
    return cold;
  }

  /** {@return the model for histories of at least {@link #threshold()} items} */
  public Model warm() {
    return warm;
  }

  /** {@return the history length from which the warm model answers} */
  public int threshold() {
    return threshold;
  }

  /**
   * {@return the model that answers {@code query}: the warm one if its history has at least {@link #threshold()}
   * items, else the cold one}
   *
   * @param query the request
   */
  public Model choose(Query query) {
    return query.historySize() < threshold ? cold : warm;
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
    int n = items.size();
    ItemSpaces.checkLength(scores, n);
    Model m = choose(query);
    m.score(query, scores);
    Arrays.fill(scores, m.itemCount(), n, Float.NEGATIVE_INFINITY);
  }
}
