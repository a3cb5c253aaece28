package io.github.kindred.serve;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.math.FactorScoring;
import io.github.kindred.math.TopN;
import io.github.kindred.model.Query;
import io.github.kindred.serve.State.UserHistory;
import io.github.kindred.serve.pipeline.BusinessRules;
import io.github.kindred.serve.pipeline.CandidateStage;
import io.github.kindred.serve.pipeline.Candidates;
import io.github.kindred.serve.pipeline.Diversifier;
import io.github.kindred.serve.pipeline.ItemSimilarity;
import io.github.kindred.serve.pipeline.PopularityBlend;
import io.github.kindred.serve.pipeline.ScoreStage;
import io.github.kindred.serve.pipeline.Selection;
import java.util.Arrays;

/**
 * The request path of a {@link Recommender}: resolves whom a request is about ({@link Subject}), then runs the
 * stages of {@link io.github.kindred.serve.pipeline} in order: candidates, scores (model, score stages, popularity
 * blend), business rules, selection and re-ranking; explanations are computed on demand by the answer. A request
 * with no usable history is answered from the hot lists ({@link HotLists#answer}); the plain known-user request on
 * a dot-product model takes the fused path, which gives the same answer without writing a score array. Never
 * locks; per-thread scratch, so the plain path allocates only its result.
 */
final class Pipeline {
  private final Cache<String, CachedResult> userCache;
  private final HotLists hot;
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

  /** A cached answer and what it was computed from. */
  record CachedResult(Object signature, long epoch, UserHistory history, Recommendations result) {}

  Pipeline(Cache<String, CachedResult> userCache, HotLists hot) {
    this.userCache = userCache;
    this.hot = hot;
  }

  /** Answers {@code r} from state {@code s}. */
  Recommendations answer(State s, Request r) {
    Scratch sc = scratch.get();
    switch (r.kind()) {
      case USER:
        return forUser(s, r, sc);
      case SESSION:
        return forSession(s, r, sc);
      case NEW_USER:
        return forNewUser(s, r, sc);
      default:
        return similar(s, r, sc);
    }
  }

  private Recommendations forUser(State s, Request r, Scratch sc) {
    String userId = r.userId();
    UserHistory h = s.histories.get(userId);
    Object signature = userCache == null ? null : r.cacheSignature();
    if (signature != null) {
      CachedResult c = userCache.getIfPresent(userId);
      // The epoch covers model swaps and availability changes; the history identity covers the user's events.
      if (c != null && c.epoch == s.epoch && c.history == h && c.signature.equals(signature)) {
        return c.result;
      }
    }
    int base = h == null ? s.baseUser(userId) : -1;
    if (h != null ? h.modelCount == 0 : base < 0 || s.matrix.rowSize(base) == 0) {
      return h != null
          ? hot.answer(s, r, sc, userId, h.items, h.items.length)
          : hot.answer(s, r, sc, userId, null, 0);
    }
    Subject who = Subject.user(s, h, base);
    Recommendations out;
    if (fused(s, r, h)) {
      out = fusedTopN(s, r, sc, who);
    } else {
      Query q = h != null ? h.query : Query.forUser(base, s.matrix);
      if (!r.context().isEmpty()) {
        q = q.withContext(r.context());
      }
      if (r.sessionItemsView() != null) {
        q = withSessionEvents(s, r, q);
      }
      out = modelScored(s, r, sc, q, who);
    }
    if (signature != null) {
      userCache.put(userId, new CachedResult(signature, s.epoch, h, out));
    }
    return out;
  }

  private Recommendations forSession(State s, Request r, Scratch sc) {
    String[] ids = r.sessionItemsView();
    int[] all = new int[ids.length];
    int n = 0;
    for (String id : ids) {
      int i = s.catalog.indexOf(id);
      if (i >= 0) {
        all[n++] = i;
      }
    }
    int[] seen = Arrays.stream(all, 0, n).sorted().distinct().toArray();
    int known = 0;
    while (known < seen.length && seen[known] < s.modelCount) {
      known++;
    }
    if (known == 0) {
      return hot.answer(s, r, sc, null, seen, seen.length);
    }
    int[] session = Arrays.copyOf(seen, known);
    Query q = Query.ofItems(session);
    if (!r.context().isEmpty()) {
      q = q.withContext(r.context());
    }
    q = withSessionEvents(s, r, q);
    return modelScored(s, r, sc, q, Subject.session(session, seen));
  }

