package io.github.kindred.serve;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.DotProductScoring;
import io.github.kindred.model.Explainable;
import io.github.kindred.model.FoldIn;
import io.github.kindred.model.ItemVectors;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.model.SimilarItems;
import io.github.kindred.model.UserFeatureScoring;
import io.github.kindred.serve.pipeline.CandidateRetriever;
import io.github.kindred.serve.pipeline.ScoreStage;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * One published snapshot of everything a request reads. Every field is final; a writer publishes a changed
 * snapshot through the recommender's volatile field. Two parts are shared by the snapshots of one model generation
 * and written in place by the single writer: the map of changed user histories (a {@link ConcurrentHashMap}, whose
 * values are immutable {@link UserHistory} objects, so readers see a whole old or a whole new history), and the
 * popularity counts (an {@code int[]}, whose elements a reader sees before or after an event, never torn).
 */
final class State {
  final long version;
  final long epoch;
  final Model model;
  final Dataset data;
  final InteractionMatrix matrix;
  final IdIndex users;
  final Catalog catalog;
  final int modelCount;
  final DotProductScoring dot;
  final FoldIn foldIn;
  final ItemVectors vectors;
  final SimilarItems similar;
  final Explainable explainable;
  final UserFeatureScoring featureScoring;
  /** Euclidean norm of every model item vector, or null when the model has no item vectors. */
  final float[] itemNorms;
  /** Row of every model item in the dataset's item feature table (-1 if absent), or null without features. */
  final int[] featureRows;
  final ConcurrentHashMap<String, UserHistory> histories;
  final int[] popularity;
  final boolean[] unavailable;
  final int unavailableCount;
  final Journal journal;
  /** The pluggable stages of this model generation. */
  final Stages stages;

  private State(long version, long epoch, Model model, Dataset data, Catalog catalog, float[] itemNorms,
      int[] featureRows, ConcurrentHashMap<String, UserHistory> histories, int[] popularity, boolean[] unavailable,
      int unavailableCount, Journal journal, Stages stages) {
    this.version = version;
    this.epoch = epoch;
    this.model = model;
    this.data = data;
    this.matrix = data.matrix();
    this.users = data.users();
    this.catalog = catalog;
    this.modelCount = catalog.modelCount();
    this.dot = model instanceof DotProductScoring d ? d : null;
    this.foldIn = model instanceof FoldIn f ? f : null;
    this.vectors = model instanceof ItemVectors v ? v : null;
    this.similar = model instanceof SimilarItems s ? s : null;
    this.explainable = model instanceof Explainable e ? e : null;
    this.featureScoring = model instanceof UserFeatureScoring u ? u : null;
    this.itemNorms = itemNorms;
    this.featureRows = featureRows;
    this.histories = histories;
    this.popularity = popularity;
    this.unavailable = unavailable;
    this.unavailableCount = unavailableCount;
    this.journal = journal;
    this.stages = stages;
  }

  /**
   * The state of a freshly swapped-in model with no online events: popularity from the dataset, nothing unavailable.
   * The model's items are the dataset's items, possibly followed by items it knows from their features alone
   * (content and feature-aware models score cold items); those have no interactions and popularity 0.
   *
   * @throws IllegalArgumentException if the model was not fitted on {@code data}'s item and user indexes
   */
  static State of(Model model, Dataset data, long version, long epoch) {
    if (!extendsItems(model.items(), data.items())) {
      throw new IllegalArgumentException("the model's items (" + model.items().size()
          + ") do not start with the dataset's items (" + data.items().size() + "): fit the model on this dataset");
    }
    if (!model.users().equals(data.users())) {
      throw new IllegalArgumentException("the model's users (" + model.users().size()
          + ") are not the dataset's users (" + data.users().size() + "): fit the model on this dataset");
    }
    int m = model.itemCount();
    float[] norms = null;
    if (model instanceof ItemVectors v) {
      norms = new float[m];
      float[] buf = new float[v.dimensions()];
      for (int i = 0; i < m; i++) {
        v.itemVector(i, buf);
        norms[i] = (float) Math.sqrt(dot(buf, buf, buf.length));
      }
    }
    int[] featureRows = data.itemFeatures().entities().size() == 0 ? null : data.itemFeatures().rowsFor(model.items());
    int[] popularity = new int[Math.max(16, m)];
    for (int i = 0; i < data.itemCount(); i++) {
      popularity[i] = data.matrix().columnSize(i);
    }
    return new State(version, epoch, model, data, new Catalog(model.items()), norms, featureRows,
        new ConcurrentHashMap<>(), popularity, new boolean[popularity.length], 0, Journal.empty(), Stages.NONE);
  }

