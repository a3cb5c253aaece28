package io.github.kindred.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.Context;
import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Query;
import io.github.kindred.popularity.PopularityTrainer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextualPreFilterTest {
  /**
   * Items a, b, c. Slices: (day, home) has 3 events of a; (day, office) 2 of b; (night, home) 2 of c. So with at
   * least 3 events per slice, (day, home) and day (5 events) have models; (day, office), night and (night, home)
   * do not.
   */
  private static Dataset data() {
    InteractionLog.Builder b = InteractionLog.builder();
    Context dayHome = Context.of("time", "day", "place", "home");
    Context dayOffice = Context.of("time", "day", "place", "office");
    Context nightHome = Context.of("time", "night", "place", "home");
    b.add("u1", "a", 1f, 1L, "rating", dayHome).add("u2", "a", 1f, 2L, "rating", dayHome)
        .add("u3", "a", 1f, 3L, "rating", dayHome);
    b.add("u1", "b", 1f, 4L, "rating", dayOffice).add("u2", "b", 1f, 5L, "rating", dayOffice);
    b.add("u1", "c", 1f, 6L, "rating", nightHome).add("u2", "c", 1f, 7L, "rating", nightHome);
    return Dataset.of(b.build());
  }

  private static float[] scores(ContextualPreFilter.PreFilterModel m, Context c) {
    float[] s = new float[3];
    m.score(Query.empty().withContext(c), s);
    return s;
  }

  @Test
  void finestSliceAnswersAndSmallSlicesBackOff() {
    PreFilterConfig config = new PreFilterConfig(List.of(List.of("time"), List.of("time", "place")), 3, true);
    ContextualPreFilter.PreFilterModel m = new ContextualPreFilter(new PopularityTrainer(), config).fit(data());
    assertThat(m.sliceCount()).isEqualTo(2);

    // (day, home): its own slice, where only a was chosen (by 3 users).
    Context dayHome = Context.of("time", "day", "place", "home");
    assertThat(m.sliceFor(dayHome)).isEqualTo(dayHome);
    assertThat(scores(m, dayHome)).containsExactly(3f, 0f, 0f);

    // (day, office) has 2 events < 3: backs off to the day slice (a by 3 users, b by 2).
    Context dayOffice = Context.of("time", "day", "place", "office");
    assertThat(m.sliceFor(dayOffice)).isEqualTo(Context.of("time", "day"));
    assertThat(scores(m, dayOffice)).containsExactly(3f, 2f, 0f);

    // (night, home): neither the pair nor night alone (2 events) has a model: the fallback on all events answers.
    Context nightHome = Context.of("time", "night", "place", "home");
    assertThat(m.sliceFor(nightHome)).isEqualTo(Context.EMPTY);
    assertThat(scores(m, nightHome)).containsExactly(3f, 2f, 2f);
    assertThat(m.modelFor(nightHome)).isSameAs(m.fallback());
  }

  @Test
  void missingOrUnseenContextBacksOff() {
    PreFilterConfig config = new PreFilterConfig(List.of(List.of("time", "place"), List.of("time")), 3, true);
    ContextualPreFilter.PreFilterModel m = new ContextualPreFilter(new PopularityTrainer(), config).fit(data());
    assertThat(scores(m, Context.of("time", "day"))).containsExactly(3f, 2f, 0f);
    assertThat(scores(m, Context.of("time", "dusk", "place", "home"))).containsExactly(3f, 2f, 2f);
    assertThat(scores(m, Context.EMPTY)).containsExactly(3f, 2f, 2f);
  }

  @Test
  void aLargerMinimumLeavesOnlyTheFallback() {
    ContextualPreFilter.PreFilterModel m = new ContextualPreFilter(new PopularityTrainer(),
        PreFilterConfig.byEach("time").withMinEvents(6)).fit(data());
    assertThat(m.sliceCount()).isZero();
    assertThat(scores(m, Context.of("time", "day"))).containsExactly(3f, 2f, 2f);
    assertThat(m.items()).isEqualTo(data().items());
  }

  @Test
  void invalidConfigurationAndUnknownFeaturesAreRejected() {
    assertThatThrownBy(() -> new PreFilterConfig(List.of(), 3, true)).hasMessageContaining("slices");
    assertThatThrownBy(() -> new PreFilterConfig(List.of(List.of()), 3, true)).hasMessageContaining("at least one");
    assertThatThrownBy(() -> PreFilterConfig.byEach("time").withMinEvents(0)).hasMessageContaining("minEvents");
    assertThatThrownBy(() -> new PreFilterConfig(List.of(List.of("a", "b"), List.of("b", "a")), 3, true))
        .hasMessageContaining("twice");
    ContextualPreFilter p = new ContextualPreFilter(new PopularityTrainer(), PreFilterConfig.byEach("weather"));
    assertThatThrownBy(() -> p.fit(data())).hasMessageContaining("weather");
  }
}
