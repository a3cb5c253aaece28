package io.github.kindred.repeat;

/**
 * Why {@link RepeatModel} scored an item for a customer: the customer's own purchases of it and the two parts of
 * its score.
 *
 * @param purchases baskets of the customer that contained the item (0: never bought)
 * @param basketsAgo baskets between the newest one with the item and the customer's newest basket (0: the last
 *     basket); -1 if never bought
 * @param secondsAgo the model's reference time minus the time of that basket, in the unit of the timestamps
 *     (seconds for event data, basket numbers for basket-indexed data); -1 if never bought
 * @param own the part of the score from the customer's own history ({@code alpha} times the representation)
 * @param collaborative the part from the nearest customers
 */
public record RepeatExplanation(int purchases, int basketsAgo, long secondsAgo, float own, float collaborative) {
  private static final long DAY = 86_400;

  /**
   * Validates the counts.
   *
   * @param purchases see the record description
   * @param basketsAgo see the record description
   * @param secondsAgo see the record description
   * @param own see the record description
   * @param collaborative see the record description
   * @throws IllegalArgumentException naming the parameter if a value is out of range
   */
  public RepeatExplanation {
    if (purchases < 0) {
      throw new IllegalArgumentException("purchases must be >= 0, got " + purchases);
    }
    if (purchases > 0 && (basketsAgo < 0 || secondsAgo < 0)) {
      throw new IllegalArgumentException("a bought item needs basketsAgo and secondsAgo >= 0, got " + basketsAgo
          + " and " + secondsAgo);
    }
  }

  /**
   * Whether the customer bought the item before (a buy-again item rather than a discovery).
   *
   * @return {@code purchases() > 0}
   */
  public boolean repeat() {
    return purchases > 0;
  }

  /**
   * A short sentence for a customer: "bought 5 times, last 3 days ago", "bought once, in the last basket",
   * "bought twice, last 4 baskets ago" (when the timestamps are closer than a day, as basket numbers are),
   * "bought by customers like you" or "popular".
   *
   * @return the sentence
   */
  public String describe() {
    if (purchases == 0) {
      return collaborative > 0 ? "bought by customers like you" : "popular";
    }
    String times = purchases == 1 ? "once" : purchases == 2 ? "twice" : purchases + " times";
    String when;
    if (basketsAgo == 0) {
      when = "in the last basket";
    } else if (secondsAgo >= DAY) {
      long days = secondsAgo / DAY;
      when = "last " + days + (days == 1 ? " day ago" : " days ago");
    } else {
      when = "last " + basketsAgo + (basketsAgo == 1 ? " basket ago" : " baskets ago");
    }
    return "bought " + times + ", " + when;
  }
}