  /** Whether {@code model} lists the items of {@code data} first, in the same order. */
  private static boolean extendsItems(IdIndex model, IdIndex data) {
    if (model.size() < data.size()) {
      return false;
    }
    for (int i = 0; i < data.size(); i++) {
      if (!model.idOf(i).equals(data.idOf(i))) {
        return false;
      }
    }
    return true;
  }

  /** This state as generation {@code version}, epoch {@code epoch}; only for a state not yet published. */
  State withVersion(long version, long epoch) {
    return new State(version, epoch, model, data, catalog, itemNorms, featureRows, histories, popularity,
        unavailable, unavailableCount, journal, stages);
  }

  State withJournal(Journal j) {
    return new State(version, epoch, model, data, catalog, itemNorms, featureRows, histories, popularity,
        unavailable, unavailableCount, j, stages);
  }

  /** A state whose catalogue has {@code id} appended, growing the per-item arrays when full. */
  State withItem(String id) {
    Catalog c = catalog.with(id);
    int[] pop = popularity;
    boolean[] unav = unavailable;
    if (c.size() > pop.length) {
      pop = Arrays.copyOf(pop, pop.length * 2);
      unav = Arrays.copyOf(unav, pop.length);
    }
    return new State(version, epoch, model, data, c, itemNorms, featureRows, histories, pop, unav,
        unavailableCount, journal, stages);
  }

  /** A state with item {@code item} (un)available; a new epoch, since cached results may now be wrong. */
  State withAvailability(int item, boolean available) {
    if (unavailable[item] == !available) {
      return this;
    }
    boolean[] unav = unavailable.clone();
    unav[item] = !available;
    return new State(version, epoch + 1, model, data, catalog, itemNorms, featureRows, histories, popularity, unav,
        unavailableCount + (available ? -1 : 1), journal, stages);
  }

  /** This state with the stages of its generation; only for a state not yet published. */
  State withStages(Stages st) {
    return new State(version, epoch, model, data, catalog, itemNorms, featureRows, histories, popularity,
        unavailable, unavailableCount, journal, st);
  }

  /**
   * Applies one ingested event (under the writer lock) and returns the state to publish: the item is added to the
   * catalogue if new (unavailable if {@code unavailable} says so), the user's history gains it (values of a seen
   * item add up) and a new item of the history counts for popularity; the event is journaled.
   */
  State withEvent(Event e, Predicate<String> unavailable) {
    State s = this;
    int item = s.catalog.indexOf(e.itemId());
    if (item < 0) {
      s = s.withItem(e.itemId());
      item = s.catalog.size() - 1;
      if (unavailable.test(e.itemId())) {
        s = s.withAvailability(item, false);
      }
    }
    String userId = e.userId();
    UserHistory old = s.histories.get(userId);
    int[] items = old != null ? old.items : s.historyItems(userId);
    float[] weights;
    if (old != null) {
      weights = old.weights;
    } else {
      int u = s.baseUser(userId);
      weights = u < 0 ? new float[0] : s.matrix.rowValues(u);
    }
    int pos = Arrays.binarySearch(items, item);
    int[] newItems = items;
    float[] newWeights;
    if (pos >= 0) {
      newWeights = weights.clone();
      newWeights[pos] += e.value();
    } else {
      int at = -pos - 1;
      newItems = new int[items.length + 1];
      newWeights = new float[items.length + 1];
      System.arraycopy(items, 0, newItems, 0, at);
      System.arraycopy(weights, 0, newWeights, 0, at);
      newItems[at] = item;
      newWeights[at] = e.value();
      System.arraycopy(items, at, newItems, at + 1, items.length - at);
      System.arraycopy(weights, at, newWeights, at + 1, items.length - at);
      s.popularity[item]++;
    }
    s.histories.put(userId, s.makeHistory(userId, newItems, newWeights, old != null && old.deleted));
    return s.withJournal(s.journal.append(e));
  }

