package io.github.kindred.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdIndexTest {
  @Test
  void idsRoundTripThroughIndexes() {
    IdIndex index = IdIndex.of("b", "a", "42");
    assertThat(index.size()).isEqualTo(3);
    for (int i = 0; i < index.size(); i++) {
      assertThat(index.indexOf(index.idOf(i))).isEqualTo(i);
    }
    for (String id : new String[] {"b", "a", "42"}) {
      assertThat(index.idOf(index.indexOf(id))).isEqualTo(id);
    }
    assertThat(index.indexOf("a")).isEqualTo(1);
    assertThat(index.indexOf(42L)).isEqualTo(2);
    assertThat(index.indexOf(7L)).isEqualTo(-1);
    assertThat(index.indexOf("zz")).isEqualTo(-1);
    assertThat(index.contains("b")).isTrue();
    assertThat(index.contains("c")).isFalse();
  }

  @Test
  void requireAndIdOfFailOnUnknowns() {
    IdIndex index = IdIndex.of("x");
    assertThat(index.require("x", "item")).isZero();
    assertThatThrownBy(() -> index.require("y", "item")).hasMessage("unknown item id 'y'");
    assertThatThrownBy(() -> index.idOf(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> index.idOf(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void ofRejectsDuplicates() {
    assertThatThrownBy(() -> IdIndex.of("a", "b", "a")).hasMessage("duplicate id 'a'");
  }

  @Test
  void builderAssignsIndexesInOrderOfFirstAppearance() {
    IdIndex.Builder b = new IdIndex.Builder();
    assertThat(b.add("u7")).isZero();
    assertThat(b.add("u3")).isEqualTo(1);
    assertThat(b.add("u7")).isZero();
    assertThat(b.size()).isEqualTo(2);
    assertThat(b.indexOf("u3")).isEqualTo(1);
    assertThat(b.indexOf("u9")).isEqualTo(-1);
    IdIndex first = b.build();
    b.add("u9");
    assertThat(first.size()).isEqualTo(2);
    assertThat(first.contains("u9")).isFalse();
    assertThat(b.build().ids()).containsExactly("u7", "u3", "u9");
    assertThatThrownBy(() -> b.add(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void builderGrowsPastItsInitialCapacity() {
    IdIndex.Builder b = new IdIndex.Builder();
    for (int i = 0; i < 1000; i++) {
      assertThat(b.add("id" + i)).isEqualTo(i);
    }
    IdIndex index = b.build();
    assertThat(index.size()).isEqualTo(1000);
    assertThat(index.indexOf("id999")).isEqualTo(999);
    assertThat(index.idOf(500)).isEqualTo("id500");
  }

  @Test
  void toBuilderExtendsWithoutChangingExistingIndexes() {
    IdIndex base = IdIndex.of("a", "b");
    IdIndex.Builder b = base.toBuilder();
    assertThat(b.add("b")).isEqualTo(1);
    assertThat(b.add("c")).isEqualTo(2);
    assertThat(b.build().ids()).containsExactly("a", "b", "c");
    assertThat(base.size()).isEqualTo(2);
  }

  @Test
  void truncateForgetsTheLatestIds() {
    IdIndex.Builder b = new IdIndex.Builder();
    b.add("a");
    b.add("b");
    b.add("c");
    b.truncate(1);
    assertThat(b.size()).isEqualTo(1);
    assertThat(b.indexOf("b")).isEqualTo(-1);
    assertThat(b.add("c")).isEqualTo(1);
    assertThat(b.build().ids()).containsExactly("a", "c");
    assertThatThrownBy(() -> b.truncate(3)).hasMessage("size must be in [0, 2], got 3");
  }

  @Test
  void idsIsACopyAndEqualityFollowsTheIds() {
    IdIndex index = IdIndex.of("a", "b");
    index.ids()[0] = "changed";
    assertThat(index.idOf(0)).isEqualTo("a");
    assertThat(index).isEqualTo(IdIndex.of("a", "b")).hasSameHashCodeAs(IdIndex.of("a", "b"));
    assertThat(index).isNotEqualTo(IdIndex.of("b", "a"));
  }
}
