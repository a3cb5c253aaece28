package io.github.kindred.serve;

import static io.github.kindred.BadInput.assertRejected;
import static io.github.kindred.BadInput.bad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.Dataset;
import java.time.Duration;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input to the serving facade: each fails with a message naming the parameter, and changes nothing. */
class ServeValidationTest {
  private static final Dataset DATA = Fixtures.data(3, "u1 i0 1", "u1 i1 1", "u2 i2 1");
  private static final Fixtures.TableModel MODEL = Fixtures.TableModel.constant(DATA, 3f, 2f, 1f);

  static Stream<Arguments> badInputs() {
    Recommender.Builder b = Recommender.builder(MODEL, DATA);
    return Stream.of(
        bad("event user id must not be null or blank", () -> Event.of(" ", "i0", 1f, 1)),
        bad("event item id must not be null or blank", () -> Event.of("u", null, 1f, 1)),
        bad("event value must be finite and > 0, got NaN", () -> Event.of("u", "i0", Float.NaN, 1)),
        bad("event value must be finite and > 0, got Infinity", () -> Event.of("u", "i0", Float.POSITIVE_INFINITY,
            1)),
        bad("event value must be finite and > 0, got -1.0", () -> Event.of("u", "i0", -1f, 1)),
        bad("count must be >= 1, got 0", () -> Request.forUser("u1").count(0)),
        bad("diversity must be in [0, 1], got 1.5", () -> Request.forUser("u1").diversity(1.5f)),
        bad("diversity must be in [0, 1], got NaN", () -> Request.forUser("u1").diversity(Float.NaN)),
        bad("personalization must be in [0, 1], got -0.1", () -> Request.forUser("u1").personalization(-0.1f)),
        bad("boost multiplier must be finite and >= 0, got -2.0", () -> Request.forUser("u1").boost("i0", -2f)),
        bad("boost amount must be finite, got NaN", () -> Request.forUser("u1").boostAdd("i0", Float.NaN)),
        bad("must not be null or blank", () -> Request.forUser("")),
        bad("must not be null or blank", () -> Request.similarTo(null)),
        bad("hotListSize must be >= 1, got 0", () -> b.hotListSize(0)),
        bad("hotListRefresh must be > 0, got PT0S", () -> b.hotListRefresh(Duration.ZERO)),
        bad("maxHotLists must be >= 1, got 0", () -> b.maxHotLists(0)),
        bad("trendingHalfLife must be > 0", () -> b.trendingHalfLife(Duration.ofHours(-1))),
        bad("minSliceEvents must be >= 0, got -1", () -> b.minSliceEvents(-1)),
        bad("userCacheSize must be >= 0, got -5", () -> b.userCacheSize(-5)),
        bad("model", () -> Recommender.builder(null, DATA)),
        bad("userId", () -> Recommender.builder(MODEL, DATA).build().deleteUser(null)));
  }


  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void failsNamingTheParameter(String message, ThrowingCallable call) {
    assertRejected(message, call);
  }

  @Test
  void aSwapWithAModelOfAnotherDatasetFailsAndLeavesTheStateUnchanged() {
    Recommender r = Recommender.builder(MODEL, DATA).build();
    Dataset other = Fixtures.data(4, "x i0 1", "x i3 1");
    Fixtures.TableModel otherModel = Fixtures.TableModel.constant(other, 1f, 1f, 1f, 1f);
    assertThatThrownBy(() -> r.swap(otherModel, DATA)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the model's users (1) are not the dataset's users (2)");
    assertThat(r.model()).isSameAs(MODEL);
    assertThat(r.stats().modelVersion()).isZero();
    assertThat(r.history("u1")).containsExactly("i0", "i1");
  }

  @Test
  void unknownIdsInRequestsAreAnsweredNotFailed() {
    Recommender r = Recommender.builder(MODEL, DATA).build();
    // An unknown user is a cold user: popular items, never an error.
    assertThat(r.recommend(Request.forUser("stranger").count(2).build()).itemIds()).containsExactly("i0", "i1");
    assertThat(r.recommend(Request.similarTo("no-such-item").build()).size()).isZero();
  }
}
