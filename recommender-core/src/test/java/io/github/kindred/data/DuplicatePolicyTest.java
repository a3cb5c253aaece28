package io.github.kindred.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicatePolicyTest {
  /*
   * Cell (0, 0) gets 2 at t=30, 5 at t=10, 3 at t=20: sum 10, max 5, latest 2 (t=30 comes first in the log).
   * Cell (1, 0) gets 4 then 1, both at t=5: sum 5, max 4, latest 1 (equal times: the later in the log wins).
   * Cell (1, 1) has one event, 7, at t=1.
   */
  private static final int[] ROWS = {0, 1, 0, 1, 0, 1};
  private static final int[] COLUMNS = {0, 0, 0, 0, 0, 1};
  private static final float[] VALUES = {2, 4, 5, 1, 3, 7};
  private static final long[] TIMES = {30, 5, 10, 5, 20, 1};

  private static InteractionMatrix matrix(DuplicatePolicy policy, long[] times) {
    return InteractionMatrix.of(2, 2, ROWS, COLUMNS, VALUES, times, policy);
  }

  @Test
  void sumAddsTheValues() {
    InteractionMatrix m = matrix(DuplicatePolicy.SUM, TIMES);
    assertThat(m.nnz()).isEqualTo(3);
    assertThat(m.get(0, 0)).isEqualTo(10f);
    assertThat(m.get(1, 0)).isEqualTo(5f);
    assertThat(m.get(1, 1)).isEqualTo(7f);
  }

  @Test
  void maxKeepsTheLargest() {
    InteractionMatrix m = matrix(DuplicatePolicy.MAX, TIMES);
    assertThat(m.get(0, 0)).isEqualTo(5f);
    assertThat(m.get(1, 0)).isEqualTo(4f);
    assertThat(m.get(1, 1)).isEqualTo(7f);
  }

  @Test
  void latestKeepsTheValueWithTheLatestTimestamp() {
    InteractionMatrix m = matrix(DuplicatePolicy.LATEST, TIMES);
    assertThat(m.get(0, 0)).isEqualTo(2f);
    assertThat(m.get(1, 0)).isEqualTo(1f);
    assertThat(m.get(1, 1)).isEqualTo(7f);
  }

  @Test
  void latestWithoutTimestampsFollowsLogOrder() {
    InteractionMatrix m = matrix(DuplicatePolicy.LATEST, null);
    assertThat(m.get(0, 0)).isEqualTo(3f);
    assertThat(m.get(1, 0)).isEqualTo(1f);
  }

  @Test
  void policiesApplyToTheLogsWeightedValues() {
    InteractionLog log = InteractionLog.builder()
        .add("u", "i", 5f, 100, "view", Context.EMPTY)
        .add("u", "i", 1f, 50, "purchase", Context.EMPTY)
        .add("u", "j", 2f, InteractionLog.NO_TIME, "click", Context.EMPTY)
        .add("u", "j", 3f, InteractionLog.NO_TIME, "click", Context.EMPTY)
        .build();
    // Weighted: (u, i) gets 5 * 1 at t=100 and 1 * 8 at t=50; (u, j) gets 2 * 2 and 3 * 2 without times.
    assertThat(InteractionMatrix.of(log, DuplicatePolicy.SUM).get(0, 0)).isEqualTo(13f);
    assertThat(InteractionMatrix.of(log, DuplicatePolicy.MAX).get(0, 0)).isEqualTo(8f);
    assertThat(InteractionMatrix.of(log, DuplicatePolicy.LATEST).get(0, 0)).isEqualTo(5f);
    assertThat(InteractionMatrix.of(log, DuplicatePolicy.LATEST).get(0, 1)).isEqualTo(6f);
    assertThat(InteractionMatrix.of(log, DuplicatePolicy.SUM).get(0, 1)).isEqualTo(10f);
  }
}