  /** Hides the dataset rows of a deleted user: a tombstone history, and their popularity removed. */
  State hide(String userId) {
    int u = baseUser(userId);
    if (u >= 0) {
      for (int i : matrix.row(u)) {
        popularity[i]--;
      }
      histories.put(userId, makeHistory(userId, new int[0], new float[0], true));
    }
    return this;
  }

  /** Whether this state holds anything about {@code userId} (a non-empty changed history, or a dataset row). */
  boolean knows(String userId) {
    UserHistory h = histories.get(userId);
    return h != null ? h.items.length > 0 : baseUser(userId) >= 0;
  }

  /**
   * Forgets a user (under the writer lock): their changed history and its popularity, their dataset row hidden
   * behind a tombstone, and their journaled events.
   */
  State withoutUser(String userId) {
    State s = this;
    UserHistory h = histories.get(userId);
    if (h != null) {
      for (int i : h.items) {
        popularity[i]--;
      }
      histories.remove(userId);
      if (baseUser(userId) >= 0) {
        histories.put(userId, makeHistory(userId, new int[0], new float[0], true));
      }
    } else {
      s = hide(userId);
    }
    return s.withJournal(s.journal.filter(e -> !e.userId().equals(userId)));
  }

  /** This fresh state with the deletions and the unavailability marks carried over from the one before. */
  State withMarks(Iterable<String> deletedUsers, Iterable<String> unavailableItems) {
    State s = this;
    for (String userId : deletedUsers) {
      s = s.hide(userId);
    }
    for (String itemId : unavailableItems) {
      int i = s.catalog.indexOf(itemId);
      if (i >= 0) {
        s = s.withAvailability(i, false);
      }
    }
    return s;
  }

  /** The item indexes of the user's current history (dataset row or changed history), ascending; empty if none. */
  int[] historyItems(String userId) {
    UserHistory h = histories.get(userId);
    if (h != null) {
      return h.items;
    }
    int u = baseUser(userId);
    return u < 0 ? new int[0] : matrix.row(u);
  }

  /** The summed value of {@code itemId} in the user's current history, 0 if absent. */
  float historyWeight(String userId, String itemId) {
    int i = catalog.indexOf(itemId);
    UserHistory h = histories.get(userId);
    if (i < 0) {
      return 0f;
    }
    if (h != null) {
      int k = Arrays.binarySearch(h.items, i);
      return k < 0 ? 0f : h.weights[k];
    }
    int u = baseUser(userId);
    return u < 0 || i >= matrix.columns() ? 0f : matrix.get(u, i);
  }

  /** The dataset row of {@code userId}, or -1. */
  int baseUser(String userId) {
    return users.indexOf(userId);
  }

  /**
   * Builds the history object of {@code userId} for this generation's model: the model query over the items it
   * knows and, for dot-product models with fold-in, the folded-in vector.
   */
  UserHistory makeHistory(String userId, int[] items, float[] weights, boolean deleted) {
    int known = 0;
    while (known < items.length && items[known] < modelCount) {
      known++;
    }
    Query query = null;
    float[] vector = null;
    if (known > 0) {
      int[] ki = Arrays.copyOf(items, known);
      float[] kw = Arrays.copyOf(weights, known);
      // A model with fold-in must fold the updated history, not reuse the trained vector of the user: hence an
      // anonymous query. Other models keep the user index (a history-based model ignores it anyway).
      int user = foldIn != null ? Query.ANONYMOUS : users.indexOf(userId);
      query = Query.of(Math.max(user, Query.ANONYMOUS), ki, kw);
      if (dot != null && foldIn != null) {
        vector = new float[foldIn.dimensions()];
        foldIn.foldIn(ki, kw, vector);
      }
    }
    return new UserHistory(items, weights, known, deleted, query, vector);
  }