  private Recommendations forNewUser(State s, Request r, Scratch sc) {
    FeatureTable table = r.userFeatures();
    int row = table.rowOf(r.userId());
    if (s.featureScoring == null || row < 0) {
      return hot.answer(s, r, sc, r.userId(), null, 0);
    }
    float[] scores = sc.scores(s.modelCount);
    Candidates c = sc.candidates.all(s.modelCount);
    Query q = Query.empty().withContext(r.context());
    s.featureScoring.scoreForFeatures(table, row, q, scores);
    return rankAndSelect(s, r, sc, q, c, scores, Subject.NONE, true, Recommendations.Source.MODEL);
  }

  private Recommendations similar(State s, Request r, Scratch sc) {
    int q = s.catalog.indexOf(r.itemId());
    float[] scores = sc.scores(s.modelCount);
    Subject who = Subject.item(q);
    if (!similarTo(s, q, r.itemId(), sc, scores)) {
      return new Recommendations(s, Recommendations.Source.SIMILAR, new int[0], new float[0], who);
    }
    Candidates c = sc.candidates.all(s.modelCount);
    return rankAndSelect(s, r, sc, null, c, scores, who, false, Recommendations.Source.SIMILAR);
  }

  /** The query with the request's session events, as item indexes the model knows (others are skipped). */
  private static Query withSessionEvents(State s, Request r, Query q) {
    String[] ids = r.sessionItemsView();
    long[] times = r.sessionTimesView();
    int[] items = new int[ids.length];
    long[] at = new long[ids.length];
    int n = 0;
    for (int k = 0; k < ids.length; k++) {
      int i = s.catalog.indexOf(ids[k]);
      if (i >= 0 && i < s.modelCount) {
        items[n] = i;
        at[n++] = times[k];
      }
    }
    return q.withEvents(Arrays.copyOf(items, n), Arrays.copyOf(at, n));
  }

  // --------------------------------------------------------------------------------------------------- the stages

  /**
   * Candidates, scores, rules, selection and re-ranking of a model-scored request. Retrieved candidates that leave
   * fewer results than asked for after the rules are replaced by the exact full scan.
   */
  private Recommendations modelScored(State s, Request r, Scratch sc, Query q, Subject who) {
    State.Stages st = s.stages;
    long seen = r.excludeSeen() && who.seen != null ? who.seenTo - who.seenFrom : 0;
    long wanted = (long) Selection.poolSize(r.count(), r.diversity()) * st.overFetch + seen;
    Candidates c = sc.candidates.select(st.retriever, q, wanted, s.modelCount);
    Recommendations out = scoreAndSelect(s, r, sc, q, c, who);
    if (!c.isAll() && out.size() < r.count()) {
      out = scoreAndSelect(s, r, sc, q, sc.candidates.all(s.modelCount), who);
    }
    return out;
  }

  private Recommendations scoreAndSelect(State s, Request r, Scratch sc, Query q, Candidates c, Subject who) {
    float[] scores = sc.scores(s.modelCount);
    modelScores(s, sc, q, who, c, scores);
    for (ScoreStage stage : s.stages.scoreStages) {
      stage.score(q, c, scores);
    }
    return rankAndSelect(s, r, sc, q, c, scores, who, true, Recommendations.Source.MODEL);
  }

  /** Popularity blend (if {@code blend}), business rules, selection and re-ranking over scored candidates. */
  private static Recommendations rankAndSelect(State s, Request r, Scratch sc, Query q, Candidates c,
      float[] scores, Subject who, boolean blend, Recommendations.Source source) {
    if (blend && r.personalization() < 1f) {
      PopularityBlend.apply(s.popularity, c, scores, r.personalization());
    }
    if (!r.isPlain()) {
      rules(s, r).apply(c, scores);
    }
    if (s.unavailableCount > 0) {
      BusinessRules.excludeUnavailable(c, scores, s.unavailable);
    }
    if (r.excludeSeen() && who.seen != null) {
      BusinessRules.excludeSeen(c, scores, who.seen, who.seenFrom, who.seenTo);
    }
    TopN top = sc.top;
    top.reset(Selection.poolSize(r.count(), r.diversity()));
    Selection.select(c, scores, top);
    return finish(s, r, sc, top, source, who);
  }

