package io.github.kindred.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextTest {
  @Test
  void featuresAreSortedByNameSoEqualContextsAreEqual() {
    Context c = Context.of("hour", "night", "device", "tv");
    assertThat(c.size()).isEqualTo(2);
    assertThat(c.name(0)).isEqualTo("device");
    assertThat(c.value(1)).isEqualTo("night");
    assertThat(c.get("device")).isEqualTo("tv");
    assertThat(c.get("region")).isNull();
    assertThat(c).isEqualTo(Context.of(Map.of("device", "tv", "hour", "night")));
    assertThat(c.hashCode()).isEqualTo(Context.of("device", "tv", "hour", "night").hashCode());
  }

  @Test
  void withAndOnlyReturnCopies() {
    Context c = Context.of("hour", "night");
    assertThat(c.with("hour", "day").get("hour")).isEqualTo("day");
    assertThat(c.get("hour")).isEqualTo("night");
    assertThat(c.with("device", "tv").only("device", "region")).isEqualTo(Context.of("device", "tv"));
    assertThat(Context.of().isEmpty()).isTrue();
    assertThat(Context.of(Map.of())).isSameAs(Context.EMPTY);
  }

  @Test
  void invalidFeaturesAreRejected() {
    assertThatThrownBy(() -> Context.of("a")).hasMessageContaining("odd count");
    assertThatThrownBy(() -> Context.of("a", "1", "a", "2")).hasMessage("context feature 'a' given twice");
    assertThatThrownBy(() -> Context.of("a", " ")).hasMessage("context value must not be blank");
  }
}
