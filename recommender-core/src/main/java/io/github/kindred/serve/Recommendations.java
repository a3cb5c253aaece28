package io.github.kindred.serve;

import io.github.kindred.model.Query;
import io.github.kindred.serve.pipeline.ItemSimilarity;
import io.github.kindred.serve.pipeline.Reasons;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The answer to a {@link Request}: item ids, best first, with their final scores (after any popularity blend and
 * boosts; diversity re-ranking changes the order, not the scores), and an explanation per item, computed on demand
 * from the state that produced the answer. Immutable and safe to share between threads.
 */
public final class Recommendations {
  /** Where the items came from. */
  public enum Source {
    /** The model scored them. */
    MODEL,
    /** A popular hot list (a cold or anonymous request with no usable history). */
    POPULAR,
    /** A trending hot list. */
    TRENDING,
    /** A similar-items request. */
    SIMILAR
  }

  private final State state;
  private final Source source;
  private final int[] items;
  private final String[] ids;
  private final float[] scores;
  private final Subject who;

  Recommendations(State state, Source source, int[] items, float[] scores, Subject who) {
    this.state = state;
    this.source = source;
    this.items = items;
    this.scores = scores;
    this.who = who;
    this.ids = new String[items.length];
    for (int k = 0; k < items.length; k++) {
      ids[k] = state.catalog.idOf(items[k]);
    }
  }

  /** {@return where the items came from} */
  public Source source() {
    return source;
  }

  /** {@return number of items (at most the requested count; fewer when fewer items pass the filters)} */
  public int size() {
    return items.length;
  }

  /**
   * The external id of the item at rank {@code k}.
   *
   * @param k the rank, 0 (best) to {@code size() - 1}
   * @return the item id
   * @throws ArrayIndexOutOfBoundsException if {@code k} is out of range
   */
  public String itemId(int k) {
    return ids[k];
  }

  /**
   * The score of the item at rank {@code k}; the scale depends on the source and the model.
   *
   * @param k the rank, 0 (best) to {@code size() - 1}
   * @return the score
   * @throws ArrayIndexOutOfBoundsException if {@code k} is out of range
   */
  public float score(int k) {
    return scores[k];
  }

  /** {@return the item ids, best first, as an unmodifiable list} */
  public List<String> itemIds() {
    return Collections.unmodifiableList(Arrays.asList(ids));
  }

  /** {@return a copy of the scores, aligned with {@link #itemIds()}} */
  public float[] scores() {
    return scores.clone();
  }

  /** {@return the model generation that answered (0 for the model the recommender was built with)} */
  public long modelVersion() {
    return state.version;
  }

  /**
   * Why the item at rank {@code k} is there. For a model-scored item: the additive contributions of the history
   * items when the model is {@link io.github.kindred.model.Explainable} (they sum to the model's own score, before
   * any blend or boost), otherwise the history items nearest to it in the model's item-vector space; only positive
   * contributions and similarities are reasons (a history item that lowered the score is not shown); for a hot-list
   * item, its popularity; for a similar item, the query item. Costs up to one pass over the history.
   *
   * @param k the rank, 0 (best) to {@code size() - 1}
   * @return the explanation
   * @throws ArrayIndexOutOfBoundsException if {@code k} is out of range
   */
  public Explanation explanation(int k) {
    int item = items[k];
    int popularity = item < state.popularity.length ? state.popularity[item] : 0;
    switch (source) {
      case POPULAR:
        return new Explanation(Explanation.Reason.POPULARITY, List.of(), popularity);
      case TRENDING:
        return new Explanation(Explanation.Reason.TRENDING, List.of(), popularity);
      case SIMILAR:
        return new Explanation(Explanation.Reason.SIMILAR_TO_ITEM,
            List.of(new Explanation.Evidence(state.catalog.idOf(who.queryItem), scores[k])), popularity);
      default:
        return explainModel(item, popularity);
    }
  }

  /** {@return the explanations of every item, best first} */
  public List<Explanation> explanations() {
    List<Explanation> out = new ArrayList<>(items.length);
    for (int k = 0; k < items.length; k++) {
      out.add(explanation(k));
    }
    return out;
  }

  private Explanation explainModel(int item, int popularity) {
    Query query = who.explanationQuery(state);
    if (query == null || item >= state.modelCount) {
      return new Explanation(Explanation.Reason.MODEL, List.of(), popularity);
    }
    int h = query.historySize();
    float[] weights = new float[h];
    Explanation.Reason reason;
    int limit;
    if (state.explainable != null) {
      state.explainable.contributions(query, item, weights);
      reason = Explanation.Reason.HISTORY_CONTRIBUTIONS;
      limit = h;
    } else if (state.vectors != null) {
      int d = state.vectors.dimensions();
      float[] target = new float[d];
      float[] other = new float[d];
      state.vectors.itemVector(item, target);
      for (int j = 0; j < h; j++) {
        int hi = query.item(j);
        state.vectors.itemVector(hi, other);
        weights[j] = ItemSimilarity.vectorCosine(target, 0, state.itemNorms[item], other, 0, state.itemNorms[hi], d);
      }
      reason = Explanation.Reason.NEAREST_HISTORY;
      limit = NEAREST;
    } else {
      return new Explanation(Explanation.Reason.MODEL, List.of(), popularity);
    }
    int[] order = new int[h];
    int n = Reasons.strongest(weights, h, limit, order);
    List<Explanation.Evidence> evidence = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      evidence.add(new Explanation.Evidence(state.catalog.idOf(query.item(order[k])), weights[order[k]]));
    }
    return new Explanation(reason, evidence, popularity);
  }

  /** How many nearest history items a vector-space explanation lists. */
  private static final int NEAREST = 3;
}