  /**
   * The model's scores of the candidates. On the full scan the model writes the whole score array; on retrieved
   * candidates a dot-product model with a user vector at hand (the trained one, the folded-in one of a changed
   * history, or a fold-in of the session) scores just those, and any other model writes its full array (exact,
   * not faster).
   */
  private static void modelScores(State s, Scratch sc, Query q, Subject who, Candidates c, float[] scores) {
    float[] user = c.isAll() ? null : userVector(s, sc, q, who);
    if (user == null) {
      s.model.score(q, scores);
      return;
    }
    int d = s.dot.dimensions();
    float[] factors = s.dot.itemFactors();
    for (int k = 0; k < c.size(); k++) {
      int i = c.item(k);
      scores[i] = FactorScoring.dot(user, 0, factors, i * d, d);
    }
  }

  /** The vector the dot-product model scores {@code q} with, or null if there is none to hand. */
  private static float[] userVector(State s, Scratch sc, Query q, Subject who) {
    if (s.dot == null) {
      return null;
    }
    if (who.online != null) {
      return who.online.vector;
    }
    if (who.baseUser >= 0) {
      float[] v = sc.vector(s.dot.dimensions());
      s.dot.userVector(who.baseUser, v);
      return v;
    }
    if (s.foldIn != null && q.historySize() > 0) {
      float[] v = sc.vector(s.dot.dimensions());
      s.foldIn.foldIn(q.items(), q.weights(), v);
      return v;
    }
    return null;
  }

  /**
   * Whether the fused path answers {@code r}: a dot-product model, and no stage with anything to do (no rule,
   * unavailable item, blend, diversity, session, retriever or score stage).
   */
  private static boolean fused(State s, Request r, UserHistory h) {
    return s.dot != null && r.isPlain() && s.unavailableCount == 0 && (h == null || h.vector != null)
        && s.stages.plain() && r.sessionItemsView() == null;
  }

  /** Candidates, scores, seen-item exclusion and top-N in one pass ({@link FactorScoring#scoreTopN}). */
  private static Recommendations fusedTopN(State s, Request r, Scratch sc, Subject who) {
    float[] user;
    if (who.online != null) {
      user = who.online.vector;
    } else {
      user = sc.vector(s.dot.dimensions());
      s.dot.userVector(who.baseUser, user);
    }
    TopN top = sc.top;
    top.reset(r.count());
    boolean exclude = r.excludeSeen();
    FactorScoring.scoreTopN(s.dot.itemFactors(), s.modelCount, s.dot.dimensions(), user, who.seen,
        exclude ? who.seenFrom : 0, exclude ? who.seenTo : 0, top);
    return finish(s, r, sc, top, Recommendations.Source.MODEL, who);
  }

  /** The business rules of {@code r}, resolved against the item indexes of {@code s} (unknown ids dropped). */
  static BusinessRules rules(State s, Request r) {
    FeatureTable t = r.featureTable();
    String[] ids = r.boostIds();
    int[] boostItems = new int[ids.length];
    for (int k = 0; k < ids.length; k++) {
      boostItems[k] = s.catalog.indexOf(ids[k]);
    }
    return new BusinessRules(r.allow() == null ? null : BusinessRules.resolve(s.catalog::indexOf, r.allow()),
        BusinessRules.resolve(s.catalog::indexOf, r.deny()), r.where(), t, item -> t.rowOf(s.catalog.idOf(item)),
        BusinessRules.features(t, r.requiredFeatures()), BusinessRules.features(t, r.excludedFeatures()),
        boostItems, r.boostMultipliers(), r.boostAdditions());
  }

