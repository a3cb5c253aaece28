package io.github.kindred.repeat;

import java.util.Objects;

/**
 * Configuration of {@link RepeatTrainer}: TIFU-KNN (Hu, Sun, Li, Zhang and Yang, "Modeling Personalized Item
 * Frequency Information for Next-basket Recommendation", SIGIR 2020), and its special case the personal
 * frequency baseline ({@link #personalFrequency(double)}).
 *
 * <p>A customer's baskets, oldest to newest, are cut into groups of {@code groupSize} consecutive baskets counted
 * from the newest (so the oldest group may be shorter). Inside a group the basket {@code j} places before the
 * group's newest weighs {@code withinDecay^j} and the group vector is the mean of its weighted binary basket
 * vectors; the group {@code g} places before the newest weighs {@code groupDecay^g}, and the customer's
 * representation is the mean of the weighted group vectors. The score of an item is
 * {@code alpha * own + (1 - alpha) * mean of the representations of the neighbors nearest customers}.
 *
 * @param groupSize baskets per group, at least 1
 * @param withinDecay decay per basket inside a group, in (0, 1]
 * @param groupDecay decay per group, in (0, 1]
 * @param neighbors nearest customers averaged into the collaborative part, at least 0 (0 turns it off)
 * @param alpha weight of the customer's own representation, in [0, 1]; 1 turns the collaborative part off
 * @param measure how nearest customers are found
 * @param basketGapSeconds events of one customer at most this far apart belong to one basket, at least 0 (0: one
 *     basket per distinct timestamp, the layout of basket-indexed data)
 * @param threads training threads, at least 1; the model does not depend on it
 */
public record RepeatConfig(int groupSize, double withinDecay, double groupDecay, int neighbors, double alpha,
    NeighborMeasure measure, long basketGapSeconds, int threads) {
  /**
   * Validates every parameter.
   *
   * @param groupSize see the record description
   * @param withinDecay see the record description
   * @param groupDecay see the record description
   * @param neighbors see the record description
   * @param alpha see the record description
   * @param measure see the record description
   * @param basketGapSeconds see the record description
   * @param threads see the record description
   * @throws IllegalArgumentException naming the parameter if a value is out of range
   */
  public RepeatConfig {
    if (groupSize < 1) {
      throw new IllegalArgumentException("groupSize must be >= 1, got " + groupSize);
    }
    requireDecay(withinDecay, "withinDecay");
    requireDecay(groupDecay, "groupDecay");
    if (neighbors < 0) {
      throw new IllegalArgumentException("neighbors must be >= 0, got " + neighbors);
    }
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
    }
    Objects.requireNonNull(measure, "measure");
    if (basketGapSeconds < 0) {
      throw new IllegalArgumentException("basketGapSeconds must be >= 0, got " + basketGapSeconds);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }

  private static void requireDecay(double decay, String name) {
    if (!(decay > 0 && decay <= 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1], got " + decay);
    }
  }

  /**
   * Groups of 7 baskets, no decay within a group, 0.5 per group, the 300 nearest customers by cosine, alpha 0.1:
   * tuned on Ta-Feng (test = every customer's last basket, repeats allowed), where it reaches recall@10 0.1472 and
   * nDCG@10 0.1269 against 0.1317 / 0.1177 of the personal frequency baseline. The paper's Ta-Feng setting (7, 0.9,
   * 0.7, 300, alpha 0.7, Euclidean) gives 0.1305 / 0.1148 there: a low alpha pays because 81% of the items of a
   * Ta-Feng basket are new to the customer.
   *
   * @return the defaults, on all available processors
   */
  public static RepeatConfig defaults() {
    return new RepeatConfig(7, 1.0, 0.5, 300, 0.1, NeighborMeasure.COSINE, 0,
        Runtime.getRuntime().availableProcessors());
  }

  /**
   * The personal frequency baseline: every past basket counts {@code decay^k}, {@code k} baskets before the
   * newest, and no neighbours ({@code decay} 1 is plain purchase frequency).
   *
   * @param decay the decay per basket, in (0, 1]
   * @return a configuration with groups of one basket, {@code groupDecay = decay} and {@code alpha = 1}
   * @throws IllegalArgumentException if {@code decay} is out of range
   */
  public static RepeatConfig personalFrequency(double decay) {
    return new RepeatConfig(1, 1, decay, 0, 1, NeighborMeasure.COSINE, 0, 1);
  }

  /**
   * Whether the collaborative part is on (some neighbours and {@code alpha < 1}).
   *
   * @return whether neighbours are searched and mixed in
   */
  public boolean collaborative() {
    return neighbors > 0 && alpha < 1;
  }

  /**
   * Returns a copy with other decays.
   *
   * @param within the new {@link #withinDecay()}
   * @param group the new {@link #groupDecay()}
   * @return the copy
   */
  public RepeatConfig withDecays(double within, double group) {
    return new RepeatConfig(groupSize, within, group, neighbors, alpha, measure, basketGapSeconds, threads);
  }

  /**
   * Returns a copy with another group size.
   *
   * @param size the new {@link #groupSize()}
   * @return the copy
   */
  public RepeatConfig withGroupSize(int size) {
    return new RepeatConfig(size, withinDecay, groupDecay, neighbors, alpha, measure, basketGapSeconds, threads);
  }

  /**
   * Returns a copy with another collaborative part.
   *
   * @param count the new {@link #neighbors()}
   * @param weight the new {@link #alpha()}
   * @return the copy
   */
  public RepeatConfig withNeighbors(int count, double weight) {
    return new RepeatConfig(groupSize, withinDecay, groupDecay, count, weight, measure, basketGapSeconds, threads);
  }

  /**
   * Returns a copy with another neighbour measure.
   *
   * @param m the new {@link #measure()}
   * @return the copy
   */
  public RepeatConfig withMeasure(NeighborMeasure m) {
    return new RepeatConfig(groupSize, withinDecay, groupDecay, neighbors, alpha, m, basketGapSeconds, threads);
  }

  /**
   * Returns a copy with another basket gap.
   *
   * @param seconds the new {@link #basketGapSeconds()}
   * @return the copy
   */
  public RepeatConfig withBasketGapSeconds(long seconds) {
    return new RepeatConfig(groupSize, withinDecay, groupDecay, neighbors, alpha, measure, seconds, threads);
  }

  /**
   * Returns a copy with another thread count.
   *
   * @param count the new {@link #threads()}
   * @return the copy
   */
  public RepeatConfig withThreads(int count) {
    return new RepeatConfig(groupSize, withinDecay, groupDecay, neighbors, alpha, measure, basketGapSeconds, count);
  }
}
