package io.github.kindred.segment;

import java.util.Locale;

/**
 * Named RFM tiers, after the usual RFM segment tables, decided from the recency (R), frequency (F) and monetary (M)
 * scores 1..5 by the first rule that matches, in this order:
 *
 * <table>
 *   <caption>Tier rules, first match wins</caption>
 *   <tr><th>tier</th><th>rule</th><th>meaning</th></tr>
 *   <tr><td>champions</td><td>R &ge; 4, F &ge; 4, M &ge; 4</td><td>recent, frequent, big spenders</td></tr>
 *   <tr><td>loyal</td><td>R &ge; 3, F &ge; 4</td><td>frequent and still around</td></tr>
 *   <tr><td>potential-loyalist</td><td>R &ge; 4, F 2..3</td><td>recent, returning</td></tr>
 *   <tr><td>new</td><td>R &ge; 4, F = 1</td><td>recent first-timers</td></tr>
 *   <tr><td>needs-attention</td><td>R = 3, F &le; 3</td><td>middling on both</td></tr>
 *   <tr><td>cannot-lose</td><td>R &le; 2, F &ge; 4, M &ge; 4</td><td>were among the best, now away</td></tr>
 *   <tr><td>at-risk</td><td>R &le; 2, F &ge; 3</td><td>were frequent, now away</td></tr>
 *   <tr><td>hibernating</td><td>R = 2, F &le; 2</td><td>rare and away for a while</td></tr>
 *   <tr><td>lost</td><td>R = 1, F &le; 2</td><td>rare and away the longest</td></tr>
 * </table>
 *
 * <p>Every (R, F, M) combination matches exactly one tier: R &ge; 4 splits by F (champions/loyal, potential-loyalist,
 * new), R = 3 by F (loyal, needs-attention), R &le; 2 by F (cannot-lose/at-risk, hibernating/lost). Monetary value
 * only lifts loyal users to champions and at-risk users to cannot-lose.
 */
public enum RfmTier {
  /** R &ge; 4, F &ge; 4, M &ge; 4. */
  CHAMPIONS,
  /** R &ge; 3, F &ge; 4, not champions. */
  LOYAL,
  /** R &ge; 4, F 2..3. */
  POTENTIAL_LOYALIST,
  /** R &ge; 4, F = 1. */
  NEW,
  /** R = 3, F &le; 3. */
  NEEDS_ATTENTION,
  /** R &le; 2, F &ge; 4, M &ge; 4. */
  CANNOT_LOSE,
  /** R &le; 2, F &ge; 3, not cannot-lose. */
  AT_RISK,
  /** R = 2, F &le; 2. */
  HIBERNATING,
  /** R = 1, F &le; 2. */
  LOST;

  private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');

  /** {@return the segment name of the tier: lower case with hyphens, for example {@code "at-risk"}} */
  public String label() {
    return label;
  }

  /**
   * The tier of the scores, by the rules in the class documentation.
   *
   * @param recency the recency score, 1 (longest ago) to 5 (most recent)
   * @param frequency the frequency score, 1 to 5
   * @param monetary the monetary score, 1 to 5
   * @return the tier; every combination of scores has exactly one
   * @throws IllegalArgumentException if a score is not in 1..5
   */
  public static RfmTier of(int recency, int frequency, int monetary) {
    requireScore("recency", recency);
    requireScore("frequency", frequency);
    requireScore("monetary", monetary);
    if (recency >= 4) {
      if (frequency >= 4) {
        return monetary >= 4 ? CHAMPIONS : LOYAL;
      }
      return frequency >= 2 ? POTENTIAL_LOYALIST : NEW;
    }
    if (recency == 3) {
      return frequency >= 4 ? LOYAL : NEEDS_ATTENTION;
    }
    if (frequency >= 3) {
      return frequency >= 4 && monetary >= 4 ? CANNOT_LOSE : AT_RISK;
    }
    return recency == 2 ? HIBERNATING : LOST;
  }

  /**
   * The tier named {@code label} (as {@link #label()} gives it).
   *
   * @param label the label, for example {@code "champions"}; case-sensitive
   * @return the tier
   * @throws IllegalArgumentException if no tier has that label
   */
  public static RfmTier ofLabel(String label) {
    for (RfmTier t : values()) {
      if (t.label.equals(label)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no RFM tier is labelled '" + label + "'");
  }

  private static void requireScore(String name, int score) {
    if (score < 1 || score > 5) {
      throw new IllegalArgumentException(name + " score must be in 1..5, got " + score);
    }
  }
}
