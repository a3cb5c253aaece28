package io.github.kindred.context;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.model.Trainer;
import java.util.Objects;

/**
 * Contextual post-filtering (Adomavicius and Tuzhilin 2011): a context-free model ranks, then its scores are
 * re-weighted by how much more (or less) often each item is chosen in the request's context than overall.
 *
 * <p>For each context feature {@code f} of the configuration and each of its values {@code v}, the affinity of item
 * {@code i} is {@code a_f(i, v) = P(i | f = v) / P(i)}, estimated from the event counts of the training log (each
 * event counts once, whatever its value) with the configured smoothing; {@code P(i)} counts only events that have
 * feature {@code f}. For a request whose context has values {@code v_f} for some of the features, the combined
 * affinity is the product over those features, {@code A(i) = prod_f a_f(i, v_f)} (naive-Bayes style: features are
 * treated as independent given the item), and the score becomes {@code s'(i) = (s(i) + shift) * A(i)^strength},
 * where {@code shift = max(0, -min_i s(i))} makes every base score non-negative so that a larger affinity always
 * helps. Features absent from the request, and values never seen in training, are skipped. When no feature is
 * usable (for example an empty context) the base scores are returned unchanged, so the ranking is the base model's.
 *
 * <p>The affinities {@code a_f(i, v)^strength} are precomputed at fit time, one float per (value, item); scoring
 * costs the base model plus {@code O(items * features)} multiplications and allocates nothing.
 */
public final class ContextualPostFilter implements Trainer<ContextualPostFilter.PostFilterModel> {
  private final Trainer<?> base;
  private final PostFilterConfig config;

  /**
   * Creates a trainer that fits {@code base} and wraps its model.
   *
   * @param base the context-free trainer, not null
   * @param config the configuration, not null
   */
  public ContextualPostFilter(Trainer<?> base, PostFilterConfig config) {
    this.base = Objects.requireNonNull(base, "base");
    this.config = Objects.requireNonNull(config, "config");
  }

  /** {@return the configuration} */
  public PostFilterConfig config() {
    return config;
  }

  @Override
  public PostFilterModel fit(Dataset data) {
    return wrap(base.fit(data), data.log(), config);
  }

  /**
   * Wraps an already fitted model with affinities counted on {@code log}, which must index items as the model does
   * (typically the log the model was fitted on).
   *
   * @param model the fitted model whose scores are re-weighted
   * @param log the events whose contexts the affinities are counted on
   * @param config the configuration, not null
   * @return the wrapping model
   * @throws IllegalArgumentException if the log's items differ from the model's, or a configured feature does not
   *     occur in the log
   */
  public static PostFilterModel wrap(Model model, InteractionLog log, PostFilterConfig config) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(config, "config");
    if (!model.items().equals(log.items())) {
      throw new IllegalArgumentException("the log indexes " + log.items().size() + " items differently from the "
          + "model's " + model.items().size());
    }
    ContextSchema schema = ContextSchema.of(log, config.features());
    int items = model.itemCount();
    float[][] weights = new float[schema.size()][];
    for (int f = 0; f < schema.size(); f++) {
      weights[f] = affinities(log, schema, f, items, config);
    }
    return new PostFilterModel(model, schema, weights, config);
  }

  /** The affinities of feature {@code f}, raised to the strength, as one array indexed {@code value * items + i}. */
  private static float[] affinities(
      InteractionLog log, ContextSchema schema, int f, int items, PostFilterConfig config) {
    int values = schema.valueCount(f);
    long[] joint = new long[values * items];
    long[] perValue = new long[values];
    long[] perItem = new long[items];
    long total = 0;
    for (int e = 0; e < log.size(); e++) {
      int v = schema.eventCode(log, f, e);
      if (v >= 0) {
        int i = log.item(e);
        joint[v * items + i]++;
        perValue[v]++;
        perItem[i]++;
        total++;
      }
    }
    float[] out = new float[values * items];
    double alpha = config.prior();
    for (int i = 0; i < items; i++) {
      double pItem = config.smoothing() == PostFilterConfig.Smoothing.LAPLACE
          ? (perItem[i] + alpha) / (total + alpha * items)
          : (perItem[i] + 1.0) / (total + (double) items);
      for (int v = 0; v < values; v++) {
        double pGiven = config.smoothing() == PostFilterConfig.Smoothing.LAPLACE
            ? (joint[v * items + i] + alpha) / (perValue[v] + alpha * items)
            : (joint[v * items + i] + alpha * pItem) / (perValue[v] + alpha);
        out[v * items + i] = (float) StrictMath.pow(pGiven / pItem, config.strength());
      }
    }
    return out;
  }

  /**
   * A context-free model whose scores are re-weighted by item-context affinity. Immutable and thread-safe if the
   * base model is.
   */
  public static final class PostFilterModel implements Model {
    private final Model base;
    private final ContextSchema schema;
    private final float[][] weights;
    private final PostFilterConfig config;

    PostFilterModel(Model base, ContextSchema schema, float[][] weights, PostFilterConfig config) {
      this.base = base;
      this.schema = schema;
      this.weights = weights;
      this.config = config;
    }

    /** The context features used, for the codec. */
    ContextSchema schema() {
      return schema;
    }

    /** The affinities, one {@code values x items} array per feature, not copied: for the codec. */
    float[][] weightArrays() {
      return weights;
    }

    /** {@return the wrapped model} */
    public Model base() {
      return base;
    }

    /** {@return the configuration} */
    public PostFilterConfig config() {
      return config;
    }

    @Override
    public IdIndex items() {
      return base.items();
    }

    @Override
    public IdIndex users() {
      return base.users();
    }

    /**
     * Returns {@code a_f(item, value)^strength} for the named feature and value, or 1 if the feature is not used or
     * the value was never seen in training.
     *
     * @param feature the context feature name
     * @param value the feature's value in the request
     * @param item the item index
     * @return the multiplier of the item's score, &gt;= 0; 1 is neutral
     */
    public float affinity(String feature, String value, int item) {
      Objects.checkIndex(item, itemCount());
      for (int f = 0; f < schema.size(); f++) {
        if (schema.name(f).equals(feature)) {
          int v = schema.values(f).indexOf(Objects.requireNonNull(value, "value"));
          return v < 0 ? 1f : weights[f][v * itemCount() + item];
        }
      }
      return 1f;
    }

    @Override
    public void score(Query query, float[] scores) {
      base.score(query, scores);
      int n = itemCount();
      boolean shifted = false;
      for (int f = 0; f < schema.size(); f++) {
        int v = schema.code(f, query.context());
        if (v < 0) {
          continue;
        }
        if (!shifted) {
          shiftToNonNegative(scores, n);
          shifted = true;
        }
        float[] w = weights[f];
        int off = v * n;
        for (int i = 0; i < n; i++) {
          scores[i] *= w[off + i];
        }
      }
    }

    private static void shiftToNonNegative(float[] scores, int n) {
      float min = 0f;
      for (int i = 0; i < n; i++) {
        if (scores[i] < min && Float.isFinite(scores[i])) {
          min = scores[i]; // an excluded item at negative infinity must not make the shift infinite
        }
      }
      if (min < 0f) {
        for (int i = 0; i < n; i++) {
          scores[i] -= min;
        }
      }
    }
  }
}
