package io.github.kindred.serve;

import java.util.List;

/**
 * Why an item was recommended.
 *
 * @param reason the kind of evidence
 * @param evidence the items behind it, strongest first, each with a positive weight (items that lowered the score or
 *     point away from the item are no reasons): for {@link Reason#HISTORY_CONTRIBUTIONS} every history item with a
 *     positive additive contribution (all contributions sum to the model score); for {@link Reason#NEAREST_HISTORY}
 *     up to three history items closest in the model's vector space, with a positive cosine; for
 *     {@link Reason#SIMILAR_TO_ITEM} the query item with its similarity; empty for the popularity reasons
 * @param popularity the number of distinct users who interacted with the item (always filled)
 */
public record Explanation(Reason reason, List<Evidence> evidence, int popularity) {
  /**
   * Copies the evidence list.
   *
   * @param reason the kind of evidence
   * @param evidence the items behind it, strongest first (copied)
   * @param popularity the number of distinct users who interacted with the item
   * @throws NullPointerException if {@code evidence} or one of its elements is null
   */
  public Explanation {
    evidence = List.copyOf(evidence);
  }

  /** The kinds of evidence. */
  public enum Reason {
    /** Additive contributions of the user's history items (models implementing model.Explainable). */
    HISTORY_CONTRIBUTIONS,
    /** The history items nearest to the recommended item in the model's item-vector space. */
    NEAREST_HISTORY,
    /** A similar-items request: similarity to the query item. */
    SIMILAR_TO_ITEM,
    /** A model score that the model cannot break down (no history-based evidence). */
    MODEL,
    /** The item came from a popular hot list. */
    POPULARITY,
    /** The item came from a trending hot list. */
    TRENDING
  }

  /**
   * One item behind an explanation.
   *
   * @param itemId the external id of the history (or query) item
   * @param weight its contribution or similarity
   */
  public record Evidence(String itemId, float weight) {}
}
