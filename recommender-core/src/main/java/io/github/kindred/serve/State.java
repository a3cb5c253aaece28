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
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

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

  private State(long version, long epoch, Model model, Dataset data, Catalog catalog, float[] itemNorms,
      int[] featureRows, ConcurrentHashMap<String, UserHistory> histories, int[] popularity, boolean[] unavailable,
      int unavailableCount, Journal journal) {
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
        new ConcurrentHashMap<>(), popularity, new boolean[popularity.length], 0, Journal.empty());
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
        unavailable, unavailableCount, journal);
  }

  State withJournal(Journal j) {
    return new State(version, epoch, model, data, catalog, itemNorms, featureRows, histories, popularity,
        unavailable, unavailableCount, j);
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
        unavailableCount, journal);
  }

  /** A state with item {@code item} (un)available; a new epoch, since cached results may now be wrong. */
  State withAvailability(int item, boolean available) {
    if (unavailable[item] == !available) {
      return this;
    }
    boolean[] unav = unavailable.clone();
    unav[item] = !available;
    return new State(version, epoch + 1, model, data, catalog, itemNorms, featureRows, histories, popularity, unav,
        unavailableCount + (available ? -1 : 1), journal);
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

  static float dot(float[] a, float[] b, int n) {
    float s = 0f;
    for (int f = 0; f < n; f++) {
      s += a[f] * b[f];
    }
    return s;
  }
}