  /** The row of {@code item} in the dataset's item feature table, or -1. */
  int featureRow(int item) {
    if (item < modelCount) {
      return featureRows == null ? -1 : featureRows[item];
    }
    return data.itemFeatures().rowOf(catalog.idOf(item));
  }

  static float dot(float[] a, float[] b, int n) {
    float s = 0f;
    for (int f = 0; f < n; f++) {
      s += a[f] * b[f];
    }
    return s;
  }

  /**
   * The pluggable stages of one model generation, built from the recommender's factories when a model starts
   * serving (construction and every swap): the candidate retriever (null for the exact full scan) and the score
   * stages in the order they were added. Immutable.
   */
  static final class Stages {
    /** No retriever and no score stages: the exact full scan and the model's own scores. */
    static final Stages NONE = new Stages(null, 1, new ScoreStage[0]);

    /** The retriever of this generation, or null. */
    final CandidateRetriever retriever;
    /** How many candidates the retriever is asked for per result selected, >= 1. */
    final int overFetch;
    /** The score stages, in order. */
    final ScoreStage[] scoreStages;

    private Stages(CandidateRetriever retriever, int overFetch, ScoreStage[] scoreStages) {
      this.retriever = retriever;
      this.overFetch = overFetch;
      this.scoreStages = scoreStages;
    }

    /** Whether requests score every item with the model alone, so the fused top-N path may answer them. */
    boolean plain() {
      return retriever == null && scoreStages.length == 0;
    }
  }

  /** The recommender's stage factories, applied to each generation by {@link #build}. */
  record Factories(CandidateRetriever.Factory retrieval, int overFetch, List<ScoreStage.Factory> scoreStages) {
    Factories {
      scoreStages = List.copyOf(scoreStages);
    }

    /**
     * Builds the stages of the generation serving {@code model} over {@code data}.
     *
     * @throws NullPointerException if a score-stage factory returns null
     */
    Stages build(Model model, Dataset data) {
      if (retrieval == null && scoreStages.isEmpty()) {
        return Stages.NONE;
      }
      CandidateRetriever retriever = retrieval == null ? null : retrieval.build(model);
      ScoreStage[] stages = new ScoreStage[scoreStages.size()];
      for (int k = 0; k < stages.length; k++) {
        stages[k] = Objects.requireNonNull(scoreStages.get(k).build(model, data),
            "score stage factory " + k + " returned null");
      }
      return new Stages(retriever, overFetch, stages);
    }
  }

  /**
   * The effective history of one user whose history changed since the model's dataset (events ingested, or the user
   * deleted), in the index space of one model generation. Immutable; a new event produces a new instance.
   */
  static final class UserHistory {
    /** Item indexes, ascending. Items the model knows come first, since their indexes are the smallest. */
    final int[] items;
    /** The summed value of each item, aligned with {@link #items}. */
    final float[] weights;
    /** How many leading entries of {@link #items} the model knows. */
    final int modelCount;
    /** Whether the user was deleted: the rows of the dataset never count for them again. */
    final boolean deleted;
    /** The query the model scores for this history, or null if the model knows none of its items. */
    final Query query;
    /** The folded-in user vector (models with fold-in and dot-product scoring), or null. */
    final float[] vector;

    UserHistory(int[] items, float[] weights, int modelCount, boolean deleted, Query query, float[] vector) {
      this.items = items;
      this.weights = weights;
      this.modelCount = modelCount;
      this.deleted = deleted;
      this.query = query;
      this.vector = vector;
    }
  }
}
