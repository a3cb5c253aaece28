package io.github.kindred.serve;

import io.github.kindred.model.Query;
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
  private final UserHistory online;
  private final int baseUser;
  private final int[] session;
  private final int queryItem;

  Recommendations(State state, Source source, int[] items, float[] scores, UserHistory online, int baseUser,
      int[] session, int queryItem) {
    this.state = state;
    this.source = source;
    this.items = items;
    this.scores = scores;
    this.online = online;
    this.baseUser = baseUser;
    this.session = session;
    this.queryItem = queryItem;
    this.ids = new String[items.length];
    for (int k = 0; k < items.length; k++) {
      ids[k] = state.catalog.idOf(items[k]);
    }
  }

  /** Where the items came from. */
  public Source source() {
    return source;
  }

  /** Number of items (at most the requested count; fewer when fewer items pass the filters). */
  public int size() {
    return items.length;
  }

  /** The external id of the item at rank {@code k} (0 is best). */
  public String itemId(int k) {
    return ids[k];
  }

  /** The score of the item at rank {@code k}; the scale depends on the source and the model. */
  public float score(int k) {
    return scores[k];
  }

  /** The item ids, best first, as an unmodifiable list. */
  public List<String> itemIds() {
    return Collections.unmodifiableList(Arrays.asList(ids));
  }

  /** A copy of the scores, aligned with {@link #itemIds()}. */
  public float[] scores() {
    return scores.clone();
  }

  /** The model generation that answered (0 for the model the recommender was built with). */
  public long modelVersion() {
    return state.version;
  }

  /**
   * Why the item at rank {@code k} is there. For a model-scored item: the additive contributions of the history
   * items when the model is {@link io.github.kindred.model.Explainable} (they sum to the model's own score, before
   * any blend or boost), otherwise the history items nearest to it in the model's item-vector space; for a hot-list
   * item, its popularity; for a similar item, the query item. Costs up to one pass over the history.
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
            List.of(new Explanation.Evidence(state.catalog.idOf(queryItem), scores[k])), popularity);
      default:
        return explainModel(item, popularity);
    }
  }

  /** The explanations of every item, best first. */
  public List<Explanation> explanations() {
    List<Explanation> out = new ArrayList<>(items.length);
    for (int k = 0; k < items.length; k++) {
      out.add(explanation(k));
    }
    return out;
  }

  private Explanation explainModel(int item, int popularity) {
    Query query = query();
    if (query == null || item >= state.modelCount) {
      return new Explanation(Explanation.Reason.MODEL, List.of(), popularity);
    }
    int h = query.historySize();
    List<Explanation.Evidence> evidence = new ArrayList<>();
    if (state.explainable != null) {
      float[] contributions = new float[h];
      state.explainable.contributions(query, item, contributions);
      for (int j = 0; j < h; j++) {
        if (contributions[j] != 0f) {
          evidence.add(new Explanation.Evidence(state.catalog.idOf(query.item(j)), contributions[j]));
        }
      }
      evidence.sort((a, b) -> Float.compare(b.weight(), a.weight()));
      return new Explanation(Explanation.Reason.HISTORY_CONTRIBUTIONS, evidence, popularity);
    }
    if (state.vectors != null) {
      int d = state.vectors.dimensions();
      float[] target = new float[d];
      float[] other = new float[d];
      state.vectors.itemVector(item, target);
      for (int j = 0; j < h; j++) {
        int hi = query.item(j);
        state.vectors.itemVector(hi, other);
        float norm = state.itemNorms[item] * state.itemNorms[hi];
        evidence.add(new Explanation.Evidence(state.catalog.idOf(hi),
            norm == 0f ? 0f : State.dot(target, other, d) / norm));
      }
      evidence.sort((a, b) -> Float.compare(b.weight(), a.weight()));
      return new Explanation(Explanation.Reason.NEAREST_HISTORY,
          evidence.subList(0, Math.min(NEAREST, evidence.size())), popularity);
    }
    return new Explanation(Explanation.Reason.MODEL, List.of(), popularity);
  }

  /** How many nearest history items a vector-space explanation lists. */
  private static final int NEAREST = 3;

  /** The model query that produced a model-scored answer (rebuilt, since the plain path never builds one). */
  private Query query() {
    if (online != null) {
      return online.query;
    }
    if (baseUser >= 0) {
      return Query.forUser(baseUser, state.matrix);
    }
    if (session != null && session.length > 0) {
      return Query.ofItems(session);
    }
    return null;
  }
}