  /**
   * The scores stage of a similar-items request: writes the similarity of every model item to item {@code q} (-1
   * if the state does not know it; an online item is then looked up in the feature table by {@code id}): the
   * model's own similarities, else the cosine of item vectors, else of item features. The query item itself is
   * excluded.
   *
   * @return false if there is nothing to compare with (the item has neither vectors nor features)
   */
  private static boolean similarTo(State s, int q, String id, Scratch sc, float[] scores) {
    int m = s.modelCount;
    if (q >= 0 && q < m && s.similar != null) {
      s.similar.similarTo(q, scores);
    } else if (q >= 0 && q < m && s.vectors != null) {
      int d = s.vectors.dimensions();
      float[] qv = sc.vector(d);
      float[] iv = sc.vector2(d);
      s.vectors.itemVector(q, qv);
      for (int i = 0; i < m; i++) {
        s.vectors.itemVector(i, iv);
        float norm = s.itemNorms[q] * s.itemNorms[i];
        scores[i] = norm == 0f ? 0f : State.dot(qv, iv, d) / norm;
      }
    } else {
      FeatureTable t = s.data.itemFeatures();
      int qr = q >= 0 ? s.featureRow(q) : t.rowOf(id);
      if (qr < 0) {
        return false;
      }
      for (int i = 0; i < m; i++) {
        scores[i] = ItemSimilarity.featureCosine(t, qr, s.featureRow(i));
      }
    }
    if (q >= 0 && q < m) {
      scores[q] = Float.NEGATIVE_INFINITY;
    }
    return true;
  }

  /** Turns the pool held in {@code top} into the answer: drained in order, or re-ranked for diversity. */
  static Recommendations finish(State s, Request r, Scratch sc, TopN top, Recommendations.Source source,
      Subject who) {
    if (r.diversity() > 0f) {
      Diversifier dv = sc.diversifier;
      int[] pool = dv.pool(top);
      int n = Math.min(r.count(), dv.poolSize());
      int[] items = new int[n];
      float[] scores = new float[n];
      dv.rerank(r.count(), r.diversity(), poolSimilarity(s, sc, pool, dv.poolSize()), items, scores);
      return new Recommendations(s, source, items, scores, who);
    }
    int n = top.size();
    int[] items = new int[n];
    float[] scores = new float[n];
    top.drainTo(items, scores);
    return new Recommendations(s, source, items, scores, who);
  }

  /**
   * The similarity of pool entries for re-ranking: the cosine of item vectors when the model has them for every
   * pool item, else of item features; without either it is 0 and the order stays by score.
   */
  private static Diversifier.Similarity poolSimilarity(State s, Scratch sc, int[] pool, int p) {
    boolean useVectors = s.vectors != null;
    for (int c = 0; c < p && useVectors; c++) {
      useVectors = pool[c] < s.modelCount;
    }
    if (!useVectors) {
      int[] rows = new int[p];
      for (int c = 0; c < p; c++) {
        rows[c] = s.featureRow(pool[c]);
      }
      FeatureTable t = s.data.itemFeatures();
      return (a, b) -> ItemSimilarity.featureCosine(t, rows[a], rows[b]);
    }
    int d = s.vectors.dimensions();
    float[] vectors = sc.poolVectors(p * d);
    float[] buf = sc.vector2(d);
    float[] norms = new float[p];
    for (int c = 0; c < p; c++) {
      s.vectors.itemVector(pool[c], buf);
      System.arraycopy(buf, 0, vectors, c * d, d);
      norms[c] = s.itemNorms[pool[c]];
    }
    return (a, b) -> {
      float norm = norms[a] * norms[b];
      return norm == 0f ? 0f : FactorScoring.dot(vectors, a * d, vectors, b * d, d) / norm;
    };
  }

  /**
   * Per-thread scratch buffers of one recommender, reused across requests so that the scoring path allocates
   * nothing but its result. Buffers only grow. Never shared between threads (held in a {@link ThreadLocal}).
   */
  static final class Scratch {
    final TopN top = new TopN(16);
    private float[] scores = new float[0];
    private float[] vector = new float[0];
    private float[] vector2 = new float[0];
    final CandidateStage candidates = new CandidateStage();
    final Diversifier diversifier = new Diversifier();
    private float[] poolVectors = new float[0];

    float[] scores(int n) {
      if (scores.length < n) {
        scores = new float[n];
      }
      return scores;
    }

    float[] vector(int n) {
      if (vector.length < n) {
        vector = new float[n];
      }
      return vector;
    }

    float[] vector2(int n) {
      if (vector2.length < n) {
        vector2 = new float[n];
      }
      return vector2;
    }

    float[] poolVectors(int n) {
      if (poolVectors.length < n) {
        poolVectors = new float[n];
      }
      return poolVectors;
    }
  }
}
