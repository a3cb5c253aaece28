package io.github.kindred.serve.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kindred.math.TopN;
import org.junit.jupiter.api.Test;

class DiversifierTest {
  /** Pool items 10, 11, 12 scored 1, 0.9, 0 (relevance 1, 0.9, 0); 10 and 11 identical, 12 unlike both. */
  private static int rerank(float diversity, int[] items, float[] scores) {
    TopN top = new TopN(3);
    top.offer(11, 0.9f);
    top.offer(12, 0f);
    top.offer(10, 1f);
    Diversifier d = new Diversifier();
    int[] pool = d.pool(top);
    assertThat(d.poolSize()).isEqualTo(3);
    assertThat(new int[] {pool[0], pool[1], pool[2]}).containsExactly(10, 11, 12);
    return d.rerank(3, diversity, (a, b) -> pool[a] + pool[b] == 21 ? 1f : 0f, items, scores);
  }

  @Test
  void strongDiversityTakesTheUnlikeItemSecond() {
    // lambda 0.5: first 10 (0.5 > 0.45 > 0); then 11 is 0.45 - 0.5 = -0.05 against 12's 0, so 12, then 11.
    int[] items = new int[3];
    float[] scores = new float[3];
    assertThat(rerank(0.5f, items, scores)).isEqualTo(3);
    assertThat(items).containsExactly(10, 12, 11);
    assertThat(scores).containsExactly(1f, 0f, 0.9f);
  }

  @Test
  void weakDiversityKeepsTheScoreOrder() {
    // lambda 0.95: after 10, 11 is 0.855 - 0.05 = 0.805 against 12's 0.
    int[] items = new int[3];
    float[] scores = new float[3];
    rerank(0.05f, items, scores);
    assertThat(items).containsExactly(10, 11, 12);
  }

  @Test
  void choosesAtMostThePool() {
    TopN top = new TopN(5);
    top.offer(4, 1f);
    Diversifier d = new Diversifier();
    d.pool(top);
    int[] items = new int[1];
    assertThat(d.rerank(3, 0.5f, (a, b) -> 0f, items, new float[1])).isEqualTo(1);
    assertThat(items).containsExactly(4);
  }
}
