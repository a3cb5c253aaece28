package io.github.kindred.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Property-based check that TopN equals a full sort by score descending with ties by the smaller index. */
class TopNPropertiesTest {

  @Provide
  Arbitrary<float[]> scores() {
    // Few distinct values (including excluded ones) so that ties and exclusions are frequent.
    return Arbitraries.of(0f, 1f, 1f, 2f, -3.5f, 7f, Float.NEGATIVE_INFINITY, Float.NaN, Float.POSITIVE_INFINITY)
        .array(float[].class).ofMaxSize(60);
  }

  @Property(tries = 200)
  void selectEqualsAFullSort(@ForAll("scores") float[] scores, @ForAll @IntRange(min = 0, max = 70) int n) {
    int[] expected = fullSort(scores, scores.length, n);
    assertThat(TopN.select(scores, n)).containsExactly(expected);

    TopN streaming = new TopN(3);
    streaming.reset(n);
    for (int i = scores.length - 1; i >= 0; i--) {
      streaming.offer(i, scores[i]);
    }
    int[] ids = new int[n];
    float[] kept = new float[n];
    int written = streaming.drainTo(ids, kept);
    assertThat(written).isEqualTo(expected.length);
    for (int k = 0; k < written; k++) {
      assertThat(ids[k]).isEqualTo(expected[k]);
      assertThat(kept[k]).isEqualTo(scores[expected[k]]);
    }
    assertThat(streaming.size()).isZero();
  }

  @Property(tries = 200)
  void selectOverAPrefixIgnoresTheRest(@ForAll("scores") float[] scores, @ForAll @IntRange(min = 0, max = 20) int n,
      @ForAll @IntRange(min = 0, max = 60) int cut) {
    int length = Math.min(cut, scores.length);
    assertThat(TopN.select(scores, length, n)).containsExactly(fullSort(scores, length, n));
  }

  /** Reference: every selectable index sorted by score descending, then index ascending, first n. */
  private static int[] fullSort(float[] scores, int length, int n) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      if (!Float.isNaN(scores[i]) && scores[i] != Float.NEGATIVE_INFINITY) {
        order.add(i);
      }
    }
    order.sort(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i));
    return order.stream().limit(n).mapToInt(Integer::intValue).toArray();
  }
}
