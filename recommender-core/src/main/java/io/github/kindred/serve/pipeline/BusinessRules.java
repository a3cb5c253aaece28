package io.github.kindred.serve.pipeline;

import io.github.kindred.data.FeatureTable;
import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import java.util.function.ToIntFunction;

/**
 * The business-rules stage (internal): boosts, then the filters (allow and deny lists, an index predicate, required
 * and excluded features), then the exclusions (unavailable items, seen items), each over the candidates' scores. A
 * filtered-out item gets {@link Float#NEGATIVE_INFINITY}, which selection never picks; boosts touch finite scores
 * only, so their order with the filters does not matter. One instance holds the rules of one request, resolved to
 * item indexes; immutable.
 */
public final class BusinessRules {
  private final int[] allow;
  private final int[] deny;
  private final IntPredicate where;
  private final FeatureTable table;
  private final IntUnaryOperator featureRow;
  private final int[] required;
  private final int[] excluded;
  private final int[] boostItems;
  private final float[] multipliers;
  private final float[] additions;

  /**
   * The rules of one request, by item index (the caller resolves ids; an unknown id is simply absent).
   *
   * @param allow the only items allowed, ascending, or null to allow every item
   * @param deny items never recommended, ascending
   * @param where a predicate every recommended item index must pass, or null
   * @param table the feature table of the feature filters
   * @param featureRow the row of an item index in {@code table}, or -1 if the item has none
   * @param required feature indexes of {@code table} an item must have (non-zero); -1 (an unknown feature) passes
   *     no item
   * @param excluded feature indexes of {@code table} an item must not have; -1 excludes nothing
   * @param boostItems the boosted items (-1 for an unknown one), aligned with the next two arrays
   * @param multipliers each boosted item's score is multiplied by this
   * @param additions then this is added
   * @throws IllegalArgumentException if the boost arrays differ in length
   */
  public BusinessRules(int[] allow, int[] deny, IntPredicate where, FeatureTable table, IntUnaryOperator featureRow,
      int[] required, int[] excluded, int[] boostItems, float[] multipliers, float[] additions) {
    if (boostItems.length != multipliers.length || boostItems.length != additions.length) {
      throw new IllegalArgumentException("boosts: " + boostItems.length + " items, " + multipliers.length
          + " multipliers and " + additions.length + " additions");
    }
    this.allow = allow;
    this.deny = deny;
    this.where = where;
    this.table = table;
    this.featureRow = featureRow;
    this.required = required;
    this.excluded = excluded;
    this.boostItems = boostItems;
    this.multipliers = multipliers;
    this.additions = additions;
  }

  /**
   * Boosts, then filters the candidates' scores in place.
   *
   * @param c the candidates
   * @param scores their scores, by item index
   */
  public void apply(Candidates c, float[] scores) {
    for (int k = 0; k < boostItems.length; k++) {
      int i = boostItems[k];
      // Entries of items that are not candidates are never read afterwards, so boosting them is harmless.
      if (i >= 0 && i < scores.length && Float.isFinite(scores[i])) {
        scores[i] = scores[i] * multipliers[k] + additions[k];
      }
    }
    int n = c.size();
    for (int k = 0; k < n; k++) {
      int i = c.item(k);
      if (!passes(i)) {
        scores[i] = Float.NEGATIVE_INFINITY;
      }
    }
  }

  /**
   * Whether {@code item} passes the filters (availability and seen items aside).
   *
   * @param item an item index
   * @return whether the filters let it through
   */
  public boolean passes(int item) {
    if (allow != null && Arrays.binarySearch(allow, item) < 0) {
      return false;
    }
    if (deny.length > 0 && Arrays.binarySearch(deny, item) >= 0) {
      return false;
    }
    if (where != null && !where.test(item)) {
      return false;
    }
    if (required.length > 0 || excluded.length > 0) {
      int row = featureRow.applyAsInt(item);
      for (int f : required) {
        if (row < 0 || f < 0 || table.value(row, f) == 0f) {
          return false;
        }
      }
      for (int f : excluded) {
        if (row >= 0 && f >= 0 && table.value(row, f) != 0f) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The boosted score of one item (for lists scored elsewhere, such as hot lists).
   *
   * @param item an item index
   * @param score its score
   * @return the score after this request's boost of the item, if any
   */
  public float boost(int item, float score) {
    for (int k = 0; k < boostItems.length; k++) {
      if (boostItems[k] == item) {
        return score * multipliers[k] + additions[k];
      }
    }
    return score;
  }

  /**
   * Drops the unavailable candidates.
   *
   * @param c the candidates
   * @param scores their scores, by item index
   * @param unavailable whether each item index is unavailable
   */
  public static void excludeUnavailable(Candidates c, float[] scores, boolean[] unavailable) {
    int n = c.size();
    for (int k = 0; k < n; k++) {
      int i = c.item(k);
      if (unavailable[i]) {
        scores[i] = Float.NEGATIVE_INFINITY;
      }
    }
  }

  /**
   * Drops the seen items {@code seen[from..to)} (ascending) from the candidates.
   *
   * @param c the candidates
   * @param scores their scores, by item index
   * @param seen item indexes, ascending in {@code [from, to)}
   * @param from the first seen entry
   * @param to one past the last seen entry
   */
  public static void excludeSeen(Candidates c, float[] scores, int[] seen, int from, int to) {
    if (c.isAll()) {
      // Cheaper to walk the (short) history than to search it once per item of the catalogue.
      int m = c.size();
      for (int k = from; k < to; k++) {
        int i = seen[k];
        if (i < m) {
          scores[i] = Float.NEGATIVE_INFINITY;
        }
      }
      return;
    }
    for (int k = 0; k < c.size(); k++) {
      int i = c.item(k);
      if (Arrays.binarySearch(seen, from, to, i) >= 0) {
        scores[i] = Float.NEGATIVE_INFINITY;
      }
    }
  }

  /**
   * Resolves item ids to indexes, for the allow and deny lists.
   *
   * @param indexOf the item index of an id, or -1 if unknown
   * @param ids the ids
   * @return the indexes of the known ids, ascending
   */
  public static int[] resolve(ToIntFunction<String> indexOf, String[] ids) {
    int[] out = new int[ids.length];
    int n = 0;
    for (String id : ids) {
      int i = indexOf.applyAsInt(id);
      if (i >= 0) {
        out[n++] = i;
      }
    }
    int[] sorted = Arrays.copyOf(out, n);
    Arrays.sort(sorted);
    return sorted;
  }

  /**
   * Resolves feature names to indexes of a table, for the feature filters.
   *
   * @param t the table (not read when {@code names} is empty)
   * @param names feature names such as {@code category=plumbing}
   * @return their indexes in {@code t}, -1 for an unknown name, aligned with {@code names}
   */
  public static int[] features(FeatureTable t, String[] names) {
    int[] out = new int[names.length];
    for (int k = 0; k < names.length; k++) {
      out[k] = t.features().indexOf(names[k]);
    }
    return out;
  }
}
