package io.github.kindred.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Property-based checks of the ranking metrics on random rankings: every value lies in [0, 1] and equals a naive
 * reference written from the textbook definitions (sets and explicit sums, not the production code's shortcuts).
 */
class RankingMetricPropertiesTest {

  @Property(tries = 200)
  void metricsAreInUnitIntervalAndEqualNaiveDefinitions(
      @ForAll @IntRange(min = 1, max = 40) int items,
      @ForAll @IntRange(min = 0, max = 40) int listLength,
      @ForAll @IntRange(min = 0, max = 40) int relevantCount,
      @ForAll @IntRange(min = 1, max = 25) int k,
      @ForAll long seed) {
    Random random = new Random(seed);
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      all.add(i);
    }
    Collections.shuffle(all, random);
    int[] ranked = all.subList(0, Math.min(listLength, items)).stream().mapToInt(Integer::intValue).toArray();
    Collections.shuffle(all, random);
    Set<Integer> relevantSet = new TreeSet<>(all.subList(0, Math.min(relevantCount, items)));
    int[] relevant = relevantSet.stream().mapToInt(Integer::intValue).toArray();
    // A longer backing array than the valid length must not matter.
    int[] padded = java.util.Arrays.copyOf(ranked, ranked.length + 3);
    padded[ranked.length] = relevant.length > 0 ? relevant[0] : 0;

    for (RankingMetric metric : RankingMetric.values()) {
      double value = metric.compute(padded, ranked.length, relevant, k);
      assertThat(value).as("%s in [0,1]", metric).isBetween(0.0, 1.0);
      assertThat(value).as("%s against the naive definition", metric)
          .isCloseTo(naive(metric, ranked, relevantSet, k), within(1e-12));
    }
  }

  private static double naive(RankingMetric metric, int[] ranked, Set<Integer> relevant, int k) {
    if (relevant.isEmpty()) {
      return 0;
    }
    List<Integer> top = new ArrayList<>();
    for (int r = 0; r < ranked.length && r < k; r++) {
      top.add(ranked[r]);
    }
    long hits = top.stream().filter(relevant::contains).count();
    int n = relevant.size();
    switch (metric) {
      case PRECISION:
        return hits / (double) k;
      case RECALL:
        return hits / (double) n;
      case RECALL_CAPPED:
        return hits / (double) Math.min(n, k);
      case NDCG:
        return dcg(top, relevant) / idealDcg(Math.min(n, k));
      case NDCG_UNTRUNCATED:
        return dcg(top, relevant) / idealDcg(n);
      case MAP: {
        double sum = 0;
        for (int i = 1; i <= top.size(); i++) {
          if (relevant.contains(top.get(i - 1))) {
            long hitsUpToI = top.subList(0, i).stream().filter(relevant::contains).count();
            sum += hitsUpToI / (double) i;
          }
        }
        return sum / Math.min(n, k);
      }
      case MRR:
        for (int i = 1; i <= top.size(); i++) {
          if (relevant.contains(top.get(i - 1))) {
            return 1.0 / i;
          }
        }
        return 0;
      case HIT:
        return hits > 0 ? 1 : 0;
      default:
        throw new AssertionError(metric);
    }
  }

  private static double dcg(List<Integer> top, Set<Integer> relevant) {
    double sum = 0;
    for (int i = 1; i <= top.size(); i++) {
      if (relevant.contains(top.get(i - 1))) {
        sum += Math.log(2) / Math.log(i + 1);
      }
    }
    return sum;
  }

  private static double idealDcg(int positions) {
    double sum = 0;
    for (int i = 1; i <= positions; i++) {
      sum += Math.log(2) / Math.log(i + 1);
    }
    return sum;
  }
}
