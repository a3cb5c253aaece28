package io.github.kindred.segment;

import static io.github.kindred.BadInput.assertRejected;
import static io.github.kindred.BadInput.bad;

import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad parameters and data for segmentation: each fails with a message naming the parameter. */
class SegmentValidationTest {
  static Stream<Arguments> badInputs() {
    AtRiskConfig d = AtRiskConfig.defaults();
    KMeansConfig k = new KMeansConfig(2, 10, 1L, false);
    return Stream.of(
        bad("k must be >= 1, got 0", () -> new KMeansConfig(0, 10, 1L, false)),
        bad("maxIterations must be >= 1, got 0", () -> new KMeansConfig(2, 0, 1L, false)),
        bad("dimensions must be >= 1, got 0", () -> KMeansSegmenter.cluster(new float[4], 0, k)),
        bad("is not a multiple of dimensions", () -> KMeansSegmenter.cluster(new float[5], 2, k)),
        bad("is not finite", () -> KMeansSegmenter.cluster(new float[] {0f, Float.NaN, 1f, 1f}, 1, k)),
        bad("k must be <= the number of users", () -> KMeansSegmenter.cluster(new float[] {1f}, 1, k)),
        bad("minVisits must be >= 2, got 1", () -> new AtRiskConfig(1, d.minSpanDays(), d.maxMeanGapDays(),
            d.quietDays(), d.gapMultiplier(), d.referenceTime(), d.zone())),
        bad("minSpanDays must be >= 0, got -1", () -> new AtRiskConfig(d.minVisits(), -1, d.maxMeanGapDays(),
            d.quietDays(), d.gapMultiplier(), d.referenceTime(), d.zone())),
        bad("maxMeanGapDays must be > 0, got NaN", () -> new AtRiskConfig(d.minVisits(), d.minSpanDays(),
            Double.NaN, d.quietDays(), d.gapMultiplier(), d.referenceTime(), d.zone())),
        bad("quietDays must be >= 0, got -2", () -> new AtRiskConfig(d.minVisits(), d.minSpanDays(),
            d.maxMeanGapDays(), -2, d.gapMultiplier(), d.referenceTime(), d.zone())),
        bad("gapMultiplier must be finite and >= 1, got 0.5", () -> new AtRiskConfig(d.minVisits(),
            d.minSpanDays(), d.maxMeanGapDays(), d.quietDays(), 0.5, d.referenceTime(), d.zone())),
        bad("zone", () -> new AtRiskConfig(d.minVisits(), d.minSpanDays(), d.maxMeanGapDays(), d.quietDays(),
            d.gapMultiplier(), d.referenceTime(), null)));
  }


  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void failsNamingTheParameter(String message, ThrowingCallable call) {
    assertRejected(message, call);
  }
}
