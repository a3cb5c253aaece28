package io.github.kindred.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EaseForDataTest {
  @Test
  void lambdaFollowsTheMeanCountPerItem() {
    // 10 * 80,000 / 1682 = 475.6 -> 480 (multiple of 10).
    assertThat(EaseConfig.forData(943, 1682, 80_000, 2)).isEqualTo(new EaseConfig(480f, 20_000, 200, 2));
    // 10 * 810,128 / 40,981 = 197.7 -> 200; above 20,000 items the trainer takes the neighbourhood solve.
    EaseConfig g = EaseConfig.forData(29_858, 40_981, 810_128, 2);
    assertThat(g.lambda()).isEqualTo(200f);
    assertThat(g.maxItems()).isLessThan(40_981);
    assertThat(g.neighbors()).isEqualTo(200);
    // Very sparse: 10 * 10 / 1000 = 0.1 -> floor 10.
    assertThat(EaseConfig.forData(10, 1000, 10, 1).lambda()).isEqualTo(10f);
  }

  @Test
  void badCountsAreRejected() {
    assertThatThrownBy(() -> EaseConfig.forData(0, 1, 0, 1)).hasMessageContaining("users >= 1");
    assertThatThrownBy(() -> EaseConfig.forData(1, 1, 0, 0)).hasMessageContaining("threads");
  }
}
