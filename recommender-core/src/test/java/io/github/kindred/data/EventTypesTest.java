package io.github.kindred.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventTypesTest {
  @Test
  void defaultsWeighViewClickCartPurchaseAndRating() {
    EventTypes types = EventTypes.defaults();
    assertThat(types.size()).isEqualTo(5);
    String[] names = {"rating", "view", "click", "cart", "purchase"};
    float[] weights = {1, 1, 2, 4, 8};
    for (int k = 0; k < names.length; k++) {
      int code = types.code(names[k]);
      assertThat(code).isGreaterThanOrEqualTo(0);
      assertThat(types.name(code)).isEqualTo(names[k]);
      assertThat(types.weight(code)).isEqualTo(weights[k]);
    }
    assertThat(types.code(EventTypes.DEFAULT)).isEqualTo(types.code("rating"));
    assertThat(types.code("share")).isEqualTo(-1);
  }

  @Test
  void withChangesAWeightOrAddsATypeInACopy() {
    EventTypes base = EventTypes.defaults();
    EventTypes changed = base.with("click", 3f);
    assertThat(changed.weight(changed.code("click"))).isEqualTo(3f);
    assertThat(changed.size()).isEqualTo(5);
    assertThat(base.weight(base.code("click"))).isEqualTo(2f);
    EventTypes added = base.with("share", 5f);
    assertThat(added.size()).isEqualTo(6);
    assertThat(added.code("share")).isEqualTo(5);
    assertThat(added.weight(5)).isEqualTo(5f);
    assertThat(base.code("share")).isEqualTo(-1);
    assertThat(added.with("view", 0f).weight(added.code("view"))).isZero();
  }

  @Test
  void withRejectsBadWeightsAndNames() {
    EventTypes types = EventTypes.defaults();
    assertThatThrownBy(() -> types.with("view", -1f))
        .hasMessage("weight of event type 'view' must be finite and >= 0, got -1.0");
    assertThatThrownBy(() -> types.with("view", Float.NaN)).hasMessageContaining("got NaN");
    assertThatThrownBy(() -> types.with("view", Float.POSITIVE_INFINITY)).hasMessageContaining("got Infinity");
    assertThatThrownBy(() -> types.with(" ", 1f)).hasMessage("event type name must not be blank");
  }

  @Test
  void weightsScaleTheLogsValues() {
    EventTypes types = EventTypes.defaults().with("share", 3f);
    InteractionLog log = InteractionLog.builder(types)
        .add("u", "i", 2f, 1, "share", Context.EMPTY)
        .add("u", "j", 2f, 1, "cart", Context.EMPTY)
        .add("u", "k", 2f)
        .build();
    assertThat(log.weightedValue(0)).isEqualTo(6f);
    assertThat(log.weightedValue(1)).isEqualTo(8f);
    assertThat(log.weightedValue(2)).isEqualTo(2f);
    assertThat(log.value(1)).isEqualTo(2f);
    assertThat(log.eventTypes().name(log.eventType(0))).isEqualTo("share");
  }
}
